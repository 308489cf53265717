import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

const summary: Placed[] = rows(
  300,
  15,
  [50, 400],
  [
    ['Net equity', '84,200.00'],
    ['Maintenance margin', '21,000.00'],
    ['Excess over maintenance', '63,200.00'],
  ],
);

describe('an account number in the value cell of a row label that names another account', () => {
  it("is the other account's, not the report's", async () => {
    const reports = await run([
      [
        ['Statement date', 50, 60],
        ['12/07/2026', 180, 60],
        ['Trading Account No.', 320, 60],
        ['5512-880417', 450, 60],
        ['Linked account', 50, 75],
        ['USD deposit account 7-220-11873-4', 180, 75],
        ...summary,
      ],
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.account_number).toBe('5512-880417');
    expect(reports[0]!.fields.total_equity).toBe(84_200);
  });
});

describe('a position row whose key holds a number (`DAX 40 Mar27`)', () => {
  it('reads its side as the row attribute, not a market value', async () => {
    const reports = await run([
      [
        ['Account 5512-880417   Statement date 12/07/2026', 50, 60],
        ...rows(
          120,
          15,
          [50, 200, 260, 330, 420],
          [
            ['Instrument', 'Side', 'Quantity', 'Open price', 'Margin'],
            ['Bund Mar27', 'Long', '4', '131.20', '9,800.00'],
            ['Gilt Mar27', 'Long', '2', '92.45', '4,300.00'],
            ['DAX 40 Mar27', 'Short', '2', '18,420', '6,900.00'],
          ],
        ),
        ...summary,
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.short_market_value).toBeUndefined();
    expect(r.fields.total_equity).toBe(84_200);
  });
});
