import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Period columns under titles the vocabulary does not know: the column whose figures add up
 * (excess = equity − requirement, equity = cash + long) is the current one, and a figure read from
 * it by that arithmetic alone goes to review.
 */
const run = statementRunner();
/** Courier at 10 pt: 6 points a character, so a figure ends at `right`. */
const right = (text: string, x: number, y: number): Placed => [text, x - text.length * 6, y];

const LABELS = [
  'Total Equity',
  'Maintenance Requirement',
  'Excess Equity',
  'Initial Requirement',
  'Cash Balance',
  'Long Market Value',
];
// Current: equity 500,000.00 = maint. 200,000.00 + excess 300,000.00; cash 100,000.00 + long 400,000.00.
const CURRENT = ['500,000.00', '200,000.00', '300,000.00', '260,000.00', '100,000.00', '400,000.00'];
// Unrelated figures (no three add up), as a running total or a move would print them.
const OTHER_A = ['481,230.17', '215,004.33', '310,977.41', '233,118.09', '97,615.52', '377,009.86'];
const OTHER_B = ['12,345.67', '8,901.23', '4,567.89', '2,468.02', '1,357.91', '9,753.19'];

function statement(order: string[][], titles: string[]): Placed[] {
  const cols = [300, 410, 520];
  return [
    ['Harrow Clearing', 40, 40],
    ['Account: HC-77120', 40, 70],
    ['Statement date: 11/30/2026', 40, 85],
    ...titles.map((t, j) => right(t, cols[j]!, 120)),
    ['Item', 40, 120],
    ...LABELS.flatMap((label, i) => [
      [label, 40, 140 + i * 14] as Placed,
      ...order.map((col, j) => right(col[i]!, cols[j]!, 140 + i * 14)),
    ]),
  ];
}

describe('period columns under unknown titles', () => {
  it('reads the column whose figures add up as current, and sends what only that decided to review', async () => {
    const [r] = await run(
      [statement([OTHER_A, CURRENT, OTHER_B], ['Tally Then', 'Tally Tonight', 'Drift'])],
      'Courier',
    );
    expect(r!.fields.initial_requirement).toBe(260_000);
    expect(r!.fields.total_equity).toBe(500_000);
    expect(r!.fields.cash_balance).toBe(100_000);
    expect(r!.confidence.fields.initial_requirement).toBeLessThan(0.8);
    expect(r!.confidence.fields.total_equity).toBeLessThan(0.8);
    expect(r!.issues.some((i) => i.code === 'unsure_column' && i.field === 'initial_requirement')).toBe(true);
  });

  it('decides nothing where two columns add up (a prior day is consistent too)', async () => {
    // Prior: equity 450,000.00 = 150,000.00 + 300,000.00; cash 50,000.00 + long 400,000.00.
    const PRIOR = ['450,000.00', '150,000.00', '300,000.00', '210,000.00', '50,000.00', '400,000.00'];
    const [r] = await run([statement([PRIOR, CURRENT, OTHER_B], ['Tally Then', 'Tally Tonight', 'Drift'])], 'Courier');
    expect(r!.issues.some((i) => i.code === 'unsure_column' && /add up only/.test(i.message))).toBe(false);
    expect(r!.needs_review).toBe(true);
  });
});
