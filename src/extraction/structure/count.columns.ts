import type { Segment, Segmented } from '../layout/segments.ts';
import { printsCents } from '../parse/value.parser.ts';

/**
 * Columns of counts beside columns of money (`LONG 12 | SHORT 4 | INITIAL REQ 52,800.00`): contracts
 * or quantities held, not values. A column is one where every figure it holds is a bare whole number
 * (no decimal mark, no grouping) and every row that prints one also prints money with cents in another
 * column. Where no column prints cents (a statement in whole units), nothing is a count by this rule.
 */
export function countColumns<C>(rows: readonly Segmented[], columnOf: (s: Segment) => C | null): Set<C> {
  const whole = new Map<C, boolean>();
  for (const row of rows) {
    const figures = row.segs
      .filter((s) => s.kind === 'amount')
      .map((s) => ({ s, c: columnOf(s) }))
      .filter((f): f is { s: Segment; c: C } => f.c !== null);
    for (const { s, c } of figures) {
      const bare = isBareCount(s.text);
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
