import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * A column-per-account table whose last account's number and the next column's combined title are
 * printed as one run of text (`RT-88031 Family Combined`): the figures under the number are that
 * account's, those under the words the combined column's, never the account's. The labels are ones
 * the vocabulary barely knows, so the identities must place the figures of each column on their own.
 */
const run = statementRunner();

function table(secondHeader: Placed[]): Placed[] {
  return [
    ['POSITION OVERVIEW', 200, 40, 12],
    ['As of:', 60, 70],
    ['2026-10-30', 160, 70],
    ['Line', 60, 110],
    ['QK-50112', 250, 110],
    ...secondHeader,
    ...rows(
      128,
      16,
      [60, 250, 350, 460],
      [
        ['Sum Of Holdings Worth', '500,000.00', '80,000.00', '580,000.00'],
        ['Maint. Floor Needed', '120,000.00', '30,000.00', '150,000.00'],
        ['Room Above Floor', '380,000.00', '50,000.00', '430,000.00'],
      ],
    ),
  ];
}

describe('an account number run together with the next column title', () => {
  it('reads the account from the figures under its number', async () => {
    const reports = await run([table([['RT-88031 Family Combined', 350, 110]])]);
    const second = reports.find((r) => r.account_number === 'RT-88031');
    expect(second?.fields.total_equity).toBe(80_000);
    expect(second?.fields.maintenance_requirement).toBe(30_000);
    expect(second?.fields.excess_liquidity).toBe(50_000);
    expect(reports.map((r) => r.fields.total_equity)).not.toContain(580_000);
  });

  it('reads it the same when the number prints alone', async () => {
    const reports = await run([
      table([
        ['RT-88031', 350, 110],
        ['Family Combined', 460, 110],
      ]),
    ]);
    const second = reports.find((r) => r.account_number === 'RT-88031');
    expect(second?.fields.total_equity).toBe(80_000);
    expect(second?.fields.excess_liquidity).toBe(50_000);
  });
});
