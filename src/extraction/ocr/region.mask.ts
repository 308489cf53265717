import type { Box } from '../pdf/page.regions.ts';

/**
 * Keeps only the parts of a rendered page that the text layer cannot read: pixels outside `keep`
 * and inside `erase` (boxes of trustworthy text-layer words) turn to paper. Boxes are in page
 * points; `scale` is pixels per point. OCR then reads the pictured figures and nothing twice.
 */
export function maskRegions(
  gray: Uint8Array,
  w: number,
  h: number,
  scale: number,
  keep: Box[],
  erase: Box[],
): Uint8Array {
  const out = new Uint8Array(w * h).fill(255);
  const px = (b: Box, pad: number) => ({
    x0: Math.max(0, Math.floor((b.x0 - pad) * scale)),
    y0: Math.max(0, Math.floor((b.y0 - pad) * scale)),
    x1: Math.min(w, Math.ceil((b.x1 + pad) * scale)),
    y1: Math.min(h, Math.ceil((b.y1 + pad) * scale)),
  });
  for (const b of keep.map((k) => px(k, 2))) {
    for (let y = b.y0; y < b.y1; y++) out.set(gray.subarray(y * w + b.x0, y * w + b.x1), y * w + b.x0);
  }
  for (const b of erase.map((e) => px(e, 1))) {
    for (let y = b.y0; y < b.y1; y++) out.fill(255, y * w + b.x0, y * w + b.x1);
  }
  return out;
}
