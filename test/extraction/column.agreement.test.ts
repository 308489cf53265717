import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * A grid of several figure columns under titles that say nothing of which is current: where the
 * identities tie the report's figures to one column, a known label's figure is read from that column
 * too, not from the first one (below review: arithmetic, not a title, tells the column).
 */
const run = statementRunner();

function grid(initial: [string, string, string]): Placed[] {
  return [
    ['MARGIN POSITION SUMMARY', 200, 40, 12],
    ['Account:', 60, 70],
    ['QX-44120', 160, 70],
    ['As of:', 60, 85],
    ['2026-11-30', 160, 85],
    ...rows(
      120,
      16,
      [60, 250, 350, 450],
      [
        ['Line', 'Batch A', 'Batch B', 'Batch C'],
        ['Total Equity', '410,000.00', '455,000.00', '500,000.00'],
        ['Maintenance Requirement', '150,500.00', '162,000.00', '180,000.00'],
        ['Excess Equity', '275,250.00', '301,700.00', '320,000.00'],
        ['Initial Margin', ...initial],
        ['Margin Call', '0.00', '0.00', 'Nil'],
      ],
    ),
  ];
}

describe('a label over unnamed columns', () => {
  it('reads its figure from the column the identities tie the other figures to', async () => {
    const [r] = await run([grid(['220,000.00', '240,000.00', '260,000.00'])]);
    expect(r!.fields.total_equity).toBe(500_000);
    expect(r!.fields.initial_requirement).toBe(260_000);
    expect(r!.confidence.fields.initial_requirement).toBeLessThan(0.8);
    expect(r!.evidence?.initial_requirement?.bbox[0]).toBeGreaterThanOrEqual(449);
  });

  it('keeps a figure that stands alone in its row', async () => {
    const [r] = await run([grid(['', '', '260,000.00'])].map((p) => p.filter(([t]) => t !== '')));
    expect(r!.fields.initial_requirement).toBe(260_000);
  });
});
