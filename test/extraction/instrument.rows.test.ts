import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * A positions table under an `Instrument` title below a balances grid: each row's label is an
 * instrument's name, whatever its letters suggest (`BP` in a bank's name is no buying power), and its
 * value (in the column the balances' current figures stand in) is the position's.
 */
const run = statementRunner();

/** Courier at 10 pt: 6 pt a character, so cells can be right-aligned at their column's edge. */
const at = (text: string, x1: number, y: number): Placed => [text, x1 - text.length * 6, y];
const cells = (y: number, label: string, rest: [string, number][]): Placed[] => [
  [label, 40, y],
  ...rest.map(([t, x1]) => at(t, x1, y)),
];

describe('rows of a positions table under an instrument title', () => {
  it('read no field from an instrument name whose letters lean to one', async () => {
    const balance = (y: number, label: string, now: string, before: string) =>
      cells(y, label, [
        [now, 430],
        [before, 530],
      ]);
    const [report] = await run(
      [
        [
          ['Margin account no. 62-1180447', 40, 40],
          ['Statement date 08.03.2027', 40, 54],
          ...cells(70, 'Balances (PLN)', [
            ['08.03.2027', 430],
            ['05.03.2027', 530],
          ]),
          ...balance(84, 'Cash balance', '120 400,50', '118 000,00'),
          ...balance(98, 'Market value of long positions', '830 000,00', '812 000,00'),
          ...balance(112, 'Account equity', '950 400,50', '930 000,00'),
          ...balance(126, 'Maintenance margin', '249 000,00', '243 600,00'),
          ...balance(140, 'Excess over maintenance margin', '701 400,50', '686 400,00'),
          ...cells(176, 'Instrument', [
            ['Quantity', 250],
            ['Price', 330],
            ['Value', 430],
          ]),
          ...cells(190, 'Vistula BP (VBP)', [
            ['8 000', 250],
            ['61,25', 330],
            ['490 000,00', 430],
          ]),
          ...cells(204, 'Odra Chemicals (ODC)', [
            ['2 000', 250],
            ['170,00', 330],
            ['340 000,00', 430],
          ]),
        ],
      ],
      'Courier',
    );
    expect(report!.fields.total_equity).toBe(950_400.5);
    expect(report!.fields.buying_power).toBeUndefined();
  });
});
