import type { PageWord } from '../pdf/page.types.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { alternation } from '../vocabulary/word.patterns.ts';

/** A run of words with no column gap between them. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Lowest word confidence in the cell (0..1). */
  conf: number;
  /** Character offsets of each word in `text`, to place a sub-string on the page. */
  spans: { start: number; end: number; x0: number; x1: number; conf: number }[];
}

export interface Line {
  page: number;
  /** Line order within the document. */
  index: number;
  top: number;
  bottom: number;
  height: number;
  cells: Cell[];
  text: string;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/**
 * Rebuilds reading lines from positioned words: words whose vertical centres agree form a line
 * (so a label and its right-aligned value meet again), and a horizontal gap wider than about one
 * character height splits the line into cells (table columns, the halves of a two-column page).
 */
export function buildLines(words: PageWord[], page: number, startIndex = 0): Line[] {
  const ws = words.filter((w) => w.text.trim() && w.x1 > w.x0 - 1e-6 && w.y1 > w.y0);
  if (ws.length === 0) return [];
  const medH = median(ws.map((w) => w.y1 - w.y0)) || 10;
  const sorted = [...ws].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const groups: { cy: number; top: number; bottom: number; h: number; words: PageWord[] }[] = [];
  for (const w of sorted) {
    const cy = (w.y0 + w.y1) / 2;
    const h = Math.min(w.y1 - w.y0, medH * 2);
    // Same line when the word shares most of its height with the line (a word with a descender and
    // one without still overlap fully), or when the centres are close. Tall cells must not swallow neighbours.
    let target: (typeof groups)[number] | undefined;
    let best = 0;
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 4; g--) {
      const grp = groups[g]!;
      const ov = Math.min(w.y1, grp.bottom) - Math.max(w.y0, grp.top);
      const share = ov / Math.max(1e-6, Math.min(h, grp.h));
      // Horizontal overlap means another line, unless the heights agree closely (OCR boxes can overhang).
      if (share < 0.75 && grp.words.some((o) => overlapsX(o, w))) continue;
      const tol = Math.max(0.45 * Math.min(h, grp.h), medH * 0.3);
      const fit = Math.abs(grp.cy - cy) <= tol ? Math.max(share, 0.6) : share;
      if (fit >= 0.6 && fit > best) {
        best = fit;
        target = grp;
      }
    }
    if (target) {
      target.words.push(w);
      const n = target.words.length;
      target.cy = (target.cy * (n - 1) + cy) / n;
      target.top = (target.top * (n - 1) + w.y0) / n;
      target.bottom = (target.bottom * (n - 1) + w.y1) / n;
      target.h = Math.max(target.h, h);
    } else groups.push({ cy, top: w.y0, bottom: w.y1, h, words: [w] });
  }
  groups.sort((a, b) => a.cy - b.cy);
  return splitLabelsOverFigures(groups.map((g, i) => toLine(g.words, page, startIndex + i, medH)));
}

/** Debit and credit marks a figure may end with (`1,234.56 DR`). */
const SIGN_MARKS = alternation([...DEBIT_MARKS, ...CREDIT_MARKS]);
/** A cell that is one printed figure (`GBP 83,347,647.13`, `(1,234.56)`, `12 345,67-`), not words. */
const FIGURE_CELL = new RegExp(
  String.raw`^[(\-−]?\s*(?:[A-Z]{3}\s?)?\p{Sc}?\s*[-−]?\d[\d.,'’\s\u2009]*\d\)?(?:\s?(?:-|−|${SIGN_MARKS}|[A-Z]{3}))?$`,
  'u',
);

/**
 * Labels printed across over a row of figures, so close together that no gap wider than a word
 * space parts them (`Liquidation Equity Value Required Maintenance Equity` over two figures): a cell
 * of the label line that spans several figure cells of the row right below is split where one of
 * its words starts between two of those figures, after the end of one and no later than the start
 * of the next. Only where every figure under the cell finds such a word is the cell split.
 */
function splitLabelsOverFigures(lines: Line[]): Line[] {
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i]!;
    const row = lines[i + 1]!;
    if (row.top - label.bottom > label.height * 2.5) continue;
    if (label.cells.some((c) => FIGURE_CELL.test(c.text))) continue;
    const figures = row.cells.filter((c) => FIGURE_CELL.test(c.text.trim()));
    if (figures.length < 2) continue;
    // A row's own label (`Total Equity   1,200.00   1,150.00`) may stand left of every titled column.
    const rowLabels = row.cells.filter((c) => !figures.includes(c));
    const cells: Cell[] = [];
    let split = false;
    for (const cell of label.cells) {
      const under = figures.filter((f) => Math.min(f.x1, cell.x1) - Math.max(f.x0, cell.x0) > 0);
      if (rowLabels.some((r) => r.x1 > cell.x0)) {
        cells.push(cell);
        continue;
      }
      const parts = under.length >= 2 ? cutAt(cell, under) : null;
      if (parts) {
        cells.push(...parts);
        split = true;
      } else cells.push(cell);
    }
    if (split) lines[i] = { ...label, cells, text: cells.map((c) => c.text).join('   ') };
  }
  return lines;
}

/** The cell cut before the first word that starts between each two neighbouring figures, or null. */
function cutAt(cell: Cell, figures: Cell[]): Cell[] | null {
  const words = cell.spans.map((w) => ({ ...w, text: cell.text.slice(w.start, w.end) }));
  const cuts: number[] = [];
  for (let j = 1; j < figures.length; j++) {
    const after = figures[j - 1]!.x1 - 1;
    const before = figures[j]!.x0 + 2;
    const k = words.findIndex((w, n) => n > (cuts.at(-1) ?? 0) && w.x0 >= after && w.x0 <= before);
    if (k < 0) return null;
    cuts.push(k);
  }
  const bounds = [0, ...cuts, words.length];
  return bounds
    .slice(0, -1)
    .map((from, n) =>
      toCell(
        words
          .slice(from, bounds[n + 1])
          .map((w) => ({ text: w.text, x0: w.x0, x1: w.x1, y0: cell.y0, y1: cell.y1, conf: w.conf })),
      ),
    );
}

function overlapsX(a: PageWord, b: PageWord): boolean {
  const ov = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return ov > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
}

function toLine(words: PageWord[], page: number, index: number, medH: number): Line {
  const ws = [...words].sort((a, b) => a.x0 - b.x0);
  const lineH = median(ws.map((w) => w.y1 - w.y0)) || medH;
  // Wide monospaced word spaces must not split a phrase: allow about 1.6 average character widths too.
  const charW = median(ws.filter((w) => w.text.length >= 3).map((w) => (w.x1 - w.x0) / w.text.length)) || lineH * 0.5;
  const gapLimit = Math.max(Math.max(lineH, medH) * 0.9, charW * 1.6);
  const cells: Cell[] = [];
  let cur: PageWord[] = [];
  const flush = () => {
    if (cur.length) cells.push(toCell(cur));
    cur = [];
  };
  for (const w of ws) {
    const prev = cur[cur.length - 1];
    if (prev && w.x0 - prev.x1 > gapLimit) flush();
    cur.push(w);
  }
  flush();
  const top = Math.min(...ws.map((w) => w.y0));
  const bottom = Math.max(...ws.map((w) => w.y1));
  return { page, index, top, bottom, height: lineH, cells, text: cells.map((c) => c.text).join('   ') };
}

function toCell(words: PageWord[]): Cell {
  let text = '';
  const spans: Cell['spans'] = [];
  for (const w of words) {
    if (text) text += ' ';
    spans.push({ start: text.length, end: text.length + w.text.length, x0: w.x0, x1: w.x1, conf: w.conf });
    text += w.text;
  }
  return {
    text,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)),
    y1: Math.max(...words.map((w) => w.y1)),
    conf: Math.min(...words.map((w) => w.conf)),
    spans,
  };
}

/** Page x-range and lowest confidence of the characters [start, end) of a cell. */
export function locate(cell: Cell, start: number, end: number): { x0: number; x1: number; conf: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let conf = 1;
  for (const s of cell.spans) {
    if (s.end <= start || s.start >= end) continue;
    const len = Math.max(1, s.end - s.start);
    const cw = (s.x1 - s.x0) / len;
    x0 = Math.min(x0, s.x0 + Math.max(0, start - s.start) * cw);
    x1 = Math.max(x1, s.x0 + (Math.min(end, s.end) - s.start) * cw);
    conf = Math.min(conf, s.conf);
  }
  if (!Number.isFinite(x0)) return { x0: cell.x0, x1: cell.x1, conf: cell.conf };
  return { x0, x1, conf };
}
