import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

describe('a sentence whose label runs over a line break before its figure', () => {
  it('reads the figure after the words that finish the label on the next line', async () => {
    const lines = [
      'Dear client, at the close of business on 12 October 2026 your securities were worth $95,000.00 and your',
      'cash balance was $-12,000.00, so that the net equity in the',
      'account amounted to $83,000.00. The maintenance requirement was $70,000.00.',
    ];
    const reports = await run([
      [['Account 2290-7713', 50, 60] as Placed, ...lines.map((t, i) => [t, 50, 100 + 12 * i, 9] as Placed)],
    ]);
    expect(reports[0]!.fields.total_equity).toBe(83_000);
  });
});
