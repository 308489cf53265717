import { describe, expect, it } from 'vitest';
import { statementRunner } from './support/statement.runner.ts';

/** A Lombard credit statement: the pledged securities' market value is the long holdings'. */
const run = statementRunner();

describe('a Lombard credit statement’s figures', () => {
  it('reads the pledged securities’ market value as long', async () => {
    const [report] = await run([
      [
        ['Lombard credit statement', 50, 40, 12],
        ['Credit account 5512 0093 11', 50, 64],
        ['Statement date 08.03.2027', 50, 78],
        ['Market value of pledged securities', 50, 110],
        ['EUR 1.840.000,00', 360, 110],
        ['Loan balance', 50, 124],
        ['(EUR 600.000,00)', 360, 124],
      ],
    ]);
    expect(report!.fields.long_market_value).toBe(1_840_000);
  });
});
