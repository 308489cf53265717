import type { Segment, Segmented } from '../layout/segments.ts';
import { printsCents } from '../parse/value.parser.ts';

/** Fields a column of contracts held is titled like (`Long`, `Short`): only their figures may be counts. */
export const POSITION_FIELDS: ReadonlySet<string> = new Set(['long_market_value', 'short_market_value']);

/**
 * Columns of counts beside columns of money (`LONG 12 | SHORT 4 | INITIAL REQ 52,800.00`): contracts
 * or quantities held, not values. A column is one where every figure it holds is a bare whole number
 * (no decimal mark, no grouping) and every row that prints one also prints money with cents in another
 * column. Where no column prints cents (a statement in whole units), nothing is a count by this rule.
 */
export function countColumns<C>(
  rows: readonly Segmented[],
  columnOf: (s: Segment) => C | null,
  isCount: (text: string) => boolean = isBareCount,
): Set<C> {
  const whole = new Map<C, boolean>();
  for (const row of rows) {
    const figures = row.segs
      .filter((s) => s.kind === 'amount')
      .map((s) => ({ s, c: columnOf(s) }))
      .filter((f): f is { s: Segment; c: C } => f.c !== null);
    for (const { s, c } of figures) {
      const bare = isCount(s.text);
      const beside = figures.some((f) => f.c !== c && printsCents(f.s.text));
      whole.set(c, (whole.get(c) ?? true) && bare && beside);
    }
  }
  return new Set([...whole].filter(([, count]) => count).map(([c]) => c));
}

/** Largest count a column of contracts or lots prints: a bigger bare number is more likely money. */
const MAX_COUNT = 99_999;

/** A whole number with no decimal mark, grouping or currency (`38`, `-60`, `1000`). */
export function isBareCount(text: string): boolean {
  const t = text.trim();
  return /^[-+−]?\d+$/.test(t) && Math.abs(Number(t.replace('−', '-'))) <= MAX_COUNT;
}

/**
 * A count as a positions table under `Long | Short` titles prints it: bare, or its thousands grouped
 * (`1.200`, `1,200`: three digits after the mark, where money beside it prints two).
 */
export function isHeldCount(text: string): boolean {
  const t = text.trim();
  if (!/^[-+−]?\d{1,3}(?:[.,'’\u00a0 ]\d{3})+$/.test(t)) return isBareCount(t);
  return Math.abs(Number(t.replace('−', '-').replace(/[.,'’\u00a0 ]/g, ''))) <= MAX_COUNT;
}

/** Fewest rows a column needs before its counts say it holds contracts (one row of cards says nothing). */
const COUNT_ROWS = 2;

/**
 * Whether a figure stands in a column of counts: over the block of figure rows around it (lines of
 * figures, each right below the last), every figure in its column is a count beside money with cents,
 * over two rows or more, and one at least is not 0 (a column of zeros may be money in whole units).
 */
export function inCountColumn(lines: readonly Segmented[], at: number, seg: Segment): boolean {
  const figures = (l: Segmented | undefined) => l?.segs.some((s) => s.kind === 'amount') === true;
  const next = (a: Segmented, b: Segmented) => a.page === b.page && b.top - a.bottom <= a.height * 1.5;
  let from = at;
  while (from > 0 && figures(lines[from - 1]) && next(lines[from - 1]!, lines[from]!)) from--;
  let to = at;
  while (figures(lines[to + 1]) && next(lines[to]!, lines[to + 1]!)) to++;
  const rows = lines.slice(from, to + 1);
  if (rows.length < COUNT_ROWS) return false;
  const under = (s: Segment) => Math.min(s.x1, seg.x1) - Math.max(s.x0, seg.x0) > 0;
  const column = rows.flatMap((r) => r.segs.filter((s) => s.kind === 'amount' && under(s)));
  if (!column.some((s) => s.amount!.value !== 0)) return false;
  return countColumns(rows, (s) => (under(s) ? 'column' : 'other'), isHeldCount).has('column');
}
