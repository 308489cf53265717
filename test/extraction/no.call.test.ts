import { afterAll, describe, expect, it } from 'vitest';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, rows } from './support/pdf.builder.ts';

const extractor = createExtractor({ maxFileBytes: 5 * 1024 * 1024, maxPages: 5, timeoutMs: 60_000, ocrWorkers: 1 });
afterAll(() => extractor.close());

describe('a call printed as no call', () => {
  for (const word of ['None', 'Nil', '.00', 'keine', 'néant', 'N/A']) {
    it(`reads "${word}" beside the call label as a margin call of 0`, async () => {
      const bytes = await buildTextPdf([
        [
          ['Account: U 7654321', 50, 50],
          ['Statement Date: 11/27/2026', 50, 66],
          ...rows(
            110,
            16,
            [50, 300],
            [
              ['Net Liquidation Value', '500,000.00'],
              ['Maintenance Requirement', '200,000.00'],
              ['Excess Liquidity', '300,000.00'],
              ['Margin Call', word],
            ],
          ),
        ],
      ]);
      const r = (await extractor.extract({ bytes, fileName: 'no-call.pdf' })).reports[0]!;
      expect(r.fields.margin_call).toBe(0);
    });
  }
});

describe('a print time stamp', () => {
  it('is never taken as the report date', async () => {
    const bytes = await buildTextPdf([
      [
        ['3/4/27, 7:23 PM', 20, 18],
        ['Account: U 7654321', 50, 50],
        ['Margin Summary   11/27/2026', 50, 66],
        ...rows(
          110,
          16,
          [50, 300],
          [
            ['Net Liquidation Value', '500,000.00'],
            ['Maintenance Requirement', '200,000.00'],
            ['Excess Liquidity', '300,000.00'],
          ],
        ),
      ],
    ]);
    const r = (await extractor.extract({ bytes, fileName: 'stamp.pdf' })).reports[0]!;
    expect(r.report_date).toBe('2026-11-27');
  });
});
