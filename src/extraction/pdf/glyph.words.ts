import type { PageWord } from './page.types.ts';

/** A piece of text-layer text with its box, the font that drew it and where its baseline sits. */
export interface Piece extends PageWord {
  font: string;
  /** Baseline y and font height in page points: rows are found by these, not by drawing order. */
  base: number;
  size: number;
}

/** Advance widths (1/1000 em) of U+0020..U+007E in Helvetica: the usual shape of a proportional font. */
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const SPACE = 278;

function advance(ch: string, mono: boolean): number {
  if (mono) return 600;
  const k = ch.charCodeAt(0) - 32;
  if (k >= 0 && k < WIDTHS.length) return WIDTHS[k]!;
  return ch.charCodeAt(0) >= 0x2e80 ? 1000 : 556; // CJK full width; other letters about average
}

/**
 * Splits one pdf.js text item at every space into pieces with estimated x-ranges. pdf.js puts the
 * gaps it finds between glyphs into an item as spaces (kerning, glyphs drawn apart), so a space may
 * stand for any width: in an item much wider than its text, glyphs keep about their usual widths
 * and the spaces take what is left.
 */
export function itemPieces(
  str: string,
  item: { x0: number; top: number; bottom: number; width: number; size: number; base: number; font: string },
  mono = false,
): Piece[] {
  const chars = [...str];
  let glyphs = 0;
  let spaces = 0;
  for (const ch of chars) {
    if (/\s/.test(ch)) spaces++;
    else glyphs += advance(ch, mono);
  }
  if (glyphs === 0) return [];
  const em = item.size / 1000;
  const natural = (glyphs + spaces * SPACE) * em;
  const width = item.width > 0 ? item.width : natural;
  // Within a usual spread of fonts (condensed to wide), glyphs and spaces share the width evenly; only an
  // item far wider than its text has gaps written as spaces, which then take what the glyphs leave.
  let glyphScale = width / natural;
  let spaceW = SPACE * em * glyphScale;
  if (spaces > 0 && glyphScale > 1.4) {
    glyphScale = 1.15;
    spaceW = (width - glyphs * em * glyphScale) / spaces;
  }
  const out: Piece[] = [];
  let x = item.x0;
  let cur: Piece | null = null;
  for (const ch of chars) {
    if (/\s/.test(ch)) {
      cur = null;
      x += spaceW;
      continue;
    }
    const w = advance(ch, mono) * em * glyphScale;
    if (!cur) {
      cur = {
        text: '',
        x0: x,
        x1: x,
        y0: item.top,
        y1: item.bottom,
        conf: 1,
        font: item.font,
        base: item.base,
        size: item.size,
      };
      out.push(cur);
    }
    cur.text += ch;
    x += w;
    cur.x1 = x;
  }
  return out;
}

/** Closer than this share of the font height is the same word (a space is about 0.25 em). */
const JOIN_GAP = 0.12;

/**
 * Words from glyph geometry: pieces on one baseline whose boxes touch are one word, whatever order
 * the content stream drew them in and whether or not it drew space characters. A producer that
 * draws every glyph with its own operator, shuffled, or spaces words by kerning gives the same
 * words as one that writes whole strings.
 */
export function assembleWords(pieces: Piece[]): PageWord[] {
  if (pieces.length === 0) return [];
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  // Rows: baselines within a fifth of the font height of the row's first piece.
  const rows: Piece[][] = [];
  let row: Piece[] = [];
  for (const p of sorted) {
    const first = row[0];
    if (first && Math.abs(p.base - first.base) <= 0.2 * Math.min(p.size, first.size)) row.push(p);
    else {
      if (row.length) rows.push(row);
      row = [p];
    }
  }
  if (row.length) rows.push(row);
  const out: PageWord[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x0 - b.x0);
    let cur: PageWord | null = null;
    let curSize = 0;
    for (const p of r) {
      if (cur) {
        const gap = p.x0 - cur.x1;
        const size = Math.min(p.size, curSize);
        // The same glyph drawn twice a hair apart (fake bold, shadow) is one glyph.
        if (gap < -0.5 * (p.x1 - p.x0) && cur.text.endsWith(p.text)) continue;
        if (gap <= JOIN_GAP * size && gap >= -0.3 * size) {
          cur.text += p.text;
          cur.x1 = Math.max(cur.x1, p.x1);
          cur.y0 = Math.min(cur.y0, p.y0);
          cur.y1 = Math.max(cur.y1, p.y1);
          curSize = Math.max(curSize, p.size);
          continue;
        }
        out.push(cur);
      }
      cur = { text: p.text, x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1, conf: p.conf };
      curSize = p.size;
    }
    if (cur) out.push(cur);
  }
  return out;
}
