import type { Segment, Segmented } from '../layout/segments.ts';
import type { OpenFigure } from '../solver/open.figures.ts';
import type { Candidate, LabelHit } from './candidates.ts';
import { labelHits } from './candidates.ts';

/**
 * Row context of a table printed as a line of column titles over rows keyed by a name (a symbol, an
 * instrument, a contract): `Symbol | Side | Size | … | Maint. Margin` over
 * `BTCUSDT Perp | Long | 2.500 | … | 22,810.13`. Such rows are positions, not the account:
 * - a word in a row's cell, before the row's figures (`Long`, `Short` under `Side`), is an attribute
 *   of that row, not a field's label;
 * - a figure under a title that names a field (`Maint. Margin`) is one row's figure: it never outranks
 *   the account's own figure for that field, and alone it is read below review.
 * A row is keyed when its first cell is words that name no field (a row led by a field's label is a
 * fields-as-rows table, which the label reads as usual).
 */
export interface TableRows {
  /** Keyed rows (line index) → the title line over them. */
  titleOf: Map<number, number>;
  /** Title lines (line index) over two or more keyed rows. */
  heads: Set<number>;
  /** The column titles of each title line: with titles stacked over several lines (`Entry` / `price`), all of them. */
  titles: Map<number, Segment[]>;
  /** Each title line → the first line of its band of stacked titles (the head its rows are keyed to). */
  band: Map<number, number>;
}

/** Column titles: three or more cells of a few words each, no figure, no date. */
function isTitleLine(line: Segmented): boolean {
  return (
    line.segs.length >= 3 &&
    line.segs.every((s) => s.kind === 'text' && s.text.trim().split(/\s+/).length <= 4) &&
    line.cells.length >= 3
  );
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/**
 * A row keyed by a name: figures, led by a cell of words that is no field's label. A field's word
 * leading the row under a title that has another title left of it (`Long` under `Side`, right of
 * `Contract`) stands in an attribute's column, the key's own cell being blank or wrapped.
 */
function isKeyedRow(line: Segmented, titles: readonly Segment[]): boolean {
  const first = line.segs[0];
  if (!first || first.kind !== 'text' || !/\p{L}{2}/u.test(first.text)) return false;
  if (!line.segs.some((s) => s.kind === 'amount')) return false;
  return !labelHits(line).some((h) => h.index === 0) || attributeLead(line, titles);
}

/** The row's first cell stands under a title with another title left of it: an attribute's column, not the key's. */
function attributeLead(line: Segmented, titles: readonly Segment[]): boolean {
  const first = line.segs[0];
  return !!first && titles.some((t) => overlaps(t, first) && titles.some((o) => o.x1 < t.x0 && o.x1 < first.x0));
}

/** Words alone at the left of a table of keyed rows: a key wrapped over lines (`SOLUSDC-` / `PERP`). */
function isKeyFragment(line: Segmented, titles: readonly Segment[]): boolean {
  const left = Math.min(...titles.map((t) => t.x0));
  const next = titles.filter((t) => t.x0 > left + 1).reduce((m, t) => Math.min(m, t.x0), Number.POSITIVE_INFINITY);
  return line.segs.length === 1 && line.segs[0]!.kind === 'text' && line.segs[0]!.x1 < next;
}

/** Reads the titled tables of keyed rows, page by page; `skip` names lines another structure explains. */
export function readTableRows(lines: readonly Segmented[], skip: (at: number) => boolean): TableRows {
  const titleOf = new Map<number, number>();
  const heads = new Set<number>();
  const titles = new Map<number, Segment[]>();
  const band = new Map<number, number>();
  let title: { at: number; page: number; bottom: number; rows: number; segs: Segment[] } | null = null;
  const close = (line: Segmented, gap: number) =>
    !!title && line.page === title.page && line.top - title.bottom <= line.height * gap;
  lines.forEach((line, at) => {
    if (skip(at)) {
      title = null;
      return;
    }
    if (isTitleLine(line)) {
      // Titles stacked over lines before any row are one band of titles.
      if (title && title.rows === 0 && close(line, 1.5)) {
        title.segs.push(...line.segs);
        title.bottom = line.bottom;
      } else {
        title = { at, page: line.page, bottom: line.bottom, rows: 0, segs: [...line.segs] };
        titles.set(at, title.segs);
      }
      band.set(at, title.at);
      return;
    }
    if (title && close(line, 2.5) && isKeyedRow(line, title.segs)) {
      titleOf.set(at, title.at);
      title.bottom = line.bottom;
      title.rows++;
      if (title.rows >= 2) heads.add(title.at);
      return;
    }
    if (title && close(line, 2.5) && isKeyFragment(line, title.segs)) {
      title.bottom = line.bottom;
      return;
    }
    title = null;
  });
  // A title over a single keyed row is a label band over its values: no row context.
  for (const [row, head] of titleOf) if (!heads.has(head)) titleOf.delete(row);
  return { titleOf, heads, titles, band };
}

/** A cell of a keyed row under a column title (not left of the titles, where a row's label stands). */
function underTitle(rows: TableRows, at: number, seg: Segment): boolean {
  const head = rows.titleOf.get(at);
  const titles = head === undefined ? undefined : rows.titles.get(head);
  return !!titles && titles.some((t) => overlaps(t, seg));
}

/** A label hit that is a cell of a keyed row, under a column title, before its figures: the row's attribute, not a label. */
export function isRowAttribute(
  rows: TableRows,
  _lines: readonly Segmented[],
  at: number,
  line: Segmented,
  hit: LabelHit,
): boolean {
  if (!rows.titleOf.has(at) || hit.prose) return false;
  if (hit.index === 0 && !isKeyedRow(line, rows.titles.get(rows.titleOf.get(at)!) ?? [])) return false;
  // The key's own cell may hold a number (`Nikkei 225 Dec26`); no figure stands between it and the attribute.
  const key = line.segs[0]!.cell;
  return (
    line.segs.slice(0, hit.index).every((s) => s.kind === 'text' || s.cell === key) && underTitle(rows, at, hit.seg)
  );
}

/** The weight a row's figure keeps beside the account's own figure of the field. */
const ROW_FIGURE_WEIGHT = 0.3;

/**
 * A figure read under a title of a table of keyed rows is one row's: it ranks far below a figure the
 * account prints for the field, and goes to review when nothing else is read.
 */
export function asRowFigure(rows: TableRows, titleAt: number, c: Candidate, lines: readonly Segmented[]): Candidate {
  const head = rows.band.get(titleAt) ?? titleAt;
  if (!rows.heads.has(head) || rows.titleOf.get(c.line) !== head) return c;
  const key = lines[c.line]?.segs[0]?.text.trim() ?? '';
  const why = `one row's figure ("${key}") of a table of positions under "${c.label}", not the account's`;
  return { ...c, weight: c.weight * ROW_FIGURE_WEIGHT, demoted: why, unsure: c.unsure ?? why };
}

/** A figure of a keyed row read beside one of the row's attribute cells (`Short  40.000`): no account's figure. */
export function underRowAttribute(rows: TableRows, lines: readonly Segmented[], f: OpenFigure): boolean {
  const line = lines[f.line];
  if (!rows.titleOf.has(f.line) || !line) return false;
  const lead = attributeLead(line, rows.titles.get(rows.titleOf.get(f.line)!) ?? []);
  const cell = line.segs.find((s, i) => (i > 0 || lead) && s.kind === 'text' && s.text.trim() === f.label);
  return cell !== undefined && underTitle(rows, f.line, cell);
}
