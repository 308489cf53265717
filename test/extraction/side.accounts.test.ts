import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

// Two accounts side by side, each heading spanning a current and an earlier dated column.
const page = (callCells: string[]): Placed[] => [
  ['Accounts at a glance', 40, 40, 14],
  ['Statement as of October 30, 2026 in US dollars (USD)', 40, 60],
  ['Account 7741-2206 (Cash)', 225, 90],
  ['Account 7741-2291 (Trust)', 395, 90],
  ...rows(
    104,
    13,
    [40, 230, 310, 400, 480],
    [
      [null, 'Oct 30, 2026', 'Sep 30, 2026', 'Oct 30, 2026', 'Sep 30, 2026'],
      ['Cash balance', '12,500.00', '11,000.00', '-3,200.00', '-2,900.00'],
      ['Long market value', '80,000.00', '77,000.00', '45,000.00', '44,100.00'],
      ['Net liquidation value', '92,500.00', '88,000.00', '41,800.00', '41,200.00'],
      ['Initial margin requirement', '40,000.00', '38,500.00', '22,500.00', '22,050.00'],
      ['Maintenance requirement', '20,000.00', '19,250.00', '11,250.00', '11,025.00'],
      ['Special memorandum account', '9,100.00', '8,800.00', '2,400.00', '2,300.00'],
      ['Buying power', '18,200.00', '17,600.00', '4,800.00', '4,600.00'],
      ['Margin call', ...callCells],
    ],
  ),
];

describe('accounts printed side by side over dated columns', () => {
  it("reads each account's figures from its own current column, none from the other's or the earlier one", async () => {
    const reports = await run([page(['None', 'None', 'None', 'None'])]);
    const byAccount = new Map(reports.map((r) => [r.account_number, r]));
    const first = byAccount.get('7741-2206')!;
    const second = byAccount.get('7741-2291')!;
    expect(first.fields).toMatchObject({
      initial_requirement: 40_000,
      sma: 9_100,
      buying_power: 18_200,
      margin_call: 0,
    });
    expect(second.fields).toMatchObject({
      cash_balance: -3_200,
      total_equity: 41_800,
      initial_requirement: 22_500,
      maintenance_requirement: 11_250,
      sma: 2_400,
      buying_power: 4_800,
      margin_call: 0,
    });
    // Each current column is its account's: no doubt between the two accounts' figures.
    expect(second.confidence.fields.initial_requirement).toBeGreaterThanOrEqual(0.8);
    expect(first.confidence.fields.initial_requirement).toBeGreaterThanOrEqual(0.8);
  });
});
