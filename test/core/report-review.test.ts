import { describe, expect, it } from 'vitest';
import { applyRules } from '../../src/core/report/report.rules.ts';

const now = new Date('2026-11-28T12:00:00Z');
const base = { account_number: 'U1', report_date: '2026-11-27', currency: 'USD', issues: [] };
const sure = (fields: Record<string, number>) =>
  Object.fromEntries(['account_number', 'report_date', 'currency', ...Object.keys(fields)].map((k) => [k, 0.97]));

describe('when a report is ready for approval', () => {
  it('is ready when printed figures vouch for each other', () => {
    const fields = { total_equity: 1_000_000, maintenance_requirement: 400_000, excess_liquidity: 600_000 };
    const r = applyRules({ ...base, fields, confidence: sure(fields) }, { now });
    expect(r.needs_review).toBe(false);
    expect(r.issues.map((i) => i.code)).not.toContain('unverified');
  });

  it('goes to a human when nothing cross-checks the figures, however confident the reading', () => {
    const fields = { total_equity: 1_000_000, maintenance_requirement: 400_000, buying_power: 1_200_000 };
    const r = applyRules({ ...base, fields, confidence: sure(fields) }, { now });
    expect(r.needs_review).toBe(true);
    expect(r.issues.find((i) => i.code === 'unverified')?.message).toMatch(/could not be cross-checked/);
  });

  it('accepts the equity decomposition as a cross-check', () => {
    const fields = {
      total_equity: 900_000,
      maintenance_requirement: 300_000,
      cash_balance: 100_000,
      long_market_value: 1_000_000,
      short_market_value: -200_000,
    };
    const r = applyRules({ ...base, fields, confidence: sure(fields) }, { now });
    expect(r.needs_review).toBe(false);
  });
});
