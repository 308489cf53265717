import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

/** One account's page of a household's daily summary: `Household: …` names the household under the account line. */
const page = (account: string, figures: string[], houseCall: string): Placed[] => [
  ['Daily Margin Summary', 54, 40],
  ['Account:', 54, 70],
  [`${account} (Individual)`, 110, 70],
  ['As of:', 487, 70],
  ['12/04/2026', 513, 70],
  ['Household:', 54, 100],
  ['GARRISON FAMILY HH-6620', 120, 100],
  ...rows(
    130,
    15,
    [54, 240],
    [
      ['Total Equity', figures[0]!],
      ['Maintenance Requirement', figures[1]!],
      ['Maintenance Excess/(Deficit)', figures[2]!],
      ['House Call', houseCall],
    ],
  ),
];

describe('households and call tables', () => {
  it('reads each account of a household whose pages name the household as a label with its value', async () => {
    const reports = await run([
      page('6620-1185', ['516,780.10', '172,360.00', '344,420.10'], 'None'),
      page('6620-1193', ['156,634.25', '171,900.00', '(15,265.75)'], '15,265.75'),
    ]);
    expect(reports.map((r) => [r.account_number, r.fields.total_equity, r.fields.margin_call])).toEqual([
      ['6620-1185', 516780.1, 0],
      ['6620-1193', 156634.25, 15265.75],
    ]);
  });

  it('reads `None` in a call table row as a house call of 0, over a Reg T call under it', async () => {
    const [r] = await run([
      [
        ['Account Number: 5TR-66041', 54, 40],
        ['MARGIN & BUYING POWER as of November 30, 2026', 54, 70],
        ...rows(
          90,
          15,
          [54, 400],
          [
            ['Margin Equity', '221,300.00'],
            ['House Maintenance Requirement', '98,600.00'],
            ['Maintenance Excess', '122,700.00'],
          ],
        ),
        ['CALLS', 54, 150],
        ...rows(
          170,
          15,
          [54, 237, 304, 408],
          [
            ['Type', 'Issued', 'Due', 'Amount'],
            ['House (maintenance) call', null, null, 'None'],
            ['Fed (Regulation T) call', '11/30/26', '12/03/26', '2,340.00'],
          ],
        ),
      ],
    ]);
    expect(r).toMatchObject({ account_number: '5TR-66041', fields: { total_equity: 221300, margin_call: 0 } });
  });
});
