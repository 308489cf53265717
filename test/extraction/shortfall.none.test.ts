import { afterAll, describe, expect, it } from 'vitest';
import { matchLabel, namesDeficit, noneIsNoCall } from '../../src/extraction/labels/label.matcher.ts';
import { saysNoCall } from '../../src/extraction/structure/prose.cells.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, rows } from './support/pdf.builder.ts';

const extractor = createExtractor({ maxFileBytes: 5 * 1024 * 1024, maxPages: 5, timeoutMs: 60_000, ocrWorkers: 1 });
afterAll(() => extractor.close());

describe('a shortfall label is the deficit side of the excess', () => {
  it.each(['Maintenance shortfall', 'Margin deficiency', 'House deficit', 'Unterdeckung'])(
    '%s names a deficit, where a word for nothing is no call',
    (label) => {
      const m = matchLabel(label)!;
      expect(namesDeficit(m)).toBe(true);
      expect(noneIsNoCall(m)).toBe(true);
    },
  );
  it.each(['Excess equity', 'Total equity', 'Maintenance requirement', 'Debit balance'])(
    '%s is no deficit: a word for nothing beside it is not a call',
    (label) => {
      expect(noneIsNoCall(matchLabel(label)!)).toBe(false);
    },
  );
  it('a call label keeps reading its word for nothing as a call', () => {
    expect(noneIsNoCall(matchLabel('House call')!)).toBe(true);
  });
  it('a sentence saying the account has no shortfall says there is no call', () => {
    expect(saysNoCall('Your account shows no margin deficiency at the close.')).toBe(true);
    expect(saysNoCall('A margin deficiency must be met by the next business day.')).toBe(false);
  });
});

describe('a statement whose only call line is a shortfall printed as nothing', () => {
  for (const word of ['NIL', 'None', 'keine']) {
    it(`reads "${word}" beside the shortfall as a call of 0 and leaves the excess to its own line`, async () => {
      const bytes = await buildTextPdf([
        [
          ['Client account: QX 44120', 50, 50],
          ['Valuation date: 11/20/2026', 50, 66],
          ...rows(
            110,
            16,
            [50, 320],
            [
              ['Net Liquidation Value', '640,000.00'],
              ['Maintenance Requirement', '410,000.00'],
              ['Excess Liquidity', '230,000.00'],
              ['Maintenance shortfall', word],
            ],
          ),
        ],
      ]);
      const r = (await extractor.extract({ bytes, fileName: 'shortfall-nil.pdf' })).reports[0]!;
      expect(r.fields.margin_call).toBe(0);
      expect(r.fields.excess_liquidity).toBe(230_000);
    });
  }
});
