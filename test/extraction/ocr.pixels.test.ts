import { describe, expect, it } from 'vitest';
import { prepareScan } from '../../src/extraction/ocr/image.prep.ts';
import { restoreTrailingMinus } from '../../src/extraction/ocr/lost.marks.ts';
import { acceptReread, findRereads } from '../../src/extraction/ocr/reread.ts';

/** A white page of `w`×`h` with dark rectangles. */
function page(w: number, h: number, rects: [number, number, number, number][], ink = 40): Uint8Array {
  const g = new Uint8Array(w * h).fill(250);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) if (x >= 0 && y >= 0 && x < w && y < h) g[y * w + x] = ink;
  return g;
}

describe('trailing minus tesseract left out', () => {
  // A "figure" 20 px tall ending in a digit at x 100..110; then whatever follows.
  const digits: [number, number, number, number][] = [
    [40, 10, 50, 30],
    [55, 10, 65, 30],
    [100, 10, 110, 30],
  ];
  const word = { text: '5,433.22', confidence: 93, bbox: { x0: 40, y0: 10, x1: 111, y1: 30 } };
  const w = 160;
  const h = 40;

  it('puts back a short dash at minus height right after the last digit, below review confidence', () => {
    const gray = page(w, h, [...digits, [114, 19, 121, 22]]);
    const [out] = restoreTrailingMinus([word], { pixels: gray, width: w, height: h });
    expect(out!.text).toBe('5,433.22-');
    expect(out!.confidence).toBeLessThan(80);
  });

  it('finds the dash inside a word box that already covers it, and reads a dot there as the dash', () => {
    const gray = page(w, h, [...digits, [114, 19, 121, 22]]);
    const covering = { ...word, text: '5,433.22.', bbox: { ...word.bbox, x1: 122 } };
    expect(restoreTrailingMinus([covering], { pixels: gray, width: w, height: h })[0]!.text).toBe('5,433.22-');
  });

  it.each([
    ['nothing after the figure', []],
    ['a period on the baseline', [[113, 27, 116, 30]]],
    ['a full-height glyph (the next word)', [[115, 10, 124, 30]]],
    ['a dash a column away', [[130, 19, 137, 22]]],
    ['a rule under the figure', [[40, 33, 125, 35]]],
  ] as [string, [number, number, number, number][]][])('leaves the figure alone with %s', (_, extra) => {
    const gray = page(w, h, [...digits, ...extra]);
    expect(restoreTrailingMinus([word], { pixels: gray, width: w, height: h })[0]!.text).toBe('5,433.22');
  });

  it('leaves signed figures, words and a dash another word already holds alone', () => {
    const gray = page(w, h, [...digits, [114, 19, 121, 22]]);
    const img = { pixels: gray, width: w, height: h };
    expect(restoreTrailingMinus([{ ...word, text: '(5,433.22)' }], img)[0]!.text).toBe('(5,433.22)');
    expect(restoreTrailingMinus([{ ...word, text: 'TOTAL' }], img)[0]!.text).toBe('TOTAL');
    const dash = { text: '-', confidence: 60, bbox: { x0: 113, y0: 18, x1: 122, y1: 23 } };
    expect(restoreTrailingMinus([word, dash], img)[0]!.text).toBe('5,433.22');
  });
});

describe('ruling before OCR', () => {
  const w = 1000;
  const h = 300;
  const dpi = 200;
  const letters: [number, number, number, number][] = Array.from({ length: 20 }, (_, i) => [
    100 + i * 30,
    50,
    118 + i * 30,
    80,
  ]);

  it('erases solid rules, dashed lines and frames, and keeps letters, periods and a lone minus', () => {
    const dashes: [number, number, number, number][] = Array.from({ length: 40 }, (_, i) => [
      100 + i * 15,
      150,
      108 + i * 15,
      152,
    ]);
    const frame: [number, number, number, number][] = [
      [50, 20, 950, 23],
      [50, 20, 53, 280],
      [947, 20, 950, 280],
    ];
    const gray = page(w, h, [
      ...letters,
      [100, 200, 900, 202], // solid rule
      ...dashes,
      ...frame,
      [700, 76, 704, 80], // a period
      [720, 64, 728, 67], // a minus
    ]);
    const out = prepareScan(gray, w, h, dpi).gray;
    const at = (x: number, y: number) => out[y * w + x]!;
    expect(at(500, 201)).toBe(255);
    expect(at(104, 151)).toBe(255);
    expect(at(400, 151)).toBe(255);
    expect(at(51, 150)).toBe(255);
    expect(at(500, 21)).toBe(255);
    expect(at(110, 60)).toBeLessThan(128);
    expect(at(702, 78)).toBeLessThan(128);
    expect(at(724, 65)).toBeLessThan(128);
  });

  it('keeps a short run of hyphens and a filled bar', () => {
    const hyphens: [number, number, number, number][] = Array.from({ length: 4 }, (_, i) => [
      100 + i * 15,
      150,
      108 + i * 15,
      152,
    ]);
    const gray = page(w, h, [...letters, ...hyphens, [100, 220, 900, 280]]);
    const out = prepareScan(gray, w, h, dpi).gray;
    expect(out[151 * w + 104]).toBeLessThan(128);
    expect(out[250 * w + 500]).toBeLessThan(128);
  });
});

describe('second readings of figures', () => {
  const word = (text: string, x0: number, x1: number, confidence = 40) => ({
    text,
    confidence,
    bbox: { x0, y0: 10, x1, y1: 30 },
  });

  it('reads a figure broken into pieces again as one, and leaves ids, times and clean figures alone', () => {
    const blank = { pixels: new Uint8Array(400 * 40).fill(255), width: 400, height: 40 };
    const jobs = findRereads(
      [word('TOTAL', 0, 50, 90), word('36', 100, 118), word(',B876.61-', 121, 190), word('1,234.00', 250, 320, 20)],
      blank,
    );
    expect(jobs.map((j) => j.replaces.map((w) => w.text))).toEqual([['36', ',B876.61-']]);
    expect(jobs[0]!.box).toEqual({ x0: 100, y0: 10, x1: 190, y1: 30 });
    const ids = findRereads([word('Account', 0, 60, 90), word('8606-61044', 80, 170), word('05:28', 200, 240)], blank);
    expect(ids).toEqual([]);
    // Clean figures in other groupings and dates: a second reading with US digits could only strip them.
    const wide = { pixels: new Uint8Array(700 * 40).fill(255), width: 700, height: 40 };
    const settled = ["1'794'301.73", '1.234.567,89', '12,34,567.89', '30.10.2026', '2026.10.30'];
    expect(
      findRereads([word('Equity', 0, 60, 90), ...settled.map((t, i) => word(t, 100 + 100 * i, 180 + 100 * i))], wide),
    ).toEqual([]);
    expect(findRereads([word('1', 100, 108), word('234', 116, 140), word('567,89', 148, 190)], blank)).toEqual([]);
    expect(findRereads([word('22.226.67', 100, 190)], blank)).toHaveLength(1);
  });

  it('finds ink no word covers on a row of figures, in line with a column of figures', () => {
    const w = 400;
    const pixels = new Uint8Array(w * 80).fill(255);
    for (let y = 14; y < 28; y++) for (let x = 200; x < 224; x++) if (x % 8 < 5) pixels[y * w + x] = 30;
    const below = (text: string, x0: number, x1: number) => ({
      ...word(text, x0, x1, 90),
      bbox: { x0, y0: 50, x1, y1: 70 },
    });
    const row = [word('Cash', 0, 40, 90), word('1,234.00', 60, 130, 90)];
    const jobs = findRereads([...row, below('Equity', 0, 50), below('12.50', 60, 100), below('5,678.90', 160, 224)], {
      pixels,
      width: w,
      height: 80,
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.replaces).toEqual([]);
    expect(jobs[0]!.box.x0).toBeGreaterThanOrEqual(198);
    expect(jobs[0]!.box.x1).toBeLessThanOrEqual(226);
    // The same ink out of line with every other figure (a code the first pass dropped), or narrower than a
    // line is tall (one glyph, a speck): no second reading.
    expect(
      findRereads([...row, below('Equity', 0, 50), below('5,678.90', 260, 330)], { pixels, width: w, height: 80 }),
    ).toEqual([]);
    const speck = new Uint8Array(w * 80).fill(255);
    for (let y = 14; y < 28; y++) for (let x = 210; x < 224; x++) speck[y * w + x] = 30;
    expect(findRereads([...row, below('5,678.90', 160, 224)], { pixels: speck, width: w, height: 80 })).toEqual([]);
  });

  it('takes a second reading only when its digits agree but for one slip', () => {
    const job = { replaces: [word('36', 100, 118), word(',B876.61-', 121, 190)], box: { x0: 0, y0: 0, x1: 1, y1: 1 } };
    expect(acceptReread(job, '36,876.61-')).toBe('36,876.61-');
    expect(acceptReread(job, '36,876.61')).toBe('36,876.61-'); // the minus the first reading had stays
    expect(acceptReread(job, '12,345.67')).toBeNull();
    expect(acceptReread(job, '36,87a.61')).toBeNull();
    const ink = { replaces: [], box: job.box };
    expect(acceptReread(ink, '.00')).toBe('.00');
    expect(acceptReread(ink, '00')).toBeNull();
  });
});
