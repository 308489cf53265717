import { describe, expect, it } from 'vitest';
import { statedScale } from '../../src/extraction/fields/unit.scale.ts';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

describe('a unit stated for the figures', () => {
  it.each([
    ["Amounts shown in EUR '000 except where noted", 1e3],
    ['Valuation summary (000s)', 1e3],
    ['Positions (USD 000)', 1e3],
    ['all values in thousands', 1e3],
    ['Exposure, in millions of dollars', 1e6],
    ['Risk summary €m', 1e6],
    ['Collateral (CHF m)', 1e6],
  ])('reads %s as a factor of %d', (text, factor) => {
    expect(statedScale(text)).toBe(factor);
  });

  it.each([
    'Margin requirement 1,000',
    'Account USD 000123',
    'Serving thousands of clients since 1990',
    'Minimum deposit $2,000 m',
    'Net Liquidation Value',
    'HARBOUR CITY BANK',
    'Fund Services Desk',
  ])('finds no unit in %s', (text) => {
    expect(statedScale(text)).toBeNull();
  });
});

const run = statementRunner();

describe('figures under a stated unit', () => {
  it('reads them in the currency itself', async () => {
    const reports = await run([
      [
        ['Account: Q-20418', 50, 50],
        ['Valuation date: 30/11/2026', 50, 66],
        ["Figures below in CHF '000", 50, 90],
        ...rows(
          120,
          16,
          [50, 300],
          [
            ['Net Liquidation Value', '2,750.5'],
            ['Maintenance Requirement', '1,100.0'],
            ['Excess Liquidity', '1,650.5'],
          ],
        ),
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.total_equity).toBe(2_750_500);
    expect(r.fields.maintenance_requirement).toBe(1_100_000);
  });
});
