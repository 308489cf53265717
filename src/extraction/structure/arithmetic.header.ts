import { FIELD_TARGETS } from '../fields/candidates.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import type { Column, ColumnHeader } from './column.header.ts';

/**
 * Column titles whose words say nothing the vocabulary knows (`Reported Figures Tonight | Running
 * Sum Since January | Move Since Last Session`) over rows of labelled figures, one figure per
 * column. Which column is the current one then follows from the figures alone: the current column
 * is a consistent set of balances, so some three of its figures add up (excess = equity −
 * requirement, equity = cash + long), while a column of unrelated figures does not. Where exactly
 * one column adds up, it is the current one; where several do (a prior day's and a change column
 * add up too) or none does, nothing is decided. A column chosen by arithmetic alone is never
 * approved automatically: the header carries the reason, and its figures go to review.
 */

/** Least rows of figures under the titles: an identity needs three figures. */
const MIN_ROWS = 3;
/** Edges of figures in one column lie this close (points). */
const EDGE = 3;
/** Two sums agree to the cent. */
const agree = (a: number, b: number) => Math.abs(a - b) <= 0.015 + Math.abs(b) * 1e-9;

interface Row {
  at: number;
  figures: Segment[];
}

/** The title band (one to three text-only lines) starting at `at`, and the rows of figures under it. */
function bandAndRows(lines: Segmented[], at: number, read: (at: number) => Segmented) {
  const first = read(at);
  if (first.segs.length < 2 || first.segs.some((s) => s.kind !== 'text')) return null;
  const band = [at];
  let k = at + 1;
  for (; k < lines.length && band.length < 3; k++) {
    const l = read(k);
    const above = read(k - 1);
    if (l.page !== first.page || l.segs.length === 0 || l.segs.some((s) => s.kind !== 'text')) break;
    if (l.top - above.bottom > first.height * 1.2) return null;
    band.push(k);
  }
  const rows: Row[] = [];
  for (let prev = read(band[band.length - 1]!); k < lines.length; k++) {
    const l = read(k);
    if (l.page !== prev.page || l.top - prev.bottom > Math.max(prev.height, l.height) * 3.5) break;
    const figures = l.segs.filter((s) => s.kind === 'amount');
    if (figures.length === 0) break;
    // A row is a label followed by its figures: nothing but figures after the first one.
    if (l.segs.findIndex((s) => s.kind === 'amount') !== l.segs.length - figures.length) return null;
    rows.push({ at: k, figures });
    prev = l;
  }
  return rows.length >= MIN_ROWS ? { band, rows } : null;
}

/** Figures aligned on their right edges form a column; null when a figure fits none of two or more columns. */
function columnsOf(rows: Row[]): Segment[][] | null {
  const cluster = (edge: (s: Segment) => number) => {
    const groups: Segment[][] = [];
    for (const s of rows.flatMap((r) => r.figures).sort((a, b) => edge(a) - edge(b))) {
      const g = groups.find((x) => Math.abs(edge(x[x.length - 1]!) - edge(s)) <= EDGE);
      if (g) g.push(s);
      else groups.push([s]);
    }
    return groups;
  };
  // Figures right-aligned in their columns, else left-aligned.
  const widest = Math.max(...rows.map((r) => r.figures.length));
  const byRight = cluster((s) => s.x1);
  const groups = byRight.length <= widest ? byRight : cluster((s) => s.x0);
  if (groups.length < 2 || groups.length > widest) return null;
  // One figure per row and column: two figures of a row in one column are no grid.
  for (const r of rows) for (const g of groups) if (r.figures.filter((f) => g.includes(f)).length > 1) return null;
  return groups;
}

/** How many sets of three figures of a column add up (x + y = z), figures of zero left out. */
function sums(values: number[]): number {
  const xs = values.filter((v) => v !== 0);
  let n = 0;
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      for (let k = 0; k < xs.length; k++) if (k !== i && k !== j && agree(xs[i]! + xs[j]!, xs[k]!)) n++;
  return n;
}

/**
 * A header for a band of unknown titles over rows of figures, where the figures of exactly one column
 * add up: that column is current, the others are read as nothing. Null when nothing decides.
 */
export function arithmeticHeader(
  lines: Segmented[],
  at: number,
  read: (at: number) => Segmented,
): { header: ColumnHeader; band: number[] } | null {
  const found = bandAndRows(lines, at, read);
  if (!found) return null;
  // Titles that are fields (`Long | Short | Total`) make a table of fields, not of periods.
  if (found.band.some((k) => read(k).segs.some((t) => matchLabel(t.text, FIELD_TARGETS)))) return null;
  const groups = columnsOf(found.rows);
  if (!groups) return null;
  // A grid: most rows print a figure in every column.
  if (found.rows.filter((r) => r.figures.length === groups.length).length < MIN_ROWS) return null;
  const counts = groups.map((g) => sums(g.map((s) => s.amount!.value)));
  const best = counts.indexOf(Math.max(...counts));
  if (counts[best]! === 0 || counts.some((c, i) => i !== best && c > 0)) return null;
  const spans = groups.map((g) => ({ x0: Math.min(...g.map((s) => s.x0)), x1: Math.max(...g.map((s) => s.x1)) }));
  const ov = (t: Segment, sp: { x0: number; x1: number }) => Math.min(t.x1, sp.x1) - Math.max(t.x0, sp.x0);
  // Each title word goes to the column it overlaps most (staggered titles overlap two columns).
  const titles = found.band.flatMap((k) => read(k).segs);
  const owner = titles.map((t) => spans.reduce((b, sp, i) => (ov(t, sp) > ov(t, spans[b]!) ? i : b), 0));
  const columns: Column[] = spans.map((sp, i) => ({
    kind: i === best ? 'current' : 'other',
    ...sp,
    text: titles
      .filter((t, k) => owner[k] === i && ov(t, sp) > 0)
      .map((t) => t.text)
      .join(' '),
  }));
  const current = columns[best]!;
  const first = read(at);
  return {
    band: found.band,
    header: {
      page: first.page,
      line: first.index,
      columns,
      unsure: `no column title says which column is current; the figures add up only in the column ${current.text ? `"${current.text}"` : 'at its place'}`,
    },
  };
}
