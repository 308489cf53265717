import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Row context: a table of positions (rows keyed by an instrument, under a line of column titles) holds
 * each position's figures and attributes; the account's figures are the ones it prints for itself.
 */
const run = statementRunner();
const kv = (top: number, pairs: [string, string][]): Placed[] => rows(top, 16, [60, 330], pairs);
const positions = (top: number): Placed[] =>
  rows(
    top,
    16,
    [40, 140, 190, 250, 330, 420, 500],
    [
      ['Instrument', 'Side', 'Qty', 'Price', 'Notional', 'Maint. Margin', 'P&L'],
      ['ALPHA Perp', 'Long', '2.500', '91,240.50', '228,101.25', '22,810.13', '-1,029.00'],
      ['BETA Perp', 'Short', '40.000', '3,305.20', '132,208.00', '9,254.56', '3,728.00'],
      ['GAMMA Perp', 'Long', '120.00', '232.93', '27,952.00', '2,795.20', '-1,073.12'],
    ],
  );

describe('tables of positions', () => {
  it("reads the account's maintenance margin, not the first position's, and no side word as a label", async () => {
    const [r] = await run([
      [
        ['Derivatives Account Statement', 60, 40, 14],
        ['Account: 66120458', 60, 70],
        ['Statement Date: 2026-11-30', 330, 70],
        ...kv(110, [
          ['Total Equity', '171,416.43'],
          ['Initial Margin', '100,500.00'],
          ['Maintenance Margin', '38,520.00'],
          ['Excess Liquidity', '132,896.43'],
        ]),
        ...positions(200),
      ],
    ]);
    expect(r!.fields.maintenance_requirement).toBe(38_520);
    expect(r!.fields.long_market_value).toBeUndefined();
    expect(r!.fields.short_market_value).toBeUndefined();
  });

  it("reads a position's figure, below review, where the account prints none of its own", async () => {
    const [r] = await run([
      [
        ['Derivatives Account Statement', 60, 40, 14],
        ['Account: 66120458', 60, 70],
        ['Statement Date: 2026-11-30', 330, 70],
        ...kv(110, [['Total Equity', '171,416.43']]),
        ...positions(150),
      ],
    ]);
    const m = r!.fields.maintenance_requirement;
    if (m !== undefined) expect(r!.confidence.fields.maintenance_requirement).toBeLessThan(0.8);
  });
});

describe('an unlabelled report date', () => {
  const statement = (header: Placed[]): Placed[][] => [
    [
      ...header,
      ['Account: 5081774', 40, 70],
      ['Currency: EUR', 300, 70],
      ...kv(110, [
        ['Balance:', '48,215.60'],
        ['Equity:', '41,285.35'],
        ['Margin:', '38,400.00'],
        ['Free Margin:', '2,885.35'],
      ]),
    ],
  ];

  it("takes a statement's own date and time over a browser's print header, below review", async () => {
    const [r] = await run(
      statement([
        ['12/7/26, 6:11 AM', 24, 20, 8],
        ['Daily Confirmation - Client Area', 250, 20, 8],
        ['Aegean Markets Ltd', 40, 40],
        ['2026.12.04 23:59', 480, 40],
      ]),
    );
    expect(r!.report_date).toBe('2026-12-04');
    expect(r!.confidence.fields.report_date).toBeLessThan(0.8);
  });

  it('never takes a trade row’s date and time for the report date', async () => {
    const [r] = await run(
      statement([
        ['Aegean Markets Ltd', 40, 40],
        ['88120931', 40, 55],
        ['2026.12.02 09:14', 120, 55],
        ['buy', 220, 55],
        ['2.00', 260, 55],
        ['2026.12.04 16:02', 320, 55],
        ['-670.00', 440, 55],
      ]),
    );
    expect(r!.report_date).not.toBe('2026-12-04');
  });
});
