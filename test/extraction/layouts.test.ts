import { describe, expect, it } from 'vitest';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Layouts unlike the fixture corpus: the extractor must generalise through labels and geometry,
 * not through knowledge of a particular broker's page.
 */
const run = statementRunner();

describe('layouts the extractor has never seen', () => {
  it('reads a today/yesterday comparison with labels on the right of a code column', async () => {
    const [r] = await run([
      [
        ['MARGIN POSITION REPORT', 50, 40, 14],
        ['Client ID: 88-4410-7', 50, 70],
        ['Business Date 27 November 2026', 330, 70],
        ['Run 28/11/2026 05:12', 330, 84],
        ...rows(
          120,
          15,
          [50, 90, 330, 460],
          [
            ['Code', 'Description', 'Today', 'Yesterday'],
            ['E01', 'Total Equity', '2,450,118.07', '2,431,990.12'],
            ['M01', 'House Maintenance Requirement', '811,400.00', '809,000.00'],
            ['M02', 'Exchange Maintenance Requirement', '702,000.00', '700,500.00'],
            ['M03', 'Initial Margin Requirement', '1,014,250.00', '1,011,250.00'],
            ['X01', 'Maintenance Excess', '1,638,718.07', '1,622,990.12'],
            ['C01', 'Cash Balance', '-140,210.55', '-138,002.10'],
            ['B01', 'Buying Power', '3,277,436.14', '3,245,980.24'],
            ['B02', 'Day Trading Buying Power', '6,554,872.28', '6,491,960.48'],
          ],
        ),
      ],
    ]);
    expect(r).toMatchObject({
      account_number: '88-4410-7',
      report_date: '2026-11-27',
      fields: {
        total_equity: 2450118.07,
        maintenance_requirement: 811400,
        initial_requirement: 1014250,
        excess_liquidity: 1638718.07,
        cash_balance: -140210.55,
        buying_power: 3277436.14,
      },
    });
  });

  it('reads accounts laid out as columns', async () => {
    const reports = await run([
      [
        ['Consolidated Margin Report as of 11/27/2026', 50, 40],
        ...rows(
          80,
          15,
          [50, 300, 450],
          [
            [null, 'Account 4410-0001', 'Account 4410-0002'],
            ['Net Liquidating Value', '1,000,000.00', '500,000.00'],
            ['Maintenance Requirement', '250,000.00', '100,000.00'],
            ['Excess Liquidity', '750,000.00', '400,000.00'],
          ],
        ),
      ],
    ]);
    const by = Object.fromEntries(reports.map((r) => [r.account_number, r.fields]));
    expect(by).toEqual({
      '4410-0001': { total_equity: 1000000, maintenance_requirement: 250000, excess_liquidity: 750000 },
      '4410-0002': { total_equity: 500000, maintenance_requirement: 100000, excess_liquidity: 400000 },
    });
  });

  it('gives every account row a report, flagged where its cells cannot be read, and no total an account', async () => {
    const reports = await run([
      [
        ['Exception Listing as of 11/27/2026', 50, 40],
        ...rows(
          80,
          15,
          [50, 230, 330, 430],
          [
            ['Account', 'Net Liq Value', 'Zorbly Quux', 'Frobnic Level'],
            ['4410-0001', '1,000,000.00', '250,000.00', '12.00'],
            ['4410-0002', '500,000.00', '100,000.00', '7.00'],
            ['REPORT TOTAL', '1,500,000.00', '350,000.00', '19.00'],
          ],
        ),
      ],
    ]);
    expect(reports.map((r) => r.account_number)).toEqual(['4410-0001', '4410-0002']);
    for (const r of reports) {
      expect(r.needs_review).toBe(true);
      expect(r.issues.map((i) => i.code)).toContain('unread_cells');
    }
    expect(reports[1]!.fields.total_equity).toBe(500000);
  });

  it('reads a grid of boxes with each label above its figure', async () => {
    const [r] = await run([
      [
        ['Account U 5550123', 50, 40],
        ['Statement as of Nov 27, 2026', 50, 56],
        ...rows(
          100,
          14,
          [50, 230, 410],
          [
            ['Net Liq Value', 'Maint. Margin', 'Excess Liquidity'],
            ['$312,400.10', '$90,000.00', '$222,400.10'],
          ],
        ),
        ...rows(
          150,
          14,
          [50, 230, 410],
          [
            ['SMA', 'Long Market Value', 'Short Market Value'],
            ['$41,000.00', '$402,400.10', '$0.00'],
          ],
        ),
      ],
    ]);
    expect(r).toMatchObject({
      account_number: 'U5550123',
      report_date: '2026-11-27',
      fields: {
        total_equity: 312400.1,
        maintenance_requirement: 90000,
        excess_liquidity: 222400.1,
        sma: 41000,
        long_market_value: 402400.1,
      },
    });
  });

  it('reads trailing minus signs and DR/CR suffixes in a fixed-width printout', async () => {
    const [r] = await run(
      [
        [
          ['ACCT 77-1234-5   STMT DATE 11/27/26', 40, 40],
          ['LEDGER BALANCE ...................... 12,345.67-', 40, 70],
          ['LONG MARKET VALUE ................... 98,765.43', 40, 82],
          ['SHORT MARKET VALUE .................. 10,000.00', 40, 94],
          ['TOTAL EQUITY ........................ 76,419.76', 40, 106],
          ['MAINT REQUIREMENT ................... 30,000.00', 40, 118],
          ['MAINT EXCESS ........................ 46,419.76', 40, 130],
          ['SMA ................................. 5,000.00 CR', 40, 142],
        ],
      ],
      'Courier',
    );
    expect(r).toMatchObject({
      account_number: '77-1234-5',
      report_date: '2026-11-27',
      fields: {
        cash_balance: -12345.67,
        long_market_value: 98765.43,
        short_market_value: -10000,
        total_equity: 76419.76,
        maintenance_requirement: 30000,
        excess_liquidity: 46419.76,
        sma: 5000,
      },
    });
    expect(r!.needs_review).toBe(false);
  });

  it('does not take a due date or a letter date for the as-of date', async () => {
    const [r] = await run([
      [
        ['December 1, 2026', 50, 60],
        ['Account Number: 3300-1122', 50, 90],
        ['Margin call notice for positions as of November 30, 2026.', 50, 120],
        ['Total equity: $55,000.00   Maintenance requirement: $61,000.00', 50, 140],
        ['Deficit: $6,000.00   Amount due: $6,000.00   Due date: 12/03/2026', 50, 160],
      ],
    ]);
    expect(r).toMatchObject({
      account_number: '3300-1122',
      report_date: '2026-11-30',
      fields: { total_equity: 55000, maintenance_requirement: 61000, excess_liquidity: -6000, margin_call: 6000 },
    });
  });

  it('reads a comma-decimal statement with the currency stated once', async () => {
    const [r] = await run([
      [
        ['Depot-Nr. / Account: 0044 7781 23', 50, 40],
        ['Stichtag / As of: 27.11.2026', 50, 56],
        ['Alle Beträge in EUR / All amounts in EUR', 50, 72],
        ...rows(
          100,
          15,
          [50, 380],
          [
            ['Gesamtvermögen / Total equity', '1.204.330,18'],
            ['Erhaltungsmarge / Maintenance margin', '402.110,00'],
            ['Überschuss / Excess', '802.220,18'],
          ],
        ),
      ],
    ]);
    expect(r).toMatchObject({
      account_number: '0044778123',
      report_date: '2026-11-27',
      currency: 'EUR',
      fields: { total_equity: 1204330.18, maintenance_requirement: 402110, excess_liquidity: 802220.18 },
    });
  });

  it('reads two accounts printed side by side', async () => {
    const reports = await run([
      [
        ['Daily Margin Summary - 11/27/2026', 50, 40],
        ['Account: AB-1001', 50, 70],
        ['Account: AB-1002', 320, 70],
        ...rows(
          90,
          15,
          [50, 200, 320, 470],
          [
            ['Total Equity', '80,000.00', 'Total Equity', '120,000.00'],
            ['Maint. Requirement', '20,000.00', 'Maint. Requirement', '30,000.00'],
            ['Excess', '60,000.00', 'Excess', '90,000.00'],
          ],
        ),
      ],
    ]);
    const by = Object.fromEntries(reports.map((r) => [r.account_number, r.fields]));
    expect(by).toEqual({
      'AB-1001': { total_equity: 80000, maintenance_requirement: 20000, excess_liquidity: 60000 },
      'AB-1002': { total_equity: 120000, maintenance_requirement: 30000, excess_liquidity: 90000 },
    });
  });

  it('reads stacked account sections on one page and prefers the house call to the Fed call', async () => {
    const reports = await run([
      [
        ['Statement Date: 2026-11-27', 50, 40],
        ['Account Number 10-2030', 50, 70],
        ...rows(
          86,
          14,
          [50, 300],
          [
            ['Account Equity', '45,000.00'],
            ['House Requirement', '50,000.00'],
            ['House Surplus/(Deficit)', '(5,000.00)'],
            ['Fed Call', '2,000.00'],
            ['House Call', '5,000.00'],
          ],
        ),
        ['Account Number 10-2031', 50, 180],
        ...rows(
          196,
          14,
          [50, 300],
          [
            ['Account Equity', '10,000.00'],
            ['House Requirement', '4,000.00'],
            ['House Surplus/(Deficit)', '6,000.00'],
            ['Total Calls', 'None'],
          ],
        ),
      ],
    ]);
    const by = Object.fromEntries(reports.map((r) => [r.account_number, r.fields]));
    expect(by['10-2030']).toEqual({
      total_equity: 45000,
      maintenance_requirement: 50000,
      excess_liquidity: -5000,
      margin_call: 5000,
    });
    expect(by['10-2031']).toEqual({
      total_equity: 10000,
      maintenance_requirement: 4000,
      excess_liquidity: 6000,
      margin_call: 0,
    });
    for (const r of reports) expect(r.report_date).toBe('2026-11-27');
  });
});
