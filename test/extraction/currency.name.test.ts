import { afterAll, describe, expect, it } from 'vitest';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, rows } from './support/pdf.builder.ts';

const extractor = createExtractor({ maxFileBytes: 5 * 1024 * 1024, maxPages: 5, timeoutMs: 60_000, ocrWorkers: 1 });
afterAll(() => extractor.close());

describe('a currency label whose value is the currency written in words', () => {
  for (const [words, code] of [
    ['POUNDS STERLING', 'GBP'],
    ['Swiss Francs', 'CHF'],
    ['US DOLLARS', 'USD'],
  ] as const) {
    it(`reads "${words}" as ${code}, a stated currency rather than a guess`, async () => {
      const bytes = await buildTextPdf([
        [
          ['Account: 55-10293', 50, 50],
          ['Currency:', 300, 50],
          [words, 380, 50],
          ['Statement Date: 11/27/2026', 50, 66],
          ...rows(
            110,
            16,
            [50, 300],
            [
              ['Net Liquidation Value', '80,000.00'],
              ['Maintenance Requirement', '30,000.00'],
              ['Excess Liquidity', '50,000.00'],
            ],
          ),
        ],
      ]);
      const r = (await extractor.extract({ bytes, fileName: 'currency-words.pdf' })).reports[0]!;
      expect(r.currency).toBe(code);
      expect(r.confidence.fields.currency ?? 0).toBeGreaterThanOrEqual(0.8);
      expect(r.evidence?.currency?.text).toBe(words);
    });
  }
});
