import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';

/** Kinds of column titles that say which figure a column holds (a currency column may be an account's). */
const WHICH_FIGURE: ReadonlySet<string> = new Set(['current', 'prior', 'change', 'period']);

/**
 * The table's caption in a title line's first cell, over the row labels (`ACCOUNT BALANCES | TODAY |
 * PRIOR DAY`): when every other cell (two or more) says which figure its column holds and none names a
 * field, the first cell names the table, not a column, even where its words would name a field.
 * `kindOf` tells what a column title says its column holds.
 */
export function stubCaption(line: Segmented, kindOf: (title: string) => string): Segment | null {
  const [first, ...rest] = line.segs;
  if (first?.kind !== 'text' || rest.length < 2) return null;
  if (rest.some((s) => s.kind !== 'text' || s.x0 <= first.x1)) return null;
  return rest.every((s) => WHICH_FIGURE.has(kindOf(s.text)) && !matchLabel(s.text)) ? first : null;
}
