import { describe, expect, it } from 'vitest';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

const letter = (sentences: string[]): Placed[] => [
  ['Harbour Lane Securities', 50, 40, 14],
  ['Account 3318-0402', 50, 70],
  ...sentences.map((s, i) => [s, 50, 100 + 14 * i] as Placed),
];

describe('a letter that also speaks of an earlier day', () => {
  it("takes the report day's figures over those of a sentence dated the day before", async () => {
    const reports = await run([
      letter([
        'On 8 November 2026 the equity in your account was $52,750.00 and no call was due.',
        'At the close of business on 9 November 2026 the equity in your account was $48,200.00.',
        'Your maintenance requirement was $51,000.00.',
      ]),
    ]);
    const r = reports[0]!;
    expect(r.report_date).toBe('2026-11-09');
    expect(r.fields.total_equity).toBe(48_200);
    // `No call was due` speaks of the day before too: no confident call of 0 for the report's day.
    expect(r.confidence.fields.margin_call ?? 0).toBeLessThan(0.8);
  });

  it('keeps a figure read only in a sentence about the previous close below review', async () => {
    const reports = await run([
      letter([
        'As of 9 November 2026 your maintenance requirement was $51,000.00.',
        'For comparison, your net equity was $52,750.00 at the previous close.',
      ]),
    ]);
    const r = reports[0]!;
    expect(r.confidence.fields.total_equity ?? 0).toBeLessThan(0.8);
  });
});
