import { describe, expect, it } from 'vitest';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

describe('a call printed as no call', () => {
  for (const word of ['None', 'Nil', '.00', 'keine', 'néant', 'N/A']) {
    it(`reads "${word}" beside the call label as a margin call of 0`, async () => {
      const reports = await run([
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
      const r = reports[0]!;
      expect(r.fields.margin_call).toBe(0);
    });
  }
});

describe('a print time stamp', () => {
  it('is never taken as the report date', async () => {
    const reports = await run([
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
    const r = reports[0]!;
    expect(r.report_date).toBe('2026-11-27');
  });
});
