import { describe, expect, it } from 'vitest';
import { isProse } from '../../src/extraction/fields/candidates.ts';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * A label followed by the formula of its parts in parentheses (`Account equity (cash + collateral + net
 * option value)`): the formula names the parts the figure sums, not a second figure, and its words do not
 * make the label a sentence.
 */
const run = statementRunner();

describe('a label with the formula of its parts in parentheses', () => {
  it('names the figure before the formula', () => {
    expect(matchLabel('Account equity (cash + collateral + net option value)')?.target).toBe('total_equity');
    expect(isProse('Account equity (cash + collateral + net option value)')).toBe(false);
  });

  it('keeps a qualifier without a formula that names another figure unread', () => {
    expect(matchLabel('Equity (Cash)')).toBeNull();
  });

  it('reads the figure on the label’s line as that field', async () => {
    const [report] = await run([
      [
        ['Account 6610-2207', 50, 40],
        ['Statement date 03/08/2027', 50, 54],
        ['Cash balance', 50, 80],
        ['212,400.00', 400, 80],
        ['Collateral value of pledged bonds (after haircut)', 50, 94],
        ['600,000.00', 400, 94],
        ['Account equity (cash + collateral + net option value)', 50, 108],
        ['790,100.00', 400, 108],
        ['Total margin requirement', 50, 122],
        ['500,000.00', 400, 122],
      ],
    ]);
    expect(report!.fields.total_equity).toBe(790_100);
  });
});
