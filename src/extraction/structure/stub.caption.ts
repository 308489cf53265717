import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import type { Column } from './column.header.ts';

/** Kinds of column titles that say which figure a column holds (a currency column may be an account's). */
const WHICH_FIGURE: ReadonlySet<string> = new Set(['current', 'prior', 'change', 'period']);

/**
 * The table's caption in a title line's first cell, over the row labels (`ACCOUNT BALANCES | TODAY |
 * PRIOR DAY`, `ACCOUNT SUMMARY IN BASE CURRENCY (AUD) | PRIOR BUS DATE 20261204 | BUS DATE 20261207`): when
 * every other cell (two or more) says which figure its column holds (a title word that names no field, or a
 * date with its caption), the first cell names the table, not a column, even where its words would name a
 * field. `kindOf` tells what a column title says its column holds.
 */
export function stubCaption(line: Segmented, kindOf: (title: string) => string): Segment | null {
  const [first, ...rest] = line.segs;
  if (first?.kind !== 'text' || rest.length < 2) return null;
  if (rest.some((s) => (s.kind !== 'text' && s.kind !== 'date') || s.x0 <= first.x1 || s.cell === first.cell))
    return null;
  const cells = new Map<number, Segment[]>();
  for (const s of rest) cells.set(s.cell, [...(cells.get(s.cell) ?? []), s]);
  if (cells.size < 2) return null;
  const tellsFigure = (segs: Segment[]) =>
    segs.some((s) => s.kind === 'date') || segs.every((s) => WHICH_FIGURE.has(kindOf(s.text)) && !matchLabel(s.text));
  return [...cells.values()].every(tellsFigure) ? first : null;
}

/**
 * Captions of dates on a title line (`BUS DATE 20261207`): a text cell's words right before a date in the
 * same cell. Two or more such cells title dated columns; one alone is a label with its value (`As of: 11/26/2026`).
 */
export function dateCaptions(line: Segmented): Set<Segment> {
  const out = new Set<Segment>();
  line.segs.forEach((s, i) => {
    const next = line.segs[i + 1];
    if (s.kind === 'text' && next?.kind === 'date' && next.cell === s.cell) out.add(s);
  });
  return out.size >= 2 ? out : new Set();
}

/** Two dated columns: the later one is current, the others prior. */
export function datedKinds(dated: Column[]): void {
  if (dated.length < 2) return;
  const latest = dated
    .map((c) => c.date!)
    .sort()
    .at(-1)!;
  for (const c of dated) c.kind = c.date === latest ? 'current' : 'prior';
}
