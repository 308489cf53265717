import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Documents that print margin figures without stating an account's position: a disclosure whose worked
 * example is internally consistent (equity, requirement, deficiency, call), a notice that estimates what a
 * requirement would have been. They are refused like any other document that is no statement; a call
 * letter that states the account's figures in sentences is still read.
 */
const run = statementRunner();

const refused = async (page: Placed[]) => {
  await expect(run([page])).rejects.toMatchObject({ code: 'extraction.no_margin_data' });
};

describe('a document whose only figures are an illustration or an estimate', () => {
  it('refuses a disclosure whose table a heading titles as an example', async () => {
    await refused([
      ['Harrow Lane Securities LLC', 50, 40],
      ['Account number', 50, 64],
      ['HL-448120', 200, 64],
      ['Notice date', 50, 78],
      ['March 3, 2027', 200, 78],
      ['Trading on margin carries risks. This notice is sent each year to margin account holders.', 50, 100, 9],
      ['A worked example', 50, 126, 12],
      ['Line', 50, 146],
      ['Amount', 330, 146],
      ['Purchase of 500 shares, market value', 50, 160],
      ['$30,000.00', 330, 160],
      ['Loan from the firm (debit balance)', 50, 174],
      ['($15,000.00)', 330, 174],
      ['Market value after a fall', 50, 188],
      ['$20,000.00', 330, 188],
      ['Equity', 50, 202],
      ['$5,000.00', 330, 202],
      ['Maintenance requirement', 50, 216],
      ['$6,000.00', 330, 216],
      ['Margin deficiency', 50, 230],
      ['($1,000.00)', 330, 230],
      ['Margin call', 50, 244],
      ['$1,000.00', 330, 244],
      ['The firm may sell securities in your account without notice to meet a call.', 50, 270, 9],
    ]);
  });

  it('refuses a notice whose one figure a sentence estimates with would and about', async () => {
    await refused([
      ['Brightwater Brokerage', 50, 40],
      ['Notice of higher house requirements', 50, 60, 12],
      ['Account T55-901274', 50, 80],
      ['From April 2, 2027 the house maintenance requirement on three securities rises to 60%.', 50, 104, 9],
      [
        'Had the new rates applied at the close, the maintenance requirement on your positions would have been about $28,400.00',
        50,
        118,
        8,
      ],
      ['instead of $14,200.00. This is an estimate only; your statement shows your requirement.', 50, 130, 8],
    ]);
  });

  it('still reads a call letter that states the account’s figures in sentences', async () => {
    const [report] = await run([
      [
        ['Brightwater Brokerage', 50, 40],
        ['Margin call notice', 50, 60, 12],
        ['Account T55-901274', 50, 80],
        ['Statement date March 3, 2027', 50, 94],
        ['At the close your account equity was $42,500.00 and the maintenance requirement was $48,000.00.', 50, 118, 9],
        ['Please deposit $5,500.00 by March 5, 2027, the margin call amount, or we would sell positions.', 50, 132, 9],
      ],
    ]);
    expect(report!.fields.total_equity).toBe(42_500);
    expect(report!.fields.maintenance_requirement).toBe(48_000);
  });
});
