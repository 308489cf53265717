import { afterAll, describe, expect, it } from 'vitest';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, type Placed, rows } from './support/pdf.builder.ts';

const extractor = createExtractor({ maxFileBytes: 5 * 1024 * 1024, maxPages: 5, timeoutMs: 60_000, ocrWorkers: 1 });
afterAll(() => extractor.close());
const run = async (page: Placed[]) =>
  (await extractor.extract({ bytes: await buildTextPdf([page]), fileName: 'call.pdf' })).reports[0]!;

const figures = rows(
  130,
  16,
  [50, 300],
  [
    ['Net Liquidation Value', '9,000.00'],
    ['Maintenance Requirement', '10,000.00'],
    ['Excess Liquidity', '(1,000.00)'],
    ['Margin Call', '1,000.00'],
  ],
);

describe('call due date', () => {
  it('reads the date a call must be met by, as printed, with its evidence', async () => {
    const r = await run([
      ['Account: U 1234567', 50, 50],
      ['Statement Date: 11/27/2026', 50, 66],
      ['The house call must be met by 12/01/2026 and the Fed call by 12/03/2026.', 50, 100],
      ...figures,
    ]);
    expect(r.fields.margin_call).toBe(1000);
    expect(r.call_due_date).toBe('2026-12-01');
    expect(r.evidence?.call_due_date).toMatchObject({ text: '12/01/2026', page: 1 });
  });

  it('prints no due date where the document gives none, or where there is no call', async () => {
    const none = await run([['Account: U 1234567', 50, 50], ['Statement Date: 11/27/2026', 50, 66], ...figures]);
    expect(none.call_due_date).toBeUndefined();
  });
});
