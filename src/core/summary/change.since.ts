import type { CardBlock } from '../cards/card.model.ts';
import { CHANGE_ISSUE, type ChangeFlags, DEFAULT_FLAGS } from '../decisions/trust.policy.ts';
import { formatMoney } from '../format.ts';
import { needsReviewWith } from '../report/report.finish.ts';
import type { Report } from '../report/report.model.ts';
import type { FieldName, MarginReport, ReportIssue } from '../report/report.schema.ts';

/**
 * Issue 14: the change since the account's last approved report — equity, requirement and excess,
 * absolute and in percent, with the prior report's date — and the threshold flags that make it a
 * review reason. The prior report is the approved one dated latest *before* this one, so a report
 * that arrives out of order is compared with its true predecessor.
 */
export interface FieldChange {
  field: FieldName;
  label: string;
  before: number;
  after: number;
  delta: number;
  /** delta / |before|; undefined when before is 0. */
  pct: number | undefined;
}

export interface ChangeSince {
  priorId: string;
  priorDate: string;
  changes: FieldChange[];
  /** Review reasons from the thresholds, as sentences. */
  flags: string[];
}

const COMPARED: [FieldName, string][] = [
  ['total_equity', 'Equity'],
  ['maintenance_requirement', 'Requirement'],
  ['excess_liquidity', 'Excess'],
];

export function changeSince(
  report: Pick<Report, 'extracted'>,
  prior: Report,
  flags: ChangeFlags = DEFAULT_FLAGS,
): ChangeSince {
  const now = report.extracted.fields;
  const was = prior.extracted.fields;
  const changes: FieldChange[] = [];
  for (const [field, label] of COMPARED) {
    const after = now[field];
    const before = was[field];
    if (after === undefined || before === undefined) continue;
    const delta = Math.round((after - before) * 100) / 100;
    changes.push({ field, label, before, after, delta, pct: before === 0 ? undefined : delta / Math.abs(before) });
  }
  const of = (f: FieldName) => changes.find((c) => c.field === f);
  const out: string[] = [];
  const equity = of('total_equity');
  if (equity?.pct !== undefined && flags.equityDropPct > 0 && equity.pct <= -flags.equityDropPct / 100) {
    out.push(`Equity fell ${pctText(-equity.pct)} since ${prior.reportDate} (flag at ${flags.equityDropPct}%).`);
  }
  const excess = of('excess_liquidity');
  if (flags.excessTurnsNegative && excess && excess.before >= 0 && excess.after < 0) {
    out.push(`Excess liquidity turned negative since ${prior.reportDate}.`);
  }
  const req = of('maintenance_requirement');
  if (req?.pct !== undefined && flags.requirementRisePct > 0 && req.pct >= flags.requirementRisePct / 100) {
    out.push(`Requirement rose ${pctText(req.pct)} since ${prior.reportDate} (flag at ${flags.requirementRisePct}%).`);
  }
  return { priorId: prior.id, priorDate: prior.reportDate, changes, flags: out };
}

/**
 * The report as stored after extraction: each threshold flag against its true predecessor becomes a
 * stored review reason, so needs_review (and /margin pending, digests) count it, not only the card.
 */
export function withChangeFlags<R extends MarginReport>(
  report: R,
  prior: Report | undefined,
  flags: ChangeFlags = DEFAULT_FLAGS,
): R {
  if (!prior) return report;
  const found = changeSince({ extracted: report }, prior, flags).flags;
  if (found.length === 0) return report;
  const issues: ReportIssue[] = found.map((message) => ({ code: CHANGE_ISSUE, severity: 'warning', message }));
  return { ...report, issues: [...report.issues, ...issues], needs_review: true };
}

/**
 * The stored flags again, against a new predecessor (an earlier-dated report approved later): the old
 * change flags go, and whether the report needs review without them is what the rules say of the rest.
 */
export function withFreshChangeFlags<R extends MarginReport>(
  report: R,
  prior: Report | undefined,
  flags: ChangeFlags = DEFAULT_FLAGS,
  now: Date = new Date(),
): R {
  const kept = report.issues.filter((i) => i.code !== CHANGE_ISSUE);
  const needsReview =
    kept.length === report.issues.length ? report.needs_review : needsReviewWith(report, kept, { now });
  return withChangeFlags({ ...report, issues: kept, needs_review: needsReview }, prior, flags);
}

const pctText = (p: number) => `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
const signed = (v: number, currency: string) => (v > 0 ? `+${formatMoney(v, currency)}` : formatMoney(v, currency));
const signedPct = (p: number | undefined) =>
  p === undefined ? 'n/a' : `${p > 0 ? '+' : p < 0 ? '-' : ''}${pctText(Math.abs(p))}`;

/** The Δ line of the card, and the flags as a review list. */
export function changeBlocks(c: ChangeSince, currency: string): CardBlock[] {
  if (c.changes.length === 0) return [];
  const blocks: CardBlock[] = [
    {
      type: 'text',
      text: `Δ since ${c.priorDate} (last approved): ${c.changes
        .map((x) => `${x.label} ${signed(x.delta, currency)} (${signedPct(x.pct)})`)
        .join(' · ')}`,
    },
  ];
  if (c.flags.length > 0)
    blocks.push({ type: 'list', title: 'Needs review — change', tone: 'warning', items: c.flags });
  return blocks;
}
