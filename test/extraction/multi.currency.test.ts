import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * A multi-currency statement with a column per currency and a combined column in the base currency:
 * the report is the combined column, in its currency (interface.md). Titles stacked over two lines,
 * the word `combined` in a column title or in a sentence, and labels wrapped around their row of
 * figures are all structure, never a reason to read nothing.
 */
const run = statementRunner();
/** Courier at 10 pt: 6 points a character, so a figure ends at `right`. */
const right = (text: string, x: number, y: number): Placed => [text, x - text.length * 6, y];
const COLS = [300, 410, 530];

function statement(): Placed[] {
  const row = (y: number, label: string | null, figures: string[]): Placed[] => [
    ...(label ? [[label, 40, y] as Placed] : []),
    ...figures.map((f, j) => right(f, COLS[j]!, y)),
  ];
  return [
    ['Harbourline Wealth', 40, 40],
    ['Account: HW-58213', 40, 60],
    ['Statement date: 11/30/2026', 40, 75],
    right('Sterling', COLS[0]!, 110),
    right('Euro', COLS[1]!, 110),
    right('Combined', COLS[2]!, 110),
    right('account', COLS[0]!, 121),
    right('account', COLS[1]!, 121),
    right('in GBP', COLS[2]!, 121),
    ...row(140, 'Total equity', ['120,000.00', '58,000.00', '170,460.00']),
    ...row(154, 'Maintenance requirement', ['40,000.00', '23,000.00', '59,780.00']),
    ...row(168, 'Excess equity', ['80,000.00', '35,000.00', '110,680.00']),
    // `Long market` / figures / `value`: the label printed around its row.
    ['Long market', 40, 182],
    ...row(193, null, ['150,000.00', '70,000.00', '211,600.00']),
    ['value', 40, 204],
    ...row(218, 'Cash balance', ['-30,000.00', '-12,000.00', '-41,140.00']),
    ['No margin call is due on this account. Requirements are calculated on a combined basis', 40, 250],
    ['in sterling; euro figures are converted at the closing rate.', 40, 261],
  ];
}

describe('multi-currency statements with a combined column', () => {
  it('reads the combined base-currency column, its currency, and a no-call sentence that says "combined"', async () => {
    const [r, ...rest] = await run([statement()], 'Courier');
    expect(rest).toHaveLength(0);
    expect(r!.account_number).toBe('HW-58213');
    expect(r!.currency).toBe('GBP');
    expect(r!.fields.total_equity).toBe(170_460);
    expect(r!.fields.maintenance_requirement).toBe(59_780);
    expect(r!.fields.excess_liquidity).toBe(110_680);
    expect(r!.fields.long_market_value).toBe(211_600);
    expect(r!.fields.cash_balance).toBe(-41_140);
    expect(r!.fields.margin_call).toBe(0);
  });

  it('reports the figures of a one-account statement printed under a combined heading, flagged, not refused', async () => {
    const [r] = await run(
      [
        [
          ['Harbourline Wealth', 40, 40],
          ['Account: HW-58213', 40, 60],
          ['Statement date: 11/30/2026', 40, 75],
          ['Combined summary', 40, 110],
          ['Total equity', 40, 130],
          right('170,460.00', 400, 130),
          ['Maintenance requirement', 40, 144],
          right('59,780.00', 400, 144),
        ],
      ],
      'Courier',
    );
    expect(r!.fields.total_equity).toBe(170_460);
    expect(r!.needs_review).toBe(true);
  });
});
