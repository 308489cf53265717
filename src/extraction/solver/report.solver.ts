import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { type Candidate, isProse, signed } from '../fields/candidates.ts';
import { FILLED_CONF, fillByIdentities, type Known } from './identity.fill.ts';
import { affinity, labelClarity, leaning } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';
import { chosenSide } from './part.evidence.ts';

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
}

interface Option {
  cand: Candidate;
  rank: number;
}

const OPTIONS_PER_FIELD = 3;
const MAX_COMBINATIONS = 20_000;
/** Worth of a satisfied identity, against log(rank ratio) of a lower-ranked value: it settles near ties between labels, never overrules a clearly better label. */
const IDENTITY_BONUS = 0.5;
const CALL_BONUS = 0.25;

/** Fields printed with either sign, whose sign a reading can lose. */
const SIGNED_FIELDS: ReadonlySet<FieldName> = new Set(['cash_balance', 'excess_liquidity']);
/** Rank of the same figure with the other sign, against the figure as read. */
const SIGN_FLIP = 0.7;

/** Confidence of a value that neither an identity nor an unambiguous label vouches for: a person reviews it. */
export const UNCONFIRMED_CAP = 0.75;

const near = (a: number, b: number) => Math.abs(a - b) <= 0.015 + Math.abs(b) * 1e-9;

type Values = Partial<Record<FieldName, number>>;

/** The identities that hold among the given values, each with the fields it ties together. */
export interface Identity {
  name: string;
  fields: FieldName[];
  bonus: number;
  /** False where holding proves little (no call while there is no deficit). */
  confirms?: false;
}

/**
 * Identities whose every field the values give, and which do not hold: each field of one is in
 * doubt unless another identity confirms it. Equity is checked only with all four of its parts, as
 * a statement may leave out a zero short value.
 */
export function identitiesBroken(v: Values): Identity[] {
  const out: Identity[] = [];
  const holding = new Set(identitiesHolding(v).map((h) => h.name));
  const { total_equity: e, cash_balance: c, long_market_value: l, short_market_value: s } = v;
  const { maintenance_requirement: m, initial_requirement: i, excess_liquidity: x, margin_call: call } = v;
  if (
    e !== undefined &&
    c !== undefined &&
    l !== undefined &&
    s !== undefined &&
    !holding.has('equity = cash + long + short')
  )
    out.push({
      name: 'equity = cash + long + short',
      fields: ['total_equity', 'cash_balance', 'long_market_value', 'short_market_value'],
      bonus: 0,
    });
  if (e !== undefined && x !== undefined && m !== undefined && !near(e - m, x) && !(i !== undefined && near(e - i, x)))
    out.push({
      name: 'excess = equity − requirement',
      fields: ['total_equity', 'maintenance_requirement', 'excess_liquidity'],
      bonus: 0,
    });
  if (call !== undefined && x !== undefined) {
    const futures = e !== undefined && i !== undefined && call > 0 && near(call, i - e);
    if (!futures && ((x < 0 && call > 0 && !near(call, -x)) || (x >= 0 && call > 0)))
      out.push({ name: 'call = deficit', fields: ['margin_call', 'excess_liquidity'], bonus: 0 });
  }
  return out;
}

/** Confidence of a figure the identities corrected by one glyph: likely right, but a person checks the scan. */
const REPAIRED_CONF = 0.7;

/** True when two amounts differ in one printed glyph: one digit, or the sign alone. */
export function oneGlyphApart(a: number, b: number): boolean {
  const sa = Math.abs(a).toFixed(2);
  const sb = Math.abs(b).toFixed(2);
  if (sa === sb) return a !== b && a !== 0;
  if (Math.sign(a) !== Math.sign(b) || sa.length !== sb.length) return false;
  let diff = 0;
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) diff++;
  return diff === 1;
}

/**
 * Where the chosen values break an identity and exactly one of its OCR-read fields is one glyph
 * from the value the identity requires, that field takes the required value (in `values`).
 */
function repairMisreads(
  values: Values,
  candOf: (f: FieldName) => Candidate,
): Map<FieldName, { value: number; read: number; identity: string }> {
  const out = new Map<FieldName, { value: number; read: number; identity: string }>();
  const v = values;
  const implied = (name: string): [FieldName, number][] => {
    const { total_equity: e, cash_balance: c, long_market_value: l, short_market_value: s } = v;
    const { maintenance_requirement: m, excess_liquidity: x, margin_call: call } = v;
    if (
      name === 'equity = cash + long + short' &&
      e !== undefined &&
      c !== undefined &&
      l !== undefined &&
      s !== undefined
    )
      return [
        ['total_equity', c + l + s],
        ['cash_balance', e - l - s],
        ['long_market_value', e - c - s],
        ['short_market_value', e - c - l],
      ];
    if (name === 'excess = equity − requirement' && e !== undefined && m !== undefined && x !== undefined)
      return [
        ['total_equity', x + m],
        ['maintenance_requirement', e - x],
        ['excess_liquidity', e - m],
      ];
    if (name === 'call = deficit' && call !== undefined && x !== undefined && x < 0) return [['margin_call', -x]];
    return [];
  };
  for (const b of identitiesBroken(v)) {
    // A field another identity confirms as read is not the misread one.
    const confirmed = new Set(identitiesHolding(v).flatMap((h) => (h.confirms === false ? [] : h.fields)));
    const fixes = implied(b.name)
      .filter(([f, want]) => {
        const read = v[f];
        return (
          read !== undefined &&
          !confirmed.has(f) &&
          candOf(f).ocr < 1 &&
          oneGlyphApart(read, Math.round(want * 100) / 100)
        );
      })
      .sort((a, b) => candOf(a[0]).ocr - candOf(b[0]).ocr);
    // Several fields could be the misread one: only a clearly shakier OCR reading tells which.
    if (fixes.length === 0 || (fixes.length > 1 && candOf(fixes[1]![0]).ocr - candOf(fixes[0]![0]).ocr < 0.05))
      continue;
    const [f, want] = fixes[0]!;
    const value = Math.round(want * 100) / 100;
    out.set(f, { value, read: v[f]!, identity: b.name });
    v[f] = value;
  }
  return out;
}

export function identitiesHolding(v: Values): Identity[] {
  const out: Identity[] = [];
  const { total_equity: e, cash_balance: c, long_market_value: l, short_market_value: s } = v;
  const { maintenance_requirement: m, initial_requirement: i, excess_liquidity: x, margin_call: call } = v;
  if (e !== undefined && c !== undefined && l !== undefined && s !== undefined && near(c + l + s, e) && e !== 0)
    out.push({
      name: 'equity = cash + long + short',
      fields: ['total_equity', 'cash_balance', 'long_market_value', 'short_market_value'],
      bonus: IDENTITY_BONUS,
    });
  if (e !== undefined && x !== undefined && e !== 0) {
    if (m !== undefined && near(e - m, x))
      out.push({
        name: 'excess = equity − maintenance',
        fields: ['total_equity', 'maintenance_requirement', 'excess_liquidity'],
        bonus: IDENTITY_BONUS,
      });
    else if (i !== undefined && near(e - i, x))
      out.push({
        name: 'excess = equity − initial',
        fields: ['total_equity', 'initial_requirement', 'excess_liquidity'],
        bonus: IDENTITY_BONUS,
      });
  }
  if (call !== undefined && x !== undefined) {
    if (x < 0 && call > 0 && near(call, -x))
      out.push({ name: 'call = deficit', fields: ['margin_call', 'excess_liquidity'], bonus: CALL_BONUS });
    else if (x >= 0 && call === 0)
      out.push({ name: 'no call without a deficit', fields: ['margin_call'], bonus: CALL_BONUS, confirms: false });
  } else if (call !== undefined && call > 0 && e !== undefined && i !== undefined && near(call, i - e)) {
    // Futures: the call restores initial margin.
    out.push({
      name: 'call = initial − equity',
      fields: ['margin_call', 'initial_requirement', 'total_equity'],
      bonus: CALL_BONUS,
    });
  }
  return out;
}

/**
 * Parts an identity cannot tell apart: a sum holds whichever addend is which (equity = cash + long
 * + short), and so does a difference's two sides (equity = requirement + excess). Within a group, a
 * part is placed by its own clear label, or by every interchangeable partner's clear label, or by a
 * sign the partner's field cannot take (a short value is never positive, a requirement never negative).
 */
const INTERCHANGEABLE: Record<string, readonly FieldName[]> = {
  'equity = cash + long + short': ['cash_balance', 'long_market_value', 'short_market_value'],
  'excess = equity − maintenance': ['maintenance_requirement', 'excess_liquidity'],
  'excess = equity − initial': ['initial_requirement', 'excess_liquidity'],
};
const SIGN_OF: Partial<Record<FieldName, 1 | -1>> = {
  maintenance_requirement: 1,
  initial_requirement: 1,
  long_market_value: 1,
  short_market_value: -1,
};
const fits = (f: FieldName, v: number) => !SIGN_OF[f] || v === 0 || Math.sign(v) === SIGN_OF[f];

/** True when the identity places `f` itself, not only the group of parts it belongs to. */
export function pinned(f: FieldName, id: Identity, v: Values, clear: (f: FieldName) => boolean): boolean {
  const group = INTERCHANGEABLE[id.name];
  if (!group?.includes(f) || clear(f)) return true;
  return group.every((g) => {
    if (g === f || v[g] === undefined || clear(g)) return true;
    // Swapped, would each value still fit the other's field?
    return !(fits(f, v[g]!) && fits(g, v[f]!));
  });
}

const money = (v: number | string) =>
  typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : v;

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
  let widths = names.map((f) => Math.min(OPTIONS_PER_FIELD, options.get(f)!.length));
  const product = () => widths.reduce((p, w) => p * w, 1);
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
    for (const id of identitiesHolding(values)) score += id.bonus;
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
  const repairs = repairMisreads(chosen, (f) => options.get(f)![best.idx[names.indexOf(f)]!]!.cand);
  const holding = identitiesHolding(chosen);
  const broken = identitiesBroken(chosen);
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
          : confirmed && !holdsWith(chosen, f, o.cand.value as number, confirmed.name)
            ? `breaks ${confirmed.name}`
            : o.rank < pick.rank
              ? `weaker label "${o.cand.label}"`
              : `"${pick.cand.label}" chosen by the identities`,
      }));
    fields.set(f, { pick: pick.cand, conf, confirmedBy: confirmed?.name ?? null, rivals, clear: clarity.clear });
  });
  if (input.pool?.length) {
    fillUnknown(fields, issues, input.pool);
    fillLeaning(fields, issues, input.pool);
    flagUnread(fields, issues, input.pool);
  }
  return { fields, issues };
}

/** Least share of a label's wording that must belong to one field for an unread figure to be suspected of being it. */
const UNREAD_AFFINITY = 0.3;

const ADDENDS: readonly FieldName[] = ['cash_balance', 'long_market_value', 'short_market_value'];
const REQUIREMENT_SIDE: readonly FieldName[] = ['maintenance_requirement', 'initial_requirement', 'excess_liquidity'];

/**
 * Whether a field the report lacks is one the statement likely prints: a part of an identity whose
 * other parts were read (cash beside long and equity; a requirement or excess beside equity; a call
 * beside a deficit), or a field the label leans to strongly. A word alone (`Amount`) that a call
 * label also uses is not enough where the statement shows no deficit.
 */
function missedPart(f: FieldName, leaning: number, fields: Map<FieldName, SolvedField>): boolean {
  const has = (g: FieldName) => fields.has(g);
  if (ADDENDS.includes(f)) return has('total_equity') && ADDENDS.some(has);
  if (REQUIREMENT_SIDE.includes(f)) return has('total_equity') && REQUIREMENT_SIDE.some(has);
  if (f === 'margin_call') return ((fields.get('excess_liquidity')?.pick.value as number | undefined) ?? 0) < 0;
  return leaning >= 0.5;
}

/**
 * A figure printed under a label whose wording leans to a field the report lacks, and which nothing
 * read: the field may be printed but missed (its label unknown, no identity to place it). The
 * report then names the field in a warning instead of leaving it silently out.
 */
export function flagUnread(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
  const read = [...fields.values()].map((r) => r.pick);
  const seen = new Set<FieldName>();
  for (const fig of pool) {
    if (read.some((c) => c.page === fig.page && c.line === fig.line && near(c.value as number, fig.value))) continue;
    const ranked = FIELD_NAMES.map((f) => ({ f, a: affinity(fig.label, f) })).sort((a, b) => b.a - a.a);
    const [top, second] = ranked;
    if (!top || top.a < UNREAD_AFFINITY || (second && second.a >= top.a) || fields.has(top.f) || seen.has(top.f))
      continue;
    if (!missedPart(top.f, top.a, fields)) continue;
    seen.add(top.f);
    issues.push({
      code: 'unread_figure',
      field: top.f,
      severity: 'warning',
      message: `${money(fig.value)} is printed as "${fig.label}", which may be the ${top.f.replace(/_/g, ' ')}; it was not read as one (the label is not one the vocabulary knows): check the PDF.`,
    });
  }
}

/**
 * Fields the labels did not name (or named unclearly) placed by the identities among the figures
 * printed with labels the vocabulary does not know; below review, with the identity as the reason.
 */
function fillUnknown(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
  // A clear label over several columns, none titled current, leaves the figure open: the identities may choose another.
  const settled = (r: SolvedField) => r.confirmedBy !== null || (!r.pick.unsure && (r.conf >= 0.8 || r.clear === true));
  const known = new Map<FieldName, Known>();
  for (const [f, r] of fields)
    known.set(f, {
      value: r.pick.value as number,
      trusted: settled(r),
      page: r.pick.page,
      line: r.pick.line,
    });
  const fills = fillByIdentities(known, pool);
  for (const fill of fills) {
    const had = fields.get(fill.field);
    if (had && settled(had)) continue;
    if (had && near(had.pick.value as number, fill.value)) {
      // The label's own reading, now confirmed by the identity; unless the identity placed a partner
      // that could stand in its place (`e − m = x` holds as `e − x = m`): then neither label says which is which.
      const group = FILL_GROUPS[fill.identity] ?? [];
      const partner = fills.find(
        (o) =>
          !fill.sided &&
          o !== fill &&
          o.identity === fill.identity &&
          !fields.has(o.field) &&
          group.includes(o.field) &&
          group.includes(fill.field) &&
          fits(fill.field, o.value) &&
          fits(o.field, fill.value),
      );
      if (partner) {
        issues.push({
          code: 'interchangeable_parts',
          field: fill.field,
          severity: 'info',
          message: `${fill.field}: ${money(fill.value)} ("${had.pick.label}") satisfies ${fill.identity}, but so would ${money(partner.value)} ("${partner.figure.label}") in its place, and neither label says which is which.`,
        });
        continue;
      }
      had.confirmedBy = fill.identity;
      continue;
    }
    // A figure read under an unclear label as another field is that field's no more.
    for (const [g, r] of fields)
      if (
        g !== fill.field &&
        r.conf < 0.8 &&
        !r.confirmedBy &&
        r.pick.line === fill.figure.line &&
        near(r.pick.value as number, fill.value)
      )
        fields.delete(g);
    const { figure } = fill;
    const pick = figurePick(figure, fill.field, fill.value, fill.conf);
    const rivals = had ? [{ cand: had.pick, reason: `breaks ${fill.identity}` }] : [];
    fields.set(fill.field, { pick, conf: Math.min(fill.conf, ocrCap(figure.ocr)), confirmedBy: null, rivals });
    issues.push({
      code: 'identity_placed',
      field: fill.field,
      severity: 'warning',
      message: `${fill.field}: ${money(fill.value)} ("${figure.label}") was placed by ${fill.identity}; its label is not one the vocabulary knows${fill.ambiguous ? ', and another placement came close' : ''}.`,
    });
  }
}

/** Confidence of a figure read only because its label's wording leans to a field. */
const LEANING_CONF = 0.55;

/**
 * Figures under labels the vocabulary does not know, that no identity placed: one whose label's
 * wording leans clearly to a field the report lacks (`Cash Held at Close`) is read as that field,
 * below review, unless another figure leans to it too or the value breaks an identity with what
 * was read. Where an identity with trusted values confirms it, it is as sure as an identity's placement.
 */
function fillLeaning(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
  const read = () => [...fields.values()].map((r) => r.pick);
  const byField = new Map<FieldName, OpenFigure[]>();
  const seen = new Set<string>();
  for (const fig of pool) {
    const at = `${fig.page}:${fig.line}:${Math.round(fig.box.x0)}`;
    if (seen.has(at)) continue;
    seen.add(at);
    if (read().some((c) => c.page === fig.page && c.line === fig.line && near(c.value as number, fig.value))) continue;
    const f = leaning(fig.label);
    if (!f || fields.has(f)) continue;
    byField.set(f, [...(byField.get(f) ?? []), fig]);
  }
  const leaned = new Set<FieldName>();
  for (const [f, figs] of byField) {
    if (figs.length !== 1 && new Set(figs.map((x) => x.value)).size !== 1) continue;
    const figure = figs[0]!;
    const value = signed(f, figure.value, false);
    const values: Values = Object.fromEntries(
      [...fields].filter(([g]) => !leaned.has(g)).map(([g, r]) => [g, r.pick.value as number]),
    );
    values[f] = value;
    if (identitiesBroken(values).some((b) => b.fields.includes(f))) continue;
    const trusted = (g: FieldName) => {
      const r = fields.get(g);
      return !!r && (r.conf >= 0.8 || r.confirmedBy !== null || r.clear === true);
    };
    const confirms = identitiesHolding(values).find(
      (h) => h.confirms !== false && h.fields.includes(f) && h.fields.every((g) => g === f || trusted(g)),
    );
    const pick = figurePick(figure, f, value, LEANING_CONF);
    const conf = Math.min(confirms ? FILLED_CONF : LEANING_CONF, ocrCap(figure.ocr));
    fields.set(f, { pick, conf, confirmedBy: null, rivals: [] });
    leaned.add(f);
    issues.push({
      code: 'label_leaning',
      field: f,
      severity: 'warning',
      message: `${f}: ${money(value)} ("${figure.label}") was read as the ${f.replace(/_/g, ' ')} because its label's wording leans to it${confirms ? ` and it satisfies ${confirms.name}` : ''}; the label is not one the vocabulary knows: check the PDF.`,
    });
  }
  // Leaning readings that, together, break an identity are dropped (the unread figures are flagged instead).
  const all: Values = Object.fromEntries([...fields].map(([g, r]) => [g, r.pick.value as number]));
  const doubted = new Set(identitiesBroken(all).flatMap((b) => b.fields.filter((g) => leaned.has(g))));
  for (const f of doubted) {
    fields.delete(f);
    const at = issues.findIndex((i) => i.code === 'label_leaning' && i.field === f);
    if (at >= 0) issues.splice(at, 1);
  }
}

/** Parts of the identities `fillByIdentities` uses that those identities cannot tell apart. */
const FILL_GROUPS: Record<string, readonly FieldName[]> = {
  'excess = equity − requirement': ['maintenance_requirement', 'initial_requirement', 'excess_liquidity'],
  'equity = cash + long + short': ['cash_balance', 'long_market_value', 'short_market_value'],
};

/** A figure nothing read under a known label, as the candidate a solver rule chose for `field`. */
function figurePick(figure: OpenFigure, field: FieldName, value: number, score: number): Candidate {
  const { ocr, page, line, label, box, text } = figure;
  return { target: field, value, score, ocr, weight: 1, page, line, source: 'row', label, box, text };
}

const ocrCap = (ocr: number) => Math.max(0, Math.min(1, 0.35 + 0.7 * ocr));

function holdsWith(values: Values, f: FieldName, v: number, identity: string): boolean {
  return identitiesHolding({ ...values, [f]: v }).some((h) => h.name === identity);
}
