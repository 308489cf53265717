import { FIELD_NAMES, type FieldName, NEVER_NEGATIVE } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { type Candidate, signed } from '../fields/candidates.ts';
import { fits, identitiesBroken, identitiesHolding, near, type Values } from './accounting.identities.ts';
import { FILLED_CONF, type Known } from './filled.figures.ts';
import { fillByIdentities } from './identity.fill.ts';
import { money } from './issue.money.ts';
import { affinity, leaning } from './label.clarity.ts';
import { LEANING_CONF } from './leaning.release.ts';
import type { OpenFigure } from './open.figures.ts';
import { equityOverOpenPnl } from './open.pnl.ts';
import type { SolvedField } from './report.solver.ts';

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
    if (read.some((c) => readAs(c, fig))) continue;
    const ranked = FIELD_NAMES.map((f) => ({ f, a: affinity(fig.label, f) })).sort((a, b) => b.a - a.a);
    const [top, second] = ranked;
    if (!top || top.a < UNREAD_AFFINITY || (second && second.a >= top.a) || fields.has(top.f) || seen.has(top.f))
      continue;
    if (!missedPart(top.f, top.a, fields) || (NEVER_NEGATIVE.has(top.f) && signed(top.f, fig.value, false) < 0))
      continue;
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
export function fillUnknown(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
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
  if (!fills.some((f) => f.field === 'total_equity')) {
    const equity = equityOverOpenPnl(known, pool);
    if (equity) fills.push(equity);
  }
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
    // A figure read under an unclear label as another field is that field's no more (the same figure:
    // a line of tiles may print another 0 beside it, under another label).
    for (const [g, r] of fields)
      if (
        g !== fill.field &&
        r.conf < 0.8 &&
        !r.confirmedBy &&
        r.pick.line === fill.figure.line &&
        near(r.pick.value as number, fill.value) &&
        samePlace(r.pick, fill.figure)
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

/**
 * Figures under labels the vocabulary does not know, that no identity placed: one whose label's
 * wording leans clearly to a field the report lacks (`Cash Held at Close`) is read as that field,
 * below review, unless another figure leans to it too or the value breaks an identity with what
 * was read. Where an identity with trusted values confirms it, it is as sure as an identity's placement.
 */
export function fillLeaning(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
  const read = () => [...fields.values()].map((r) => r.pick);
  const byField = new Map<FieldName, OpenFigure[]>();
  const seen = new Set<string>();
  for (const fig of pool) {
    const at = `${fig.page}:${fig.line}:${Math.round(fig.box.x0)}`;
    if (seen.has(at)) continue;
    seen.add(at);
    if (read().some((c) => readAs(c, fig))) continue;
    const f = leaning(fig.label);
    if (!f || fields.has(f)) continue;
    byField.set(f, [...(byField.get(f) ?? []), fig]);
  }
  const leaned = new Set<FieldName>();
  const column = readColumn(fields, pool);
  for (const [f, all] of byField) {
    // In a grid, the figures read so far stand in one column: the current one, whose figure is the report's.
    const inColumn = column ? all.filter((x) => x.column === column) : [];
    const figs = inColumn.length > 0 ? inColumn : all;
    if (figs.length !== 1 && new Set(figs.map((x) => x.value)).size !== 1) continue;
    const figure = figs[0]!;
    const value = signed(f, figure.value, false);
    // A charge in parentheses (`Overnight funding (£23.47)`) is no figure of a field that is never negative.
    if (value < 0 && NEVER_NEGATIVE.has(f)) continue;
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

/**
 * The grid column the read figures stand in: the one they all share, or one that holds at least three
 * of them and three times as many as the other columns together (one figure read from a neighbour column
 * before the identities moved it does not unsettle the rest).
 */
function readColumn(fields: Map<FieldName, SolvedField>, pool: OpenFigure[]): string | null {
  const columns = new Map<string, number>();
  for (const r of fields.values()) {
    const c = r.pick;
    // A 0 (`NIL`, `$0.00`) is printed alike in every column: it ties the report to none.
    if (c.value === 0) continue;
    const fig = pool.find(
      (x) => x.column && x.page === c.page && x.line === c.line && near(Math.abs(x.value), Math.abs(c.value as number)),
    );
    if (fig?.column) columns.set(fig.column, (columns.get(fig.column) ?? 0) + 1);
  }
  const ranked = [...columns].sort((a, b) => b[1] - a[1]);
  const [top] = ranked;
  if (!top) return null;
  const others = ranked.slice(1).reduce((n, [, k]) => n + k, 0);
  return others === 0 || (top[1] >= 3 && top[1] >= 3 * others) ? top[0] : null;
}

/** Parts of the identities `fillByIdentities` uses that those identities cannot tell apart. */
const FILL_GROUPS: Record<string, readonly FieldName[]> = {
  'excess = equity − requirement': ['maintenance_requirement', 'initial_requirement', 'excess_liquidity'],
  'equity = cash + long + short': ['cash_balance', 'long_market_value', 'short_market_value'],
};

/** A figure nothing read under a known label, as the candidate a solver rule chose for `field`. */
export function figurePick(figure: OpenFigure, field: FieldName, value: number, score: number): Candidate {
  const { ocr, page, line, label, box, text } = figure;
  return { target: field, value, score, ocr, weight: 1, page, line, source: 'row', label, box, text };
}

/** Whether a reading stands where a figure is printed (a reading without a box may be anywhere on its line). */
const samePlace = (c: Candidate, figure: OpenFigure) =>
  !c.box || Math.min(c.box.x1, figure.box.x1) - Math.max(c.box.x0, figure.box.x0) > 0;

/** Whether a reading is of this figure: its line, its value and its place (tiles print several 0s on one line). */
const readAs = (c: Candidate, fig: OpenFigure) =>
  c.page === fig.page && c.line === fig.line && near(c.value as number, fig.value) && samePlace(c, fig);

export const ocrCap = (ocr: number) => Math.max(0, Math.min(1, 0.35 + 0.7 * ocr));
