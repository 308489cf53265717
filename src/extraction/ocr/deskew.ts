import type { PageWord } from '../pdf/page.types.ts';

export interface Baseline {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Skew of a scanned page from the baselines OCR found: the median slope of the wide ones
 * (narrow baselines are too noisy). 0 when there is nothing to measure.
 */
export function estimateSkew(baselines: Baseline[], minWidth: number): number {
  const slopes = baselines
    .filter((b) => b.x1 - b.x0 >= minWidth)
    .map((b) => (b.y1 - b.y0) / (b.x1 - b.x0))
    .filter((s) => Math.abs(s) < 0.1)
    .sort((a, b) => a - b);
  if (slopes.length < 3) return 0;
  return slopes[slopes.length >> 1]!;
}

/**
 * OCR sometimes returns a word box that runs on over the next words (`Pinecrest` spanning
 * `Pinecrest Wealth Partners`): clip boxes far wider than their text to the typical character width.
 */
export function clipWideWords(words: PageWord[]): PageWord[] {
  const widths = words
    .filter((w) => w.text.length >= 3)
    .map((w) => (w.x1 - w.x0) / w.text.length)
    .sort((a, b) => a - b);
  if (widths.length < 5) return words;
  const charW = widths[widths.length >> 1]!;
  return words.map((w) => {
    const expected = w.text.length * charW;
    return w.x1 - w.x0 > expected * 2 + charW * 2 ? { ...w, x1: w.x0 + expected * 1.15 } : w;
  });
}

/** Rotates word boxes about the page centre so a tilted scan's rows are level again. */
export function levelWords(words: PageWord[], slope: number, cx: number, cy: number): PageWord[] {
  if (Math.abs(slope) < 0.002) return words;
  const th = Math.atan(slope);
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  return words.map((w) => {
    const mx = (w.x0 + w.x1) / 2;
    const my = (w.y0 + w.y1) / 2;
    const nx = cx + (mx - cx) * cos + (my - cy) * sin;
    const ny = cy - (mx - cx) * sin + (my - cy) * cos;
    const hw = (w.x1 - w.x0) / 2;
    const hh = (w.y1 - w.y0) / 2;
    return { ...w, x0: nx - hw, x1: nx + hw, y0: ny - hh, y1: ny + hh };
  });
}
