export type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Splits the inked box into bands cut in blank rows, so `parallel` OCR threads share one page evenly.
 * Recognition time follows the strokes, not the height, so the cuts fall at equal shares of them; the
 * count is a multiple of `parallel` (three bands on two threads leave one idle for a third of the
 * page). Bands about 2.5 inches tall: tesseract reads a page measurably faster in such bands than
 * whole (its layout analysis grows faster than the page), and never under an inch.
 */
export function bands(gray: Uint8Array, w: number, box: Box, dpi: number, parallel: number): Box[] {
  const inches = (box.y1 - box.y0) / dpi;
  const wanted = Math.max(1, Math.round(inches / 2.5));
  const n = Math.max(1, Math.min(Math.ceil(wanted / parallel) * parallel, Math.floor(inches), 12));
  if (n === 1) return [box];
  const rowInk = new Float64Array(box.y1 - box.y0);
  let total = 0;
  for (let y = box.y0; y < box.y1; y++) {
    // Strokes, not dark pixels: a filled header bar is a lot of ink and very little to read.
    let ink = 0;
    let inStroke = false;
    for (let x = box.x0, i = y * w + box.x0; x < box.x1; x++, i++) {
      const dark = gray[i]! < 200;
      if (dark && !inStroke) ink++;
      inStroke = dark;
    }
    rowInk[y - box.y0] = ink;
    total += ink;
  }
  const cuts = [box.y0];
  const reach = Math.round(dpi / 2);
  const minGap = Math.round(dpi / 2);
  let acc = 0;
  let row = box.y0;
  for (let i = 1; i < n; i++) {
    while (row < box.y1 && acc < (total * i) / n) acc += rowInk[row++ - box.y0]!;
    // The emptiest row near this share of the ink (table rules may cross it; text must not).
    let best = -1;
    let bestInk = Math.max(2, ((box.x1 - box.x0) / dpi) * 1.5);
    for (let d = 0; d <= reach && bestInk > 0; d++) {
      for (const y of [row - d, row + d]) {
        if (y <= cuts[cuts.length - 1]! + minGap || y >= box.y1 - minGap) continue;
        const ink = rowInk[y - box.y0]!;
        if (ink < bestInk || (best < 0 && ink <= bestInk)) {
          best = y;
          bestInk = ink;
        }
      }
    }
    if (best > 0) cuts.push(best);
  }
  cuts.push(box.y1);
  return cuts.slice(1).map((y1, i) => ({ x0: box.x0, x1: box.x1, y0: cuts[i]!, y1 }));
}
