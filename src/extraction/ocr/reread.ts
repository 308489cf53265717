/**
 * Second looks at what the page-wide OCR pass got wrong in figures, read again as one line each:
 *
 * - a figure read in broken pieces or with letters inside (`36` `,B876.61-`, `99` `?` `223.80`), or a
 *   figure tesseract itself doubts (low confidence): the pieces are cut out together and read again;
 * - ink on a row of figures that no word covers, in line with a column of figures (a `.00` the
 *   sparse-text pass dropped whole).
 *
 * A second reading replaces the first only when it is one clean figure; its confidence stays below
 * review level, so an identity or a label must still confirm it. Coordinates are pixels of the band.
 */

import { editDistance } from '../parse/edit.distance.ts';
import type { Gray, PixelWord } from './lost.marks.ts';

export interface Reread {
  /** Words the reading replaces (none for uncovered ink). */
  replaces: PixelWord[];
  box: { x0: number; y0: number; x1: number; y1: number };
}

const DIGIT = /\d/;
const FIGURE_CHARS = /^[\d.,()$€£¥%+\-–]*$/;
/** One clean figure: optional sign or parentheses, digit groups, decimals. */
export const CLEAN_FIGURE = /^(?:\(?-?[$€£¥]?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?\)?-?|\(?-?[$€£¥]?\.\d{2}\)?-?)$/;
const INK = 170;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/** Rows of words: vertical centres within half a text height. */
function rows(words: PixelWord[], h: number): PixelWord[][] {
  const sorted = [...words].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  const out: { cy: number; words: PixelWord[] }[] = [];
  for (const w of sorted) {
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const row = out.find((r) => Math.abs(r.cy - cy) < h / 2);
    if (row) row.words.push(w);
    else out.push({ cy, words: [w] });
  }
  return out.map((r) => r.words.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

const hasDigits = (w: PixelWord) => (w.text.match(/\d/g) ?? []).length >= 1;

/** The digits of a reading, in order. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Whether a second reading may stand in for the first: one clean figure whose digits are the first
 * reading's digits but for one slip (the pieces' punctuation and letters are what it mends); on
 * uncovered ink, a figure with a decimal mark (`.00`, not a stray `00`).
 */
export function acceptReread(job: Reread, text: string): string | null {
  if (!CLEAN_FIGURE.test(text)) return null;
  if (job.replaces.length === 0) return /[.,]\d{2}/.test(text) ? text : null;
  const before = job.replaces.map((w) => w.text).join('');
  if (digitsOf(text).length < 2 || editDistance(digitsOf(before), digitsOf(text), 1) > 1) return null;
  // A trailing minus the first reading had (or the pixels showed) and the second dropped stays.
  if (/-$/.test(before) && !/[-)]$/.test(text) && !/^[-(]/.test(text)) return `${text}-`;
  return text;
}
const figureLike = (w: PixelWord) => DIGIT.test(w.text) && /^[\dA-Za-z.,()$€£¥?;'’\-–]+$/.test(w.text);
/** A figure word that is not clean: letters or stray marks among its digits, or a piece of one. */
const doubtful = (w: PixelWord) =>
  figureLike(w) && !CLEAN_FIGURE.test(w.text) && (w.text.match(/\d/g) ?? []).length >= 2;
/** The pieces hold a figure's decimals (`.61`), so they are a broken figure, not an id or a code. */
const cents = (ws: PixelWord[]) => /[.,]\d{2}(?!\d)/.test(ws.map((w) => w.text).join(''));
/**
 * Readings a second look cannot mend, so none is spent on them: a clean figure in another grouping
 * (`1'794'301.73`, `1.234.567,89`, `1 234 567,89`, `12,34,567.89`), which the second reading's digit
 * whitelist would only strip of its separators, and a date (`30.10.2026`, `2026.10.30`), which is no figure.
 */
const CLEAN_ELSEWHERE =
  /^\(?-?[$€£¥]?(?:\d{1,3}(?:['’]\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?:[. ]\d{3})+,\d{1,2}|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?)\)?-?$/;
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
const settled = (ws: PixelWord[]) => {
  const text = ws.map((w) => w.text).join(' ');
  return CLEAN_ELSEWHERE.test(text) || DATE.test(text);
};
/**
 * Uncovered ink read again must come back as a figure with decimals (`.00`, three glyphs at least, wider
 * than a text line is tall) and as one figure (not wider than the longest one, 16 glyphs): narrower ink
 * is a speck, a dash or one stray glyph, wider ink a phrase or a rule's remains. In text heights.
 */
const INK_MIN_WIDTH = 1;
const INK_MAX_WIDTH = 14;
/** A word that is a figure with decimals, in any grouping: the cells of a figure column. */
const WITH_CENTS = /\d[.,]\d{2}(?!\d)/;

export function findRereads(words: PixelWord[], image: Gray): Reread[] {
  const texty = words.filter((w) => w.bbox.y1 - w.bbox.y0 >= 6 && w.text.trim());
  const h = median(texty.filter((w) => /[A-Za-z0-9]{2,}/.test(w.text)).map((w) => w.bbox.y1 - w.bbox.y0));
  if (h < 6) return [];
  const out: Reread[] = [];
  // A figure cell the sparse-text pass dropped whole sits in a column of figures: its ink ends where the
  // figures of other rows end (right-aligned, give or take a sign) or starts where they start.
  const figures = texty.filter((w) => WITH_CENTS.test(w.text)).map((w) => w.bbox);
  const inColumn = (x0: number, x1: number, y0: number, y1: number) =>
    figures.some((f) => (f.y1 <= y0 || f.y0 >= y1) && (Math.abs(f.x1 - x1) <= h || Math.abs(f.x0 - x0) <= 0.6 * h));
  for (const row of rows(texty, h)) {
    // Broken or doubtful figures: a doubtful piece with its close neighbours that look like parts of a figure.
    for (let i = 0; i < row.length; i++) {
      if (!doubtful(row[i]!)) continue;
      let a = i;
      let b = i;
      const near = (l: PixelWord, r: PixelWord) => r.bbox.x0 - l.bbox.x1 <= 0.6 * h;
      const part = (w: PixelWord) => figureLike(w) || FIGURE_CHARS.test(w.text) || w.text.length <= 2;
      while (a > 0 && near(row[a - 1]!, row[a]!) && part(row[a - 1]!)) a--;
      while (b < row.length - 1 && near(row[b]!, row[b + 1]!) && part(row[b + 1]!)) b++;
      const group = row.slice(a, b + 1);
      if (cents(group) && !settled(group)) out.push({ replaces: group, box: union(group.map((g) => g.bbox)) });
      i = b;
    }
    // Uncovered ink on a row that holds figures.
    if (!row.some(hasDigits)) continue;
    const y0 = Math.round(median(row.map((w) => w.bbox.y0)));
    const y1 = Math.round(median(row.map((w) => w.bbox.y1)));
    const core0 = Math.round(y0 + 0.25 * (y1 - y0));
    const core1 = Math.round(y1 - 0.15 * (y1 - y0));
    const covered = new Uint8Array(image.width);
    for (const w of words)
      if (w.bbox.y1 > y0 && w.bbox.y0 < y1)
        covered.fill(1, Math.max(0, w.bbox.x0 - 2), Math.min(image.width, w.bbox.x1 + 3));
    let runStart = -1;
    let lastInk = -1;
    const flush = () => {
      const width = lastInk - runStart + 1;
      if (
        runStart >= 0 &&
        width >= INK_MIN_WIDTH * h &&
        width <= INK_MAX_WIDTH * h &&
        inColumn(runStart, lastInk + 1, y0, y1)
      )
        out.push({ replaces: [], box: { x0: runStart, y0, x1: lastInk + 1, y1 } });
      runStart = -1;
    };
    for (let x = 0; x < image.width; x++) {
      let ink = false;
      if (!covered[x])
        for (let y = Math.max(0, core0); y <= Math.min(image.height - 1, core1) && !ink; y++)
          ink = image.pixels[y * image.width + x]! < INK;
      if (!ink) {
        if (runStart >= 0 && x - lastInk > 0.6 * h) flush();
        continue;
      }
      if (runStart < 0) runStart = x;
      lastInk = x;
    }
    flush();
  }
  return out.slice(0, 40);
}

function union(bs: PixelWord['bbox'][]): PixelWord['bbox'] {
  return {
    x0: Math.min(...bs.map((b) => b.x0)),
    y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)),
    y1: Math.max(...bs.map((b) => b.y1)),
  };
}

/** The box cut out with a white margin and scaled up twice (bilinear), as a PGM for tesseract. */
export function cropPgm(image: Gray, box: PixelWord['bbox']): Uint8Array | null {
  const h = box.y1 - box.y0;
  const pad = Math.round(0.4 * h);
  const x0 = Math.max(0, box.x0 - 2);
  const x1 = Math.min(image.width, box.x1 + 2);
  const y0 = Math.max(0, box.y0 - 2);
  const y1 = Math.min(image.height, box.y1 + 2);
  if (x1 - x0 < 4 || y1 - y0 < 6) return null;
  const f = 2;
  const cw = (x1 - x0) * f + 2 * pad;
  const ch = (y1 - y0) * f + 2 * pad;
  const header = new TextEncoder().encode(`P5\n${cw} ${ch}\n255\n`);
  const out = new Uint8Array(header.length + cw * ch).fill(255);
  out.set(header, 0);
  for (let Y = 0; Y < (y1 - y0) * f; Y++) {
    const sy = Math.min(y1 - y0 - 1, Y / f);
    const iy = Math.floor(sy);
    const fy = sy - iy;
    const iy1 = Math.min(y1 - y0 - 1, iy + 1);
    for (let X = 0; X < (x1 - x0) * f; X++) {
      const sx = Math.min(x1 - x0 - 1, X / f);
      const ix = Math.floor(sx);
      const fx = sx - ix;
      const ix1 = Math.min(x1 - x0 - 1, ix + 1);
      const p = (yy: number, xx: number) => image.pixels[(y0 + yy) * image.width + x0 + xx]!;
      const a = p(iy, ix) + (p(iy, ix1) - p(iy, ix)) * fx;
      const b = p(iy1, ix) + (p(iy1, ix1) - p(iy1, ix)) * fx;
      out[header.length + (Y + pad) * cw + X + pad] = (a + (b - a) * fy + 0.5) | 0;
    }
  }
  return out;
}
