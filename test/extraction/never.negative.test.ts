import { describe, expect, it } from 'vitest';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

describe('a charge in parentheses under a label that leans to a field never below zero', () => {
  it('is no buying power, and no unread buying power either', async () => {
    const reports = await run([
      [
        ['Account 3318-0402   Statement date 12/07/2026', 50, 60],
        ['Net equity', 50, 100],
        ['52,000.00', 400, 100],
        ['Maintenance requirement', 50, 115],
        ['20,000.00', 400, 115],
        ['Excess', 50, 130],
        ['32,000.00', 400, 130],
        ['Overnight financing', 50, 145],
        ['(41.10)', 400, 145],
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.buying_power).toBeUndefined();
    expect(r.issues.some((i) => i.field === 'buying_power')).toBe(false);
    expect(r.fields.total_equity).toBe(52_000);
  });
});
