import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { bands } from '../../src/extraction/ocr/page.bands.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, type Placed, rows } from './support/pdf.builder.ts';
import { scanPdf } from './support/scan.builder.ts';

const extractor = createExtractor({ maxFileBytes: 1e7, maxPages: 5, timeoutMs: 120_000, ocrWorkers: 2 });
afterAll(() => extractor.close());

const statement = (account: string, equity: string, maint: string, excess: string): Placed[] => [
  ['Harbor Point Securities - Margin Summary', 50, 50, 12],
  [`Account Number: ${account}`, 50, 80, 11],
  ['Statement Date: 11/27/2026', 330, 80, 11],
  ...rows(
    120,
    20,
    [50, 330],
    [
      ['Net Liquidation Value', equity],
      ['Maintenance Requirement', maint],
      ['Maintenance Excess', excess],
      ['Margin Call', 'None'],
    ],
  ).map(([t, x, y]) => [t, x, y, 11] as Placed),
];

describe('createExtractor on scanned PDFs', { timeout: 240_000 }, () => {
  it('reads a tilted, noisy scan with OCR and reports it as ocr', async () => {
    const text = await buildTextPdf([statement('U 7654321', '$482,913.55', '$120,440.10', '$362,473.45')]);
    const scanned = await scanPdf(text, { rotateDeg: 1.2, noise: 6, quality: 60 });
    expect(extractor.ocrReady()).toBe(false);
    const out = await extractor.extract({ bytes: scanned, fileName: 'scan.pdf' });
    expect(out.method).toBe('ocr');
    expect(extractor.ocrReady()).toBe(true);
    const r = out.reports[0]!;
    expect(r.account_number).toBe('U7654321');
    expect(r.report_date).toBe('2026-11-27');
    expect(r.fields).toMatchObject({
      total_equity: 482913.55,
      maintenance_requirement: 120440.1,
      excess_liquidity: 362473.45,
      margin_call: 0,
    });
  });

  it('reads text pages from the text layer and scanned pages by OCR in one document', async () => {
    const text = await buildTextPdf([
      statement('U 1111111', '$100,000.00', '$40,000.00', '$60,000.00'),
      statement('U 2222222', '$250,000.00', '$50,000.00', '$200,000.00'),
    ]);
    const mixed = await scanPdf(text, { pages: [1], rotateDeg: -0.6 });
    const out = await extractor.extract({ bytes: mixed, fileName: 'mixed.pdf' });
    expect(out.method).toBe('mixed');
    expect(out.pages).toBe(2);
    const byAccount = Object.fromEntries(out.reports.map((r) => [r.account_number, r.fields.total_equity]));
    expect(byAccount).toEqual({ U1111111: 100000, U2222222: 250000 });
  });

  it('refuses a blank scan as holding no margin data instead of reading noise', async () => {
    const blank = await scanPdf(await buildTextPdf([[['.', 600, 780, 1]]]), { noise: 8 });
    await expect(extractor.extract({ bytes: blank, fileName: 'blank.pdf' })).rejects.toMatchObject({
      code: 'extraction.no_margin_data',
    });
  });
});

describe('OCR threads', { timeout: 240_000 }, () => {
  /** Nice value of every thread of this process, by thread name (Linux: /proc/self/task/<tid>/stat). */
  const threadNice = () =>
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(fields[16]) };
    });

  it.runIf(process.platform === 'linux')(
    'run below the main thread, which keeps its priority and its libuv pool',
    async () => {
      const text = await buildTextPdf([statement('U 3333333', '$10,000.00', '$4,000.00', '$6,000.00')]);
      await extractor.extract({ bytes: await scanPdf(text, {}), fileName: 'scan.pdf' });
      const threads = threadNice();
      const workers = threads.filter((t) => t.name === 'WorkerThread');
      // The pdf.js reader and both tesseract threads (vitest's forks pool runs no threads of its own).
      expect(workers.length).toBeGreaterThanOrEqual(3);
      expect(workers.every((t) => t.nice === 10)).toBe(true);
      expect(threads.find((t) => t.name === 'MainThread' || t.name === 'node')?.nice).toBe(0);
      expect(threads.filter((t) => t.name === 'libuv-worker').every((t) => t.nice === 0)).toBe(true);
    },
  );
});

describe('bands', () => {
  const DPI = 100;
  /** A white page `w`×`h` with text-like rows (alternating strokes) at the given pixel rows. */
  const page = (w: number, h: number, inkRows: [number, number, number][]) => {
    const gray = new Uint8Array(w * h).fill(255);
    for (const [y0, y1, strokes] of inkRows)
      for (let y = y0; y < y1; y++)
        for (let s = 0; s < strokes; s++) for (let x = 10 + s * 6; x < 13 + s * 6 && x < w; x++) gray[y * w + x] = 0;
    return gray;
  };
  const lines = (from: number, to: number, strokes: number) => {
    const out: [number, number, number][] = [];
    for (let y = from; y + 12 <= to; y += 20) out.push([y, y + 12, strokes]);
    return out;
  };

  it('cuts only in blank rows, into an even count, covering the whole box', () => {
    const w = 400;
    const h = 1000; // ten inches at 100 dpi
    const gray = page(w, h, lines(0, 1000, 40));
    const box = { x0: 0, y0: 0, x1: w, y1: h };
    const out = bands(gray, w, box, DPI);
    expect(out.length % 2).toBe(0);
    expect(out[0]!.y0).toBe(0);
    expect(out.at(-1)!.y1).toBe(h);
    for (let i = 1; i < out.length; i++) {
      expect(out[i]!.y0).toBe(out[i - 1]!.y1);
      const cut = out[i]!.y0;
      expect(gray.subarray(cut * w, (cut + 1) * w).every((v) => v === 255)).toBe(true);
    }
  });

  it('cuts in the middle of the blank rows between two lines, clear of both', () => {
    const w = 400;
    const h = 1000;
    // Lines 12 rows tall with 8 blank rows between: every cut sits 3 or 4 rows from the ink on each side.
    const gray = page(w, h, lines(0, 1000, 40));
    const out = bands(gray, w, { x0: 0, y0: 0, x1: w, y1: h }, DPI);
    expect(out.length).toBeGreaterThan(1);
    for (const b of out.slice(1)) expect([15, 16]).toContain(b.y0 % 20);
  });

  it('balances the strokes, not the height: dense text gets more, shorter bands', () => {
    const w = 400;
    const h = 1000;
    // The top fifth is dense, the rest sparse.
    const gray = page(w, h, [...lines(0, 200, 60), ...lines(200, 1000, 6)]);
    const out = bands(gray, w, { x0: 0, y0: 0, x1: w, y1: h }, DPI);
    expect(out.length).toBe(4);
    expect(out[0]!.y1 - out[0]!.y0).toBeLessThan(200);
    expect(out.at(-1)!.y1 - out.at(-1)!.y0).toBeGreaterThan(300);
  });

  it('leaves a page under two inches whole: bands are never under an inch', () => {
    const w = 400;
    const gray = page(w, 150, lines(0, 150, 20));
    expect(bands(gray, w, { x0: 0, y0: 0, x1: w, y1: 150 }, DPI)).toHaveLength(1);
  });

  it('does not cut through text when no row near the target is blank', () => {
    const w = 400;
    const h = 1000;
    const gray = page(w, h, [[0, h, 40]]); // one solid block of strokes, no gaps
    expect(bands(gray, w, { x0: 0, y0: 0, x1: w, y1: h }, DPI)).toHaveLength(1);
  });
});
