/**
 * Marks OCR drops beside a figure. A trailing minus (`5,433.22-`) on a small blurred scan is a
 * faint dash a few pixels long, which tesseract often leaves out of the word while reading every
 * digit: the figure then comes back positive with a high confidence. The pixels decide: a short,
 * thin dash just right of the figure at the height of a minus sign, and nothing else there.
 */

import { isCurrencyCode } from '../parse/currency.parser.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';

/** A word as tesseract returned it, in pixels of the image it read. */
export interface PixelWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface Gray {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** The pixels of an 8-bit PGM (P5), or null when it is not one. */
export function readPgm(pgm: Uint8Array): Gray | null {
  const head = new TextDecoder('latin1').decode(pgm.subarray(0, 40));
  const m = head.match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { pixels: pgm.subarray(m[0].length, m[0].length + width * height), width, height };
}

/** A figure that ends in a digit and carries no sign of its own (perhaps with a stray period: the dash read as a dot). */
const UNSIGNED_FIGURE = /^([$€£¥]?\d{1,3}(?:[,.]\d{3})*[.,]\d{2})\.?$/;
/** Darker than this is ink; a faint blurred dash is light grey. */
const INK = 215;

/**
 * The words with a minus sign put back where the pixels show one tesseract left out; those words'
 * confidence is capped below review level (the sign was seen, not read), so an identity must confirm it.
 */
export function restoreTrailingMinus<W extends PixelWord>(words: W[], image: Gray, others: PixelWord[] = words): W[] {
  return words.map((w) => {
    const m = UNSIGNED_FIGURE.exec(w.text);
    if (!m) return w;
    const { x0, y0, x1, y1 } = w.bbox;
    const h = y1 - y0;
    if (h < 8) return w;
    // Columns from inside the word box (tesseract's box may cover the dash it did not read) to about one
    // character beyond it; rows a little above and below.
    const ax = Math.max(x0, Math.round(x1 - 1.5 * h));
    const bx = Math.min(image.width - 1, Math.round(x1 + 0.9 * h));
    const ya = Math.max(0, y0 - Math.round(0.15 * h));
    const yb = Math.min(image.height - 1, y1 + Math.round(0.15 * h));
    if (bx - ax < 6) return w;
    // Another word beside it: tesseract saw something there and read it as it is.
    if (others.some((o) => o !== w && o.bbox.x0 <= bx && o.bbox.x1 > x1 && o.bbox.y1 > y0 && o.bbox.y0 < y1)) return w;
    const top = new Int32Array(bx - ax + 1).fill(-1);
    const bottom = new Int32Array(bx - ax + 1).fill(-1);
    for (let x = ax; x <= bx; x++)
      for (let y = ya; y <= yb; y++) {
        if (image.pixels[y * image.width + x]! >= INK) continue;
        if (top[x - ax]! < 0) top[x - ax] = y;
        bottom[x - ax] = y;
      }
    // The rightmost run of inked columns, and the run before it (the last digit).
    const runs: { a: number; b: number; y0: number; y1: number }[] = [];
    for (let i = 0; i < top.length; i++) {
      if (top[i]! < 0) continue;
      const last = runs[runs.length - 1];
      if (last && last.b === i - 1) {
        last.b = i;
        last.y0 = Math.min(last.y0, top[i]!);
        last.y1 = Math.max(last.y1, bottom[i]!);
      } else runs.push({ a: i, b: i, y0: top[i]!, y1: bottom[i]! });
    }
    const dash = runs[runs.length - 1];
    const digit = runs[runs.length - 2];
    if (!dash || !digit || dash.b >= top.length - 2) return w;
    const dw = dash.b - dash.a + 1;
    const dh = dash.y1 - dash.y0 + 1;
    const mid = ((dash.y0 + dash.y1) / 2 - y0) / h;
    const isDash =
      digit.y1 - digit.y0 + 1 >= 0.6 * h && // the digit before it is a full-height glyph
      dash.a - digit.b <= 0.45 * h && // the dash follows it closely
      dw >= 0.2 * h &&
      dw <= 0.8 * h &&
      dh <= Math.max(2, 0.3 * h) &&
      dw >= 1.2 * dh &&
      mid >= 0.3 &&
      mid <= 0.8;
    if (!isDash) return w;
    return {
      ...w,
      text: `${m[1]}-`,
      bbox: { ...w.bbox, x1: Math.max(x1, ax + dash.b + 1) },
      confidence: Math.min(w.confidence, 75),
    };
  });
}

/** A figure in cents with no sign of its own, in any grouping (`4'833'828.26`, `€1.234,56`). */
const CENTS_FIGURE = /^\p{Sc}?\d[\d.,'’]*[.,]\d{2}$/u;
/** A debit or credit mark run together with a letter or two after it (`DRSD`): the mark, and the rest. */
const GLUED_MARK = new RegExp(`^(${[...DEBIT_MARKS, ...CREDIT_MARKS].join('|')})[A-Z]{1,2}$`);
/** Word confidence of a sign read out of a garbled word: seen, not read, so the figure needs an identity to pass review. */
const GARBLED_SIGN = 60;

/**
 * A debit or credit mark OCR ran together with what follows it (`4'833'828.26 DRSD` for `… DR`): the
 * figure would read unsigned, its sign left in a word nothing reads. Where such a word (not a currency
 * code) follows a figure closely on its line, the mark is the figure's sign: the word is cut to the mark,
 * and both words' confidence is lowered so that the figure goes to review unless an identity confirms it.
 */
export function splitGluedSignMarks<W extends PixelWord>(words: W[]): W[] {
  const glued = new Map<W, W>();
  for (const w of words) {
    const m = GLUED_MARK.exec(w.text);
    if (!m || isCurrencyCode(w.text)) continue;
    const h = w.bbox.y1 - w.bbox.y0;
    const figure = words.find(
      (o) =>
        CENTS_FIGURE.test(o.text) &&
        o.bbox.x1 <= w.bbox.x0 + 2 &&
        w.bbox.x0 - o.bbox.x1 <= 1.2 * h &&
        Math.min(o.bbox.y1, w.bbox.y1) - Math.max(o.bbox.y0, w.bbox.y0) > 0.5 * h,
    );
    if (!figure) continue;
    const width = ((w.bbox.x1 - w.bbox.x0) * m[1]!.length) / w.text.length;
    glued.set(w, {
      ...w,
      text: m[1]!,
      bbox: { ...w.bbox, x1: Math.round(w.bbox.x0 + width) },
      confidence: Math.min(w.confidence, GARBLED_SIGN),
    });
    glued.set(figure, { ...figure, confidence: Math.min(figure.confidence, GARBLED_SIGN) });
  }
  return words.map((w) => glued.get(w) ?? w);
}
