/**
 * The glyphs of one scanned token, cut from the page's pixels, and how alike two of them look. A
 * token printed in one font and size draws the same character the same way every time, so a glyph can
 * be checked against another printed in the same token: the same digit matches it pixel for pixel
 * (up to the scan's noise), a letter drawn alike does not (`O` is rounder than `0`, `S` curves where
 * `5` has a flat top and a stem, `I` is a bar where `1` has a flag).
 */
import type { Gray } from './lost.marks.ts';

/** A glyph's ink box in pixels of its crop (x1, y1 exclusive). */
export interface GlyphBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Gray level that splits ink from paper in a crop (Otsu's threshold), or null on a blank crop. */
export function inkLevel(g: Gray): number | null {
  const hist = new Array<number>(256).fill(0);
  for (const p of g.pixels) hist[p]!++;
  const total = g.pixels.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = -1;
  let level = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      level = t;
    }
  }
  // Ink and paper must both be there and differ clearly: a blank or flat crop has no glyphs.
  let lo = 255;
  let hi = 0;
  for (const p of g.pixels) {
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  return hi - lo < 80 ? null : level;
}

/**
 * The glyphs of a crop holding one line of one token, left to right: runs of columns with ink, each
 * with the rows its ink spans. Specks (a few dark pixels of noise) are no glyph.
 */
export function glyphRuns(g: Gray): GlyphBox[] {
  const level = inkLevel(g);
  if (level === null) return [];
  const { width, height, pixels } = g;
  const ink = (x: number, y: number) => pixels[y * width + x]! <= level;
  const runs: { x0: number; x1: number; ink: number }[] = [];
  let open: { x0: number; x1: number; ink: number } | null = null;
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < height; y++) if (ink(x, y)) n++;
    if (n > 0) {
      open ??= { x0: x, x1: x, ink: 0 };
      open.x1 = x + 1;
      open.ink += n;
    } else if (open) {
      runs.push(open);
      open = null;
    }
  }
  if (open) runs.push(open);
  const inks = runs.map((r) => r.ink).sort((a, b) => a - b);
  const speck = Math.max(3, 0.05 * (inks[inks.length >> 1] ?? 0));
  return runs
    .filter((r) => r.ink > speck)
    .map((r) => {
      let y0 = height;
      let y1 = 0;
      for (let y = 0; y < height; y++)
        for (let x = r.x0; x < r.x1; x++)
          if (ink(x, y)) {
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y + 1);
            break;
          }
      return { x0: r.x0, x1: r.x1, y0, y1 };
    });
}

/**
 * How alike two glyphs look, -1..1: the correlation of their darkness over a window the size of the
 * larger, their ink boxes centred on each other, at the best of a pixel's shift either way. The window
 * keeps their sizes in the measure: a round `O` centred on a narrow `0` leaves ink where the other has none.
 */
export function likeness(a: Gray, ga: GlyphBox, b: Gray, gb: GlyphBox): number {
  const w = Math.max(ga.x1 - ga.x0, gb.x1 - gb.x0) + 2;
  const h = Math.max(ga.y1 - ga.y0, gb.y1 - gb.y0) + 2;
  const dark = (g: Gray, x: number, y: number) =>
    x < 0 || y < 0 || x >= g.width || y >= g.height ? 0 : 255 - g.pixels[y * g.width + x]!;
  const sample = (g: Gray, box: GlyphBox, dx: number, dy: number) => {
    const left = Math.round((box.x0 + box.x1 - w) / 2) + dx;
    const top = Math.round((box.y0 + box.y1 - h) / 2) + dy;
    const out = new Float64Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = dark(g, left + x, top + y);
    return out;
  };
  const va = sample(a, ga, 0, 0);
  let best = -1;
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) best = Math.max(best, correlation(va, sample(b, gb, dx, dy)));
  return best;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : -1;
}
