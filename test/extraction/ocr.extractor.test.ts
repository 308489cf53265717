import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extraction/extractor.ts';
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
