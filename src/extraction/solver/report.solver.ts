import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { type Candidate, isProse } from '../fields/candidates.ts';
import { holdsWith, type Identity, identitiesHolding, pinned, type Values } from './accounting.identities.ts';
import { fillAlone } from './alone.fill.ts';
import { alignToIdentityColumn } from './column.agreement.ts';
import { identityTrust } from './identity.trust.ts';
import { money } from './issue.money.ts';
import { labelClarity } from './label.clarity.ts';
import { releaseLeaning } from './leaning.release.ts';
import { REPAIRED_CONF, repairMisreads } from './misread.repair.ts';
import type { OpenFigure } from './open.figures.ts';
import { chosenSide } from './part.evidence.ts';
import { fillLeaning, fillUnknown, flagUnread } from './pool.fills.ts';
import { offerTickReadings } from './tick.digits.ts';

/**
 * One joint choice per report: every field's candidate values are weighed together, by how well
 * their labels rank and by the accounting identities a statement obeys (equity = cash + long +
 * short; excess = equity − requirement; a call is the deficit, or what restores initial margin).
 * Current figures satisfy the identities among themselves, and so do prior-day figures, but a mix
 * does not, so the identities keep one column together while the labels' rank decides which.
 */

export interface SolvedField {
  pick: Candidate;
  conf: number;
  /** Fields of an identity that the chosen values satisfy, when this one is in it. */
  confirmedBy: string | null;
  rivals: { cand: Candidate; reason: string }[];
  /** Read under an unambiguous label: the identities never replace it, even when they doubt it. */
  clear?: boolean;
}

export interface SolveInput {
  byField: Map<FieldName, Candidate[]>;
  /** Label/layout rank of a candidate (higher wins). */
  rank: (c: Candidate) => number;
  /** Certainty of a candidate read alone (0..1). */
  confOf: (c: Candidate) => number;
  /** Figures printed with any label (`open.figures.ts`): what the identities may place where labels are unknown. */
  pool?: OpenFigure[];
  /**
   * The document prints no short value anywhere (no short label, no short column): equity = cash +
   * long holds with a short of 0. Unset where a short label is printed, read or not.
   */
  noShortPrinted?: boolean;
}

interface Option {
  cand: Candidate;
  rank: number;
  /** Another reading of a scanned figure (`tick.digits.ts`), not the figure as read. */
  tick?: boolean;
}

const OPTIONS_PER_FIELD = 3;
const MAX_COMBINATIONS = 20_000;

/** Fields printed with either sign, whose sign a reading can lose. */
const SIGNED_FIELDS: ReadonlySet<FieldName> = new Set(['cash_balance', 'excess_liquidity']);
/** Rank of the same figure with the other sign, against the figure as read. */
const SIGN_FLIP = 0.7;

/** Confidence of a value that neither an identity nor an unambiguous label vouches for: a person reviews it. */
export const UNCONFIRMED_CAP = 0.75;

/** Distinct values of one field, best reading of each first, highest rank first. */
function optionsOf(cands: Candidate[], rank: (c: Candidate) => number): Option[] {
  const best = new Map<string, Option>();
  for (const cand of cands) {
    const key = typeof cand.value === 'number' ? cand.value.toFixed(2) : String(cand.value);
    const r = rank(cand);
    const have = best.get(key);
    if (!have || r > have.rank || (r === have.rank && cand.line < have.cand.line)) best.set(key, { cand, rank: r });
  }
  return [...best.values()].sort((a, b) => b.rank - a.rank || a.cand.line - b.cand.line);
}

export function solveReport(input: SolveInput): { fields: Map<FieldName, SolvedField>; issues: ReportIssue[] } {
  const { byField, rank, confOf } = input;
  const zs = !!input.noShortPrinted;
  const options = new Map<FieldName, Option[]>();
  for (const [f, cands] of byField) {
    if (!cands.length) continue;
    const opts = optionsOf(cands, rank);
    // A sign is a small mark that scans and layouts lose (a trailing minus, a DR suffix): the same
    // figure with the other sign is a weaker option, taken only where the identities need it.
    if (SIGNED_FIELDS.has(f)) {
      for (const o of opts.slice(0, 2)) {
        const v = o.cand.value as number;
        if (v === 0 || opts.some((x) => x.cand.value === -v)) continue;
        opts.push({ cand: { ...o.cand, value: -v, demoted: 'the printed sign' }, rank: o.rank * SIGN_FLIP });
      }
    }
    options.set(f, opts);
  }
  const names = [...options.keys()];
  offerTickReadings(options);
  let widths = names.map((f) => Math.min(OPTIONS_PER_FIELD, options.get(f)!.length));
  const product = () => widths.reduce((p, w) => p * w, 1);
  // The other readings of scanned figures never narrow the search of the figures as read.
  if (product() > MAX_COMBINATIONS) {
    for (const opts of options.values()) opts.splice(0, opts.length, ...opts.filter((o) => !o.tick));
    widths = names.map((f) => Math.min(OPTIONS_PER_FIELD, options.get(f)!.length));
  }
  while (product() > MAX_COMBINATIONS) widths = widths.map((w) => Math.max(1, w - 1));

  // Every combination of each field's top values; the best sum of log rank ratios and identity bonuses wins.
  let best: { idx: number[]; score: number } | null = null;
  const idx = names.map(() => 0);
  for (;;) {
    const values: Values = {};
    let score = 0;
    names.forEach((f, k) => {
      const opts = options.get(f)!;
      const o = opts[idx[k]!]!;
      values[f] = o.cand.value as number;
      score += Math.log(Math.max(1e-6, o.rank) / Math.max(1e-6, opts[0]!.rank));
    });
    for (const id of identitiesHolding(values, zs)) score += id.bonus;
    // Ties keep the labels' own choice (all first options).
    if (!best || score > best.score + 1e-9) best = { idx: [...idx], score };
    let k = 0;
    while (k < names.length) {
      idx[k]!++;
      if (idx[k]! < widths[k]!) break;
      idx[k] = 0;
      k++;
    }
    if (k === names.length) break;
  }

  const fields = new Map<FieldName, SolvedField>();
  const issues: ReportIssue[] = [];
  if (!best) return { fields, issues };
  const chosen: Values = {};
  names.forEach((f, k) => {
    chosen[f] = options.get(f)![best.idx[k]!]!.cand.value as number;
  });
  // A figure OCR misread by one glyph (a digit, a lost minus) where an identity says what it must be.
  const repairs = repairMisreads(chosen, (f) => options.get(f)![best.idx[names.indexOf(f)]!]!.cand, zs);
  const { holding, broken } = identityTrust(chosen, new Set(repairs.keys()), zs);
  const clarityOf = (f: FieldName): boolean => {
    const c = options.get(f)![best.idx[names.indexOf(f)]!]!.cand;
    if (c.source === 'prose' && f === 'margin_call' && c.value === 0) return true;
    return labelClarity(c.label, f, { prose: c.source === 'prose' || isProse(c.label) }).clear;
  };
  // Printed evidence (buying power on the excess, an initial requirement above the maintenance one)
  // that places the requirement and the excess each on its own side of the identity.
  const sideShown = (h: Identity, g: FieldName) => {
    const req = h.fields.find((x) => x === 'maintenance_requirement' || x === 'initial_requirement');
    const initialTrusted = names.includes('initial_requirement') && clarityOf('initial_requirement');
    return (
      !!req && (g === req || g === 'excess_liquidity') && chosenSide(chosen, req, input.pool ?? [], initialTrusted) > 0
    );
  };
  names.forEach((f, k) => {
    const opts = options.get(f)!;
    const repair = repairs.get(f);
    const chosenOpt = opts[best.idx[k]!]!;
    const pick = repair ? { ...chosenOpt, cand: { ...chosenOpt.cand, value: repair.value } } : chosenOpt;
    const holds = holding.filter((h) => h.fields.includes(f) && h.confirms !== false);
    const confirmed = holds.find((h) => pinned(f, h, chosen, (g) => clarityOf(g) || sideShown(h, g))) ?? null;
    const unpinned = confirmed ? null : (holds[0] ?? null);
    if (unpinned)
      issues.push({
        code: 'interchangeable_parts',
        field: f,
        severity: 'info',
        message: `${f}: ${money(chosenOpt.cand.value)} ("${chosenOpt.cand.label}") satisfies ${unpinned.name}, but so would its partner in the other place, and neither label says which is which.`,
      });
    let conf = confOf(pick.cand);
    if (byField.get(f)!.filter((c) => c.value === pick.cand.value).length > 1) conf = Math.min(1, conf + 0.03);
    // A close rival with another value and an equal label: nothing but chance tells them apart.
    const close = opts.find(
      (o) =>
        o !== chosenOpt &&
        o.rank >= pick.rank * 0.93 &&
        Math.abs(o.cand.weight - pick.cand.weight) < 0.02 &&
        // Another line, or the same line under the same label (two columns whose titles read alike).
        (o.cand.line !== pick.cand.line ||
          (o.cand.label === pick.cand.label && o.cand.box?.x0 !== pick.cand.box?.x0)) &&
        !o.cand.demoted,
    );
    if (confirmed) conf = Math.max(conf, Math.min(0.95, confOf(pick.cand) + 0.1));
    else if (close) {
      conf = Math.min(conf, 0.7);
      issues.push({
        code: 'ambiguous_value',
        field: f,
        severity: 'warning',
        message: `Two different values are labelled as ${f}: ${money(pick.cand.value)} ("${pick.cand.label}") and ${money(close.cand.value)} ("${close.cand.label}").`,
      });
    }
    // The identities overruled the labels: likely right, but a person confirms it.
    if (chosenOpt !== opts[0]) {
      conf = Math.min(conf, 0.75);
      issues.push({
        code: 'identity_choice',
        field: f,
        severity: 'warning',
        message: `${f}: ${money(pick.cand.value)} ("${pick.cand.label}") was taken over ${money(opts[0]!.cand.value)} ("${opts[0]!.cand.label}") because it satisfies ${confirmed?.name ?? 'the accounting identities'}.`,
      });
    }
    if (repair) {
      conf = Math.min(conf, REPAIRED_CONF);
      issues.push({
        code: 'identity_repaired',
        field: f,
        severity: 'warning',
        message: `${f}: the scan reads ${money(repair.read)} ("${pick.cand.label}"), one glyph from ${money(repair.value)}, which ${repair.identity} requires; check the printed figure.`,
      });
    }
    // An identity the chosen values break puts each of its fields in doubt, unless another confirms it.
    const breaks = broken.find((b) => b.fields.includes(f));
    if (breaks && !confirmed && conf >= 0.8) {
      conf = UNCONFIRMED_CAP;
      issues.push({
        code: 'identity_broken',
        field: f,
        severity: 'info',
        message: `${f}: ${money(pick.cand.value)} ("${pick.cand.label}") is in doubt: the figures break ${breaks.name}.`,
      });
    }
    // The structure left the choice open (several figures under one label): identities hold in
    // every column of such a table alike, so only a person can tell.
    if (pick.cand.unsure && conf >= 0.8) {
      conf = UNCONFIRMED_CAP;
      issues.push({ code: 'unsure_column', field: f, severity: 'warning', message: `${f}: ${pick.cand.unsure}.` });
    }
    // `No margin call is due`: the sentence is the label and the value at once.
    const noCall = pick.cand.source === 'prose' && f === 'margin_call' && pick.cand.value === 0;
    const clarity = noCall
      ? { clear: true, reason: null }
      : labelClarity(pick.cand.label, f, { prose: pick.cand.source === 'prose' || isProse(pick.cand.label) });
    // Neither an identity nor an unambiguous label vouches for the value: a person confirms it.
    if (!confirmed && conf >= 0.8) {
      if (!clarity.clear) {
        conf = UNCONFIRMED_CAP;
        issues.push({
          code: 'unconfirmed_value',
          field: f,
          severity: 'info',
          message: `${f}: ${money(pick.cand.value)} is not confirmed by the accounting identities, and its label is unclear: ${clarity.reason}.`,
        });
      }
    }
    const rivals = opts
      .filter((o) => o !== chosenOpt)
      .slice(0, 5)
      .map((o) => ({
        cand: o.cand,
        reason: o.cand.demoted
          ? o.cand.demoted
          : confirmed && !holdsWith(chosen, f, o.cand.value as number, confirmed.name, zs)
            ? `breaks ${confirmed.name}`
            : o.rank < pick.rank
              ? `weaker label "${o.cand.label}"`
              : `"${pick.cand.label}" chosen by the identities`,
      }));
    fields.set(f, { pick: pick.cand, conf, confirmedBy: confirmed?.name ?? null, rivals, clear: clarity.clear });
  });
  dropNoCallInDeficit(fields, issues);
  releaseLeaning(fields, issues);
  if (input.pool?.length) {
    fillUnknown(fields, issues, input.pool);
    fillLeaning(fields, issues, input.pool);
    alignToIdentityColumn(fields, issues, input.pool);
    fillAlone(fields, issues, input.pool);
    flagUnread(fields, issues, input.pool);
  }
  return { fields, issues };
}

/**
 * `No margin call will be issued` beside a deficit: the sentence says that no call is made, not that
 * the call is 0 (call = deficit says otherwise). The report then states no call, and says why.
 */
function dropNoCallInDeficit(fields: Map<FieldName, SolvedField>, issues: ReportIssue[]): void {
  const call = fields.get('margin_call');
  const excess = fields.get('excess_liquidity')?.pick.value;
  if (call?.pick.source !== 'prose' || call.pick.value !== 0 || typeof excess !== 'number' || excess >= 0) return;
  fields.delete('margin_call');
  issues.push({
    code: 'no_call_in_deficit',
    field: 'margin_call',
    severity: 'info',
    message: `"${call.pick.label}" says no call is made, though the excess is a deficit of ${money(-excess)}: no call amount is read.`,
  });
}
