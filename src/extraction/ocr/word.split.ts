/**
 * Splits words tesseract glued across a narrow blank: two columns (or a label and its figure) a few
 * points apart, or the thin spaces of a figure grouped by spaces (`1 680 821,88` read `1680` `821,88`),
 * come back as one word, and the figure is lost or misread. A glyph gap far wider than the word's other
 * glyph gaps, blank in the pixels from top to bottom, is a space: the word is cut there. Only where a
 * digit stands on one side of the gap and a letter or digit on the other (a word of letters is left to
 * the label reading, which mends its own splits and joins). Coordinates are pixels of the band.
 */
import type { Gray, PixelWord } from './lost.marks.ts';

/** A word with tesseract's glyph boxes (present in its `blocks` output). */
export type GlyphWord = PixelWord & { symbols?: PixelWord[] };

const INK = 170;
/** A space is at least this wide, in the word's height; glyph gaps inside a word are a fraction of it. */
const MIN_GAP = 0.3;
/** ... and the glyph advance across it this much longer than the word's usual advance. */
const PITCH = 1.35;

const ALNUM = /[\p{L}\d]/u;
const DIGIT = /\d/;
const LETTER = /\p{L}/u;

/** Whether every column from x0 to x1 (exclusive) is blank between the word's top and bottom. */
function blank(image: Gray, x0: number, x1: number, y0: number, y1: number): boolean {
  for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++)
    for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++)
      if (image.pixels[y * image.width + x]! < INK) return false;
  return true;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/** Cut points (symbol indices where a new word starts) of one word. */
function cuts(w: GlyphWord, image: Gray): number[] {
  const syms = w.symbols ?? [];
  if (syms.length < 2 || syms.map((s) => s.text).join('') !== w.text) return [];
  const h = w.bbox.y1 - w.bbox.y0;
  const gaps = syms.slice(1).map((s, i) => s.bbox.x0 - syms[i]!.bbox.x1);
  if (syms.length < 3) return [];
  const usual = median(gaps.filter((g) => g < MIN_GAP * h));
  // Glyph advance, centre to centre: a narrow glyph (`1`) has wide blanks beside it and an ordinary advance.
  const centre = (s: PixelWord) => (s.bbox.x0 + s.bbox.x1) / 2;
  const pitches = syms.slice(1).map((s, i) => centre(s) - centre(syms[i]!));
  const out: number[] = [];
  for (let i = 1; i < syms.length; i++) {
    const gap = gaps[i - 1]!;
    if (gap < MIN_GAP * h || gap < 3 * Math.max(1, usual)) continue;
    const others = pitches.filter((_, k) => k !== i - 1);
    if (pitches[i - 1]! < PITCH * median(others)) continue;
    const left = syms
      .slice(0, i)
      .map((s) => s.text)
      .join('');
    const right = syms
      .slice(i)
      .map((s) => s.text)
      .join('');
    const a = left[left.length - 1] ?? '';
    const b = right[0] ?? '';
    if (!ALNUM.test(a) || !ALNUM.test(b) || !(DIGIT.test(a) || DIGIT.test(b))) continue;
    // Only cuts that leave whole pieces: a label and its figure, a figure with its decimals and the next
    // word, or a group of three digits (thousands grouped by spaces); not a date's or an account's digits.
    const labelFigure = LETTER.test(a) && DIGIT.test(b);
    const wholeFigure = /\d[.,]\d{2}$/.test(left);
    const group = /^\d{3}(?:[.,]|$)/.test(right);
    if (!labelFigure && !wholeFigure && !group) continue;
    // The blank must be real: no ink in the middle of the gap, from the word's top to its bottom.
    const x0 = syms[i - 1]!.bbox.x1 + 1;
    const x1 = syms[i]!.bbox.x0 - 1;
    if (x1 - x0 < 2 || !blank(image, x0, x1, w.bbox.y0, w.bbox.y1)) continue;
    out.push(i);
  }
  return out;
}

/** The words with glued ones cut at their spaces; each piece keeps the word's confidence. */
export function splitGluedWords<W extends GlyphWord>(words: W[], image: Gray): W[] {
  const out: W[] = [];
  for (const w of words) {
    const at = cuts(w, image);
    if (at.length === 0) {
      out.push(w);
      continue;
    }
    const syms = w.symbols!;
    const bounds = [0, ...at, syms.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const part = syms.slice(bounds[k], bounds[k + 1]);
      out.push({
        ...w,
        text: part.map((s) => s.text).join(''),
        symbols: part,
        bbox: {
          x0: part[0]!.bbox.x0,
          x1: part[part.length - 1]!.bbox.x1,
          y0: w.bbox.y0,
          y1: w.bbox.y1,
        },
      });
    }
  }
  return out;
}
