export type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Splits the inked box into bands cut in blank rows: the units the OCR pool schedules. The cut is a
 * function of the page alone, never of how many OCR threads exist, so a page reads the same on a
 * machine with one thread as on one with eight (tesseract can read a band edge differently: a cut that
 * followed the thread count made one scan read differently per machine, and with it what layout memory
 * learned). Bands about 2.5 inches tall, and never under an inch: tesseract reads a page measurably
 * faster in such bands than whole (its layout analysis grows faster than the page). The count is even
 * where the page is tall enough, so two threads share a lone page evenly (three bands on two threads
 * leave one idle for a third of the page); a larger pool takes bands of several pages at once.
 * Recognition time follows the strokes, not the height, so the cuts fall at equal shares of them.
 */
export function bands(gray: Uint8Array, w: number, box: Box, dpi: number): Box[] {
  const inches = (box.y1 - box.y0) / dpi;
  const wanted = Math.max(1, Math.round(inches / 2.5));
  const n = Math.max(1, Math.min(Math.ceil(wanted / 2) * 2, Math.floor(inches), 12));
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
    if (best > 0) {
      // The middle of the run of rows as empty as that one: the band edges keep clear of the lines on either
      // side (a cut a pixel above a line of text makes tesseract drop the first glyph of its words).
      let a = best;
      let b = best;
      const low = cuts[cuts.length - 1]! + minGap;
      const high = box.y1 - minGap;
      while (a - 1 > low && rowInk[a - 1 - box.y0]! <= bestInk) a--;
      while (b + 1 < high && rowInk[b + 1 - box.y0]! <= bestInk) b++;
      cuts.push(Math.round((a + b) / 2));
    }
  }
  cuts.push(box.y1);
  return cuts.slice(1).map((y1, i) => ({ x0: box.x0, x1: box.x1, y0: cuts[i]!, y1 }));
}
