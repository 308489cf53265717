import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import { oneBlock, printedBefore } from './alone.block.ts';
import { chooseColumn, rivals } from './alone.columns.ts';
import { type AloneReading, partsOf, type Scored } from './alone.parts.ts';
import { equityParts } from './equity.parts.ts';
import { dedupe, key } from './filled.figures.ts';
import { affinity } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';
import { levered, requirementSide } from './part.evidence.ts';

/**
 * A statement whose labels are words the vocabulary has never seen (another language, another
 * family's wording) read by the accounting identities alone. Three figures of one block (one page,
 * one grid column) where one is the other two's sum (equity = requirement + excess) make a margin
 * statement only together with corroboration no other document prints as a whole:
 *
 * - the same equity as the sum of a cash balance, a long value and a short value printed negative
 *   (equity = cash + long + short): 2 points, or 1 without a printed short;
 * - a printed 0 beside the positive excess (no call), or the deficit printed as the call: 1 point;
 * - buying power printed as 2× or 4× the excess: 1 point;
 * - a placed figure whose label the vocabulary reads, even a little, as its part: 1 point each (at most 2).
 *
 * A bank statement's `opening − debits = closing` makes the first three figures alone; a reading needs
 * `MIN_POINTS`, and a tie between two readings with other equities is refused (unless they are grid columns
 * whose titles, or print order, tell which is the statement's: `alone.columns.ts`). Which of two parts an
 * identity leaves interchangeable (requirement and excess; cash and long) is told by printed evidence
 * (buying power, a sign a field never takes) or else by print order, and then flagged as a guess.
 * Every value stays below review confidence (`FILLED_CONF`, `AMBIGUOUS_CONF`).
 */

/** Corroboration a reading needs beyond `excess = equity − requirement`. */
export const MIN_POINTS = 3;
/** More figures than a statement's block prints: a ledger, a price list (and a search too wide). */
const MAX_FIGURES = 80;
/** Least size of the equity, and of its two parts: smaller figures are rates, counts and fees. */
const MIN_EQUITY = 100;
const MIN_PART = 10;
/** Most lines after the last of the three a printed 0 (the call) may stand. */
const CALL_REACH = 4;

/**
 * Partial knowledge: a placed figure whose label the vocabulary reads (a little) as its part, more than
 * as any other field (`margin`, which every field's labels use, tells none).
 */
function knows(f: OpenFigure | null, field: FieldName): number {
  if (!f) return 0;
  const own = affinity(f.label, field);
  return own > 0 && FIELD_NAMES.every((g) => g === field || affinity(f.label, g) < own) ? 1 : 0;
}

/** The best reading of a pool by the identities alone, or null where none is corroborated enough or two tie. */
export function readByIdentitiesAlone(pool: OpenFigure[]): AloneReading | null {
  const all = dedupe(pool);
  const figs = all.filter((f) => f.value !== 0);
  if (figs.length < 3 || figs.length > MAX_FIGURES) return null;
  const zeros = all.filter((f) => f.value === 0);
  const byValue = new Map<number, OpenFigure[]>();
  for (const f of figs) byValue.set(key(f.value), [...(byValue.get(key(f.value)) ?? []), f]);
  const find = (v: number) => byValue.get(key(v)) ?? [];
  const scored: Scored[] = [];
  for (const e of figs) {
    if (e.value < MIN_EQUITY) continue;
    for (const m of figs) {
      if (m.value < MIN_PART || m === e) continue;
      for (const x of find(e.value - m.value)) {
        if (Math.abs(x.value) < MIN_PART || !oneBlock([e, m, x])) continue;
        const s = corroborate(e, m, x, figs, zeros, find);
        if (s) scored.push(s);
      }
    }
  }
  const sorted = scored.filter((s) => s.points >= MIN_POINTS).sort((a, b) => b.points - a.points);
  const best = sorted[0];
  if (!best) return null;
  // Another equity, or other figures in the parts, as well corroborated: nothing tells which is the statement's,
  // unless they stand in grid columns whose structure says which is (`alone.columns.ts`).
  const tied = sorted.filter((s) => s.points >= best.points && (s === best || rivals(s, best)));
  if (tied.length === 1) return { parts: partsOf(best), points: best.points, evidence: best.evidence };
  const chosen = chooseColumn(tied);
  if (!chosen) return null;
  const { reading, guess } = chosen;
  const evidence = [...reading.evidence, guess ? 'the first printed column' : 'the column titled as current'];
  return { parts: partsOf(reading, guess), points: reading.points, evidence };
}

function corroborate(
  e: OpenFigure,
  m: OpenFigure,
  x: OpenFigure,
  figs: OpenFigure[],
  zeros: OpenFigure[],
  find: (v: number) => OpenFigure[],
): Scored | null {
  const core = [e, m, x];
  // A deficit: the requirement above the equity, the excess printed negative, the call printed as its size.
  const deficit = x.value < 0;
  const evidence = ['excess = equity − requirement'];
  let points = 0;
  let call: OpenFigure | null = null;
  if (deficit) {
    call = find(-x.value).find((c) => oneBlock([...core, c])) ?? null;
    if (!call) return null;
    points += 1;
    evidence.push('call = deficit');
  } else {
    // The call is printed after the three, close to them (a 0 anywhere else may be any empty figure).
    const last = [...core].sort((a, b) => (printedBefore(a, b) ? 1 : -1))[0]!;
    call =
      zeros.find((z) => printedBefore(last, z) && z.line <= last.line + CALL_REACH && oneBlock([...core, z])) ?? null;
    if (call) {
      points += 1;
      evidence.push('a printed 0 beside a positive excess (no call)');
    }
  }
  // Which of requirement and excess is which: printed buying power (2× or 4× the excess) tells, and so
  // does an initial requirement printed beside them that one exceeds and the other does not.
  let bp: OpenFigure | null = null;
  let init: OpenFigure | null = null;
  let [req, exc] = [m, x];
  // A negative excess is told from the requirement by its sign (a requirement is never negative).
  let sided = deficit;
  if (!deficit) {
    const others = figs.filter((f) => f.value > 0 && !core.includes(f) && oneBlock([...core, f]));
    const beside = others.filter((f) => f.value < e.value && [m, x].some((p) => Math.abs(p.line - f.line) <= 1));
    const side = requirementSide(m.value, x.value, {
      levered: others.map((f) => f.value),
      initial: beside.map((f) => f.value),
    });
    if (side < 0) [req, exc] = [x, m];
    if (side !== 0) {
      sided = true;
      bp = others.find((f) => levered(f.value, exc.value)) ?? null;
      const inits = beside.filter((f) => req.value <= f.value && exc.value > f.value && f !== bp);
      init = inits.length === 1 ? inits[0]! : null;
      points += (bp ? 1 : 0) + (init ? 1 : 0);
      if (bp) evidence.push('buying power = leverage × the excess');
      if (init) evidence.push('initial ≥ maintenance');
    } else if (!printedBefore(m, x)) return null; // the same reading with the parts in print order is kept
  }
  const used = [...core, ...[call, bp, init].filter((f): f is OpenFigure => f !== null)];
  const ecls = equityParts(e, used, figs, find);
  if (ecls) {
    points += ecls.s ? 2 : 1;
    evidence.push('equity = cash + long + short');
  }
  const known =
    knows(e, 'total_equity') +
    Math.max(knows(req, 'maintenance_requirement'), knows(req, 'initial_requirement')) +
    knows(exc, 'excess_liquidity') +
    (ecls
      ? knows(ecls.c, 'cash_balance') + knows(ecls.l, 'long_market_value') + knows(ecls.s, 'short_market_value')
      : 0);
  if (known > 0) {
    points += Math.min(2, known);
    evidence.push('labels the vocabulary partly reads');
  }
  return { e, m: req, x: exc, ecls, call, bp, init, points, evidence, sided };
}
