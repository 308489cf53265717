import { describe, expect, it } from 'vitest';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

describe("a margin loan's portfolio market value", () => {
  it('is the long market value, tied to the loan and the net value', async () => {
    const reports = await run([
      [
        ['Margin loan account 4471 2290 15   Statement date 12/07/2026', 50, 60],
        ...rows(
          120,
          16,
          [50, 320],
          [
            ['Loan balance', '$120,000.00 DR'],
            ['Portfolio market value', '$300,000.00'],
            ['Net portfolio value', '$180,000.00'],
            ['Margin call status', 'Nil'],
          ],
        ),
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.long_market_value).toBe(300_000);
    expect(r.fields.cash_balance).toBe(-120_000);
    expect(r.fields.total_equity).toBe(180_000);
  });
});
