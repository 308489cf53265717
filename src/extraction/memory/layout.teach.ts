import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { Segmented } from '../layout/segments.ts';
import { type AccountBlock, accountBlock, blockOrigin } from './account.block.ts';
import { accountShapes } from './account.shape.ts';
import { fingerprintOf, type LayoutFingerprint, layoutIdOf, type PageSize } from './layout.fingerprint.ts';
import { matchLayout } from './layout.match.ts';
import type { LayoutRule } from './layout.rule.ts';
import { phraseKey } from './phrase.match.ts';
import { type LearnedPlace, type LearnOutcome, learnPlaces, learnRule } from './rule.learner.ts';

/** The correct values of one report of a document, as an approver's edit or a truth file gives them. */
export interface TaughtReport {
  account: string | null;
  fields: Partial<Record<FieldName, number>>;
}

export interface TeachPlan {
  /** The known layout the document matched, or a new id from its own fingerprint. */
  layoutId: string;
  isNew: boolean;
  fingerprint: LayoutFingerprint;
  /** What to store: one rule per field learned. */
  rules: LayoutRule[];
  /** Per field and account: learned, or why not. */
  outcomes: (LearnOutcome & { account: string | null })[];
}

/**
 * What a document teaches about its layout, given its correct values: the layout (a known one it
 * matches, else a new one) and a rule per field whose value it prints. A document with several
 * accounts teaches only rules found through each account's own row (a label rule would find the
 * first account's figure for every account).
 */
export function planTeaching(
  doc: { lines: Segmented[]; pages: PageSize[] },
  reports: TaughtReport[],
  known: readonly { id: string; fingerprint: LayoutFingerprint }[],
  /** How many accounts the document holds, when more than the reports taught (an edit of one of them). */
  accounts = reports.length,
): TeachPlan {
  const shapes = accountShapes(reports.map((r) => r.account));
  const fingerprint = { ...fingerprintOf(doc.lines, doc.pages), ...(shapes.length ? { accounts: shapes } : {}) };
  const match = matchLayout(fingerprint, known);
  const rules: LayoutRule[] = [];
  const outcomes: TeachPlan['outcomes'] = [];
  if (Math.max(accounts, reports.length) > 1)
    return { ...planFor(match, fingerprint), ...severalAccounts(doc, reports) };
  for (const report of reports) {
    for (const field of FIELD_NAMES) {
      const value = report.fields[field];
      if (value === undefined) continue;
      const learned = learnRule(doc, field, value, report.account);
      outcomes.push({ ...learned, account: report.account });
      if (learned.rule) rules.push(learned.rule);
    }
  }
  return { ...planFor(match, fingerprint), rules, outcomes };
}

function planFor(match: { layout: { id: string } } | null, fingerprint: LayoutFingerprint) {
  return { layoutId: match?.layout.id ?? layoutIdOf(fingerprint), isNew: !match, fingerprint };
}

/**
 * Several accounts: per field, the place that holds the taught value in the most accounts: a column
 * of a table with one row per account, or a label inside each account's own block where the accounts
 * are stacked one after another (the label's place then counted from the block's heading). A zero or
 * a value two places share in one account is settled by the others.
 */
function severalAccounts(
  doc: { lines: Segmented[]; pages: PageSize[] },
  reports: TaughtReport[],
): Pick<TeachPlan, 'rules' | 'outcomes'> {
  const rules: LayoutRule[] = [];
  const outcomes: TeachPlan['outcomes'] = [];
  const blocks = new Map(reports.map((r) => [r.account, accountBlock(doc.lines, r.account)]));
  for (const field of FIELD_NAMES) {
    const per = reports.flatMap((r) => {
      const value = r.fields[field];
      if (value === undefined) return [];
      const rows = (learnPlaces(doc, field, value, r.account) ?? []).filter((p) => p.rule.anchor === 'account');
      return [{ account: r.account, places: [...rows, ...inBlock(doc, blocks.get(r.account) ?? null, field, value)] }];
    });
    if (per.length === 0) continue;
    const votes = new Map<string, { n: number; worth: number; place: LearnedPlace }>();
    for (const { places } of per) {
      const seen = new Set<string>();
      for (const p of places) {
        const key = voteKey(p.rule);
        if (seen.has(key)) continue;
        seen.add(key);
        const v = votes.get(key) ?? { n: 0, worth: 0, place: p };
        votes.set(key, { n: v.n + 1, worth: v.worth + p.worth, place: v.place });
      }
    }
    const best = [...votes.values()].sort((a, b) => b.n - a.n || b.worth - a.worth)[0];
    for (const { account, places } of per) {
      const mine = best && places.find((p) => voteKey(p.rule) === voteKey(best.place.rule));
      outcomes.push(
        mine
          ? { field, rule: mine.rule, account }
          : {
              field,
              rule: null,
              reason: 'not printed in this account’s row or block where the other accounts print it',
              account,
            },
      );
    }
    if (best) rules.push(best.place.rule);
  }
  return { rules, outcomes };
}

/** Two accounts' places are one place of the layout when they are found the same way. */
const voteKey = (r: LayoutRule) =>
  r.block
    ? `block|${r.anchor}|${phraseKey(r.label ?? '')}|${phraseKey(r.column ?? '')}|${r.occurrence}|${r.ordinal}|${r.sign}`
    : `${r.column}|${r.sign}`;

/** The places of a value inside one account's block, found by a label there, placed from the block's heading. */
function inBlock(
  doc: { lines: Segmented[]; pages: PageSize[] },
  block: AccountBlock | null,
  field: FieldName,
  value: number,
): LearnedPlace[] {
  if (!block) return [];
  const found = learnPlaces({ lines: block.lines, pages: doc.pages }, field, value, null) ?? [];
  const origin = blockOrigin(block, doc.pages);
  return found
    .filter((p) => p.rule.anchor !== 'account')
    .map((p) => ({
      ...p,
      rule: {
        ...p.rule,
        block: true,
        page: p.rule.page - origin.page,
        y: Math.round((p.rule.y - origin.y) * 1000) / 1000,
      },
    }));
}
