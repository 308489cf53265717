import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extraction/parse/date.parser.ts';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/** Generic layout variations: spaced account numbers, values before labels, stacked currencies, prose signs. */
const run = statementRunner();

describe('layout generalisation', () => {
  it('reads dates with hyphens between month, day and year', () => {
    expect(findDates('Positions as of Mar-03-2026 close')[0]?.iso).toBe('2026-03-03');
  });

  it('reads a table with one row per spaced account number and skips the total row', async () => {
    const reports = await run([
      [
        ['NORTHWIND PRIME', 50, 40, 14],
        ['Business Date 12-MAR-2026', 380, 40],
        ...rows(
          100,
          15,
          [50, 200, 300, 400, 500],
          [
            ['Account', 'Net Equity', 'House Req', 'Reg T Req', 'Excess'],
            ['NWP 4410 2231', '1,200,000.00', '300,000.00', '600,000.00', '900,000.00'],
            ['NWP 7781 0045', '500,000.00', '100,000.00', '250,000.00', '400,000.00'],
            ['Total', '1,700,000.00', '400,000.00', '850,000.00', '1,300,000.00'],
          ],
        ),
      ],
    ]);
    expect(reports.map((r) => r.account_number).sort()).toEqual(['NWP44102231', 'NWP77810045']);
    const a = reports.find((r) => r.account_number === 'NWP44102231')!;
    expect(a.fields.total_equity).toBe(1_200_000);
    expect(a.fields.maintenance_requirement).toBe(300_000);
  });

  it('pairs figures printed before their labels on the same line', async () => {
    const [r] = await run([
      [
        ['Harbor Street Brokerage', 50, 40, 14],
        ['Account Q-7712093', 380, 40],
        ['Statement date 04/02/2026', 380, 55],
        ...rows(
          100,
          15,
          [80, 170],
          [
            ['Amount', 'Item'],
            ['88,100.00', 'Net liquidation value'],
            ['21,000.00', 'Maintenance requirement'],
            ['67,100.00', 'Excess liquidity'],
          ],
        ),
      ],
    ]);
    expect(r!.account_number).toBe('Q-7712093');
    expect(r!.fields.total_equity).toBe(88_100);
    expect(r!.fields.maintenance_requirement).toBe(21_000);
    expect(r!.fields.excess_liquidity).toBe(67_100);
  });

  it('takes the converted-to-base section of a multi-currency futures statement', async () => {
    const [r] = await run([
      [
        ['ORCHARD FUTURES', 50, 40, 14],
        ['STATEMENT DATE: 05/06/2026', 330, 40],
        ['ACCOUNT NUMBER: 551 20987', 330, 55],
        ['*** EURO ***', 200, 90],
        ...rows(
          105,
          14,
          [50, 330],
          [
            ['TOTAL EQUITY', '10,000.00'],
            ['INITIAL MARGIN REQUIREMENT', '2,000.00'],
          ],
        ),
        ['*** CONVERTED TO USD - ALL CURRENCIES ***', 150, 150],
        ...rows(
          165,
          14,
          [50, 330],
          [
            ['TOTAL EQUITY', '90,500.00'],
            ['INITIAL MARGIN REQUIREMENT', '20,300.00'],
          ],
        ),
      ],
    ]);
    expect(r!.account_number).toBe('55120987');
    expect(r!.currency).toBe('USD');
    expect(r!.fields.total_equity).toBe(90_500);
    expect(r!.fields.initial_requirement).toBe(20_300);
  });

  it('knows currency headings OCR half-mangled, and lets a converted total outrank a base-currency section', async () => {
    const [r] = await run([
      [
        ['ORCHARD FUTURES', 50, 40, 14],
        ['STATEMENT DATE: 05/06/2026', 330, 40],
        ['ACCOUNT NUMBER: 551 20987', 330, 55],
        ['ves US DOLLARS ***', 200, 90],
        ...rows(
          105,
          14,
          [50, 330],
          [
            ['TOTAL EQUITY', '50,000.00'],
            ['MAINTENANCE MARGIN REQUIREMENT', '9,000.00'],
            ['CASH BALANCE', '41,000.00'],
          ],
        ),
        ['*x*x EURO ***', 200, 160],
        ...rows(
          175,
          14,
          [50, 330],
          [
            ['TOTAL EQUITY', '10,000.00'],
            ['MAINTENANCE MARGIN REQUIREMENT', '2,000.00'],
          ],
        ),
        ['*** CONVERTED TO USD - ALL CURRENCIES xx', 150, 230],
        ...rows(
          245,
          14,
          [50, 330],
          [
            ['TOTAL EQUITY', '61,300.00'],
            ['MAINTENANCE MARGIN REQUIREMENT', '11,260.00'],
          ],
        ),
      ],
    ]);
    expect(r!.currency).toBe('USD');
    expect(r!.fields.total_equity).toBe(61_300);
    expect(r!.fields.maintenance_requirement).toBe(11_260);
    // Printed only in the dollar section: that figure is all there is, so it stays.
    expect(r!.fields.cash_balance).toBe(41_000);
  });

  it('reads one report per account row under a column header printed over two lines, skipping the total', async () => {
    const reports = await run([
      [
        ['HARBOUR PRIME SERVICES', 50, 40, 14],
        ['Valuation date 14.03.2026', 50, 70],
        ...rows(
          110,
          12,
          [50, 150, 260, 360, 460],
          [
            ['Account', 'Desk', 'Net equity', 'Margin', 'Call amount'],
            [null, null, 'EUR', 'requirement', 'EUR'],
          ],
        ),
        ...rows(
          145,
          16,
          [50, 150, 260, 360, 460],
          [
            ['HPS 012.3456', 'Macro', '1.200.000,00', '1.500.000,00', '300.000,00'],
            ['HPS 012.7890', 'Credit', '900.000,00', '400.000,00', '0,00'],
            ['Total', '2 accounts', '2.100.000,00', '1.900.000,00', '300.000,00'],
          ],
        ),
      ],
    ]);
    const byAccount = Object.fromEntries(reports.map((r) => [r.account_number, r.fields]));
    expect(Object.keys(byAccount).sort()).toEqual(['HPS012.3456', 'HPS012.7890']);
    expect(byAccount['HPS012.3456']).toMatchObject({
      total_equity: 1_200_000,
      maintenance_requirement: 1_500_000,
      margin_call: 300_000,
    });
    expect(byAccount['HPS012.7890']).toMatchObject({ total_equity: 900_000, margin_call: 0 });
    // Nothing but the column titles (`Net equity EUR`) says the currency.
    expect(reports.map((r) => r.currency)).toEqual(['EUR', 'EUR']);
  });

  it('keeps reading a Long | Short | Total table past a labelled row, and takes no column title for a currency', async () => {
    const [r] = await run([
      [
        ['NORTHGATE BROKERAGE', 50, 40, 14],
        ['Account U 4455667   Statement date 03/14/2026', 50, 60],
        ...rows(
          100,
          14,
          [50, 250, 350, 450],
          [
            [null, 'Long', 'Short', 'Total'],
            ['Cash', null, null, '10,000.00'],
            ['Stock', '80,000.00', '-20,000.00', '60,000.00'],
            ['Total', null, null, '70,000.00'],
          ],
        ),
        ...rows(
          180,
          14,
          [50, 200, 300, 400],
          [
            ['Symbol', 'Ccy', 'Price', 'OTE'],
            ['ESM6', 'USD', '5,100.25', '1,250.00'],
          ],
        ),
        ['Net Liquidation Value', 50, 230],
        ['70,000.00', 450, 230],
        ['Maintenance Margin', 50, 245],
        ['30,000.00', 450, 245],
        ['Excess Liquidity', 50, 260],
        ['40,000.00', 450, 260],
      ],
    ]);
    expect(r!.fields).toMatchObject({ cash_balance: 10_000, long_market_value: 80_000, short_market_value: -20_000 });
    expect(r!.currency).not.toBe('OTE');
  });

  it('prefers the house column when the exchange column is printed first', async () => {
    const [r] = await run([
      [
        ['Account ID: PM-55012', 50, 40],
        ['Report Date: 2026-05-06', 330, 40],
        ['Net Liquidation Value', 50, 70],
        ['900,000.00', 250, 70],
        ['Exchange', 300, 100],
        ['House', 450, 100],
        ...rows(115, 14, [50, 300, 450], [['Margin Requirement', '200,000.00', '260,000.00']]),
      ],
    ]);
    expect(r!.fields.maintenance_requirement).toBe(260_000);
  });

  it('reads a debit described in prose as a negative cash balance', async () => {
    const [r] = await run([
      [
        ['Margin notice - account 7712-0098', 50, 40],
        ['As of 06/01/2026 the equity in your account was $50,000.00 and your', 50, 70],
        ['cash balance was a debit of $12,345.67 against your positions.', 50, 84],
      ],
    ]);
    expect(r!.fields.cash_balance).toBe(-12_345.67);
  });

  it('keeps a label ending in "Total" a label: three figures under titles that say nothing stay below review', async () => {
    const [r] = await run([
      [
        ['Kestrel Clearing', 50, 40, 14],
        ['Account Q-7712093', 380, 40],
        ['Statement date 04/22/2026', 380, 55],
        ...rows(
          100,
          15,
          [60, 260, 360, 460],
          [
            ['Measure', 'Move', 'Running Sum', 'Tonight'],
            ['Portfolio Equity Total', '8,772.77', '8,578.44', '7,125.02'],
          ],
        ),
      ],
    ]);
    // Which column is the report's, nothing says: whatever is read is not given as certain.
    expect(r!.confidence.fields.total_equity ?? 0).toBeLessThan(0.8);
  });
});
