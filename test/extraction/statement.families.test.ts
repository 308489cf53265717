import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Statements of other families, read by their accounting: a derivatives platform whose equity is
 * its margin balance (available = margin balance − initial margin), and an account printed only by
 * its last digits.
 */
const run = statementRunner();
const kv = (top: number, pairs: [string, string][]): Placed[] => rows(top, 16, [60, 330], pairs);

describe('statements of other families', () => {
  // What stays available above the initial margin, where the maintenance margin is printed too, is the
  // figure IBKR calls Available Funds: the development corpus's truth never takes it for the excess
  // (its excess is the one over the maintenance margin), so it confirms the equity but is no field.
  // "Margin Balance" is a derivatives platform's equity (wallet balance plus unrealised PnL): a label of equity,
  // here confirmed by that identity, so the equity is no longer left below review.
  it("places a derivatives platform's margin balance as the equity, confirmed by wallet balance plus unrealised PnL, and the available balance as no excess", async () => {
    const [r] = await run([
      [
        ['Derivatives Account Statement', 60, 40, 14],
        ['UID: 88213347', 60, 70],
        ['Statement Date: 2026-11-30', 330, 70],
        ...kv(110, [
          ['Wallet Balance (USDT)', '48,210.55'],
          ['Unrealized PnL', '-3,115.20'],
          ['Margin Balance', '45,095.35'],
          ['Initial Margin', '12,400.00'],
          ['Maintenance Margin', '6,200.00'],
          ['Available Balance', '32,695.35'],
        ]),
      ],
    ]);
    expect(r!.fields.total_equity).toBe(45_095.35);
    expect(r!.fields.excess_liquidity).toBeUndefined();
    expect(r!.fields.cash_balance).toBe(48_210.55);
    expect(r!.confidence.fields.total_equity).toBeGreaterThanOrEqual(0.8);
    expect(r!.evidence?.total_equity?.label).toMatch(/margin balance/i);
  });

  it('reads an account printed by its last digits after the account word (`Account ending 4417`)', async () => {
    const [r] = await run([
      [
        ['Margin Statement', 60, 40, 14],
        ['Account ending 4417', 60, 70],
        ['Statement Date: 11/30/2026', 330, 70],
        ...kv(110, [
          ['Total Equity', '98,000.00'],
          ['Maintenance Requirement', '30,000.00'],
          ['Excess Equity', '68,000.00'],
        ]),
      ],
    ]);
    expect(r!.account_number).toBe('4417');
  });

  const noCallStatement = (excess: string, equity: string) => [
    [
      ['Margin Exception Listing', 60, 40, 14],
      ['Account Number: H2138274', 60, 70],
      ['Statement Date: 11/30/2026', 330, 70],
      ...kv(110, [
        ['Total Equity', equity],
        ['Maintenance Requirement', '197,268.21'],
        ['Excess Equity', excess],
      ]),
      ['There is no call outstanding on this account.', 60, 170],
    ] as Placed[],
  ];

  it('reads a no-call sentence whose own words name the call (`There is no call outstanding`) as a call of 0', async () => {
    const [r] = await run(noCallStatement('317,021.99', '514,290.20'));
    expect(r!.fields.margin_call).toBe(0);
  });

  it('reads no call amount, and says so, where a no-call sentence stands beside a deficit', async () => {
    const [r] = await run(noCallStatement('-47,268.21', '150,000.00'));
    expect(r!.fields.margin_call).toBeUndefined();
    expect(r!.issues.some((i) => i.field === 'margin_call')).toBe(true);
  });
});
