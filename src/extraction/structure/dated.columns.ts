import type { Segment, Segmented } from '../layout/segments.ts';

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * A figure of a grid row under a column titled with a date, where the title line dates another column
 * later (`07-12-2026   30-11-2026`): the earlier date's column is a comparison (the previous month, the
 * previous day), never the report. The title line is the first line above the grid's rows that prints
 * no figure; the title over the figure is the date cell that overlaps it most, or failing that the
 * nearest one.
 */
export function underEarlierDate(lines: readonly Segmented[], at: number, seg: Segment): boolean {
  const line = lines[at]!;
  let k = at - 1;
  while (k >= 0 && lines[k]!.page === line.page && lines[k]!.segs.some((s) => s.kind === 'amount')) k--;
  const title = lines[k];
  if (!title || title.page !== line.page) return false;
  const dates = title.segs.filter((s) => s.kind === 'date');
  if (new Set(dates.map((d) => d.date!.iso)).size < 2) return false;
  const centre = (s: Segment) => (s.x0 + s.x1) / 2;
  const over =
    dates.filter((d) => overlap(d, seg) > 0).sort((a, b) => overlap(b, seg) - overlap(a, seg))[0] ??
    [...dates].sort((a, b) => Math.abs(centre(a) - centre(seg)) - Math.abs(centre(b) - centre(seg)))[0]!;
  const latest = dates
    .map((d) => d.date!.iso)
    .sort()
    .at(-1)!;
  return over.date!.iso < latest;
}
