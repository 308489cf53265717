import { describe, expect, it } from 'vitest';
import { splitGluedWords } from '../../src/extraction/ocr/word.split.ts';

type Rect = [number, number, number, number];
/** A `w`×`h` page of `paper` with rectangles of `ink`. */
function page(w: number, h: number, rects: Rect[], ink = 40, paper = 250): Uint8Array {
  const g = new Uint8Array(w * h).fill(paper);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * w + x] = ink;
  return g;
}

describe('words glued across a blank', () => {
  const w = 200;
  const h = 40;
  // Glyphs 10 px wide, 20 tall: `1` at 20, then after a 10 px blank `6`, `8`, `0` 2 px apart.
  const xs = [20, 40, 52, 64];
  const gray = page(
    w,
    h,
    xs.map((x) => [x, 10, x + 10, 30] as Rect),
  );
  const glyphs = (text: string) =>
    [...text].map((c, i) => ({ text: c, confidence: 90, bbox: { x0: xs[i]!, y0: 10, x1: xs[i]! + 10, y1: 30 } }));
  const word = (text: string) => ({
    text,
    confidence: 88,
    bbox: { x0: 20, y0: 10, x1: 74, y1: 30 },
    symbols: glyphs(text),
  });

  it('cuts a figure group glued to the next one at the blank (`1 680` read `1680`)', () => {
    const out = splitGluedWords([word('1680')], { pixels: gray, width: w, height: h });
    expect(out.map((o) => o.text)).toEqual(['1', '680']);
    expect(out.map((o) => [o.bbox.x0, o.bbox.x1])).toEqual([
      [20, 30],
      [40, 74],
    ]);
    expect(out.every((o) => o.confidence === 88)).toBe(true);
    // A label glued to its figure.
    expect(splitGluedWords([word('e500')], { pixels: gray, width: w, height: h }).map((o) => o.text)).toEqual([
      'e',
      '500',
    ]);
  });

  it('leaves words of letters, a currency sign, digits of an id, ink in the gap and words without glyph boxes alone', () => {
    const img = { pixels: gray, width: w, height: h };
    expect(splitGluedWords([word('Tote')], img).map((o) => o.text)).toEqual(['Tote']);
    expect(splitGluedWords([word('$680')], img).map((o) => o.text)).toEqual(['$680']);
    // An account's or a date's digits: no whole piece on either side of the blank.
    expect(splitGluedWords([word('16-8')], img).map((o) => o.text)).toEqual(['16-8']);
    const inked = page(w, h, [...xs.map((x) => [x, 10, x + 10, 30] as Rect), [30, 18, 40, 20]]);
    expect(splitGluedWords([word('1680')], { pixels: inked, width: w, height: h }).map((o) => o.text)).toEqual([
      '1680',
    ]);
    const { symbols: _s, ...bare } = word('1680');
    expect(splitGluedWords([bare], img).map((o) => o.text)).toEqual(['1680']);
  });
});
