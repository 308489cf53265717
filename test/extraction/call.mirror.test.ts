import { describe, expect, it } from 'vitest';
import { applyRules, type RuleInput } from '../../src/core/report/report.rules.ts';

const now = new Date('2026-11-28T12:00:00Z');
const report = (fields: RuleInput['fields']): RuleInput => ({
  account_number: 'U1234567',
  report_date: '2026-11-27',
  currency: 'EUR',
  fields,
  confidence: {
    account_number: 1,
    report_date: 1,
    currency: 0.9,
    ...Object.fromEntries(Object.keys(fields).map((f) => [f, 0.93])),
  },
  issues: [],
});

describe('a call checked against the figures around it', () => {
  it('doubts a call that repeats an excess in doubt: both printings may carry the same slip', () => {
    // `€4,48,920.34` read `€1,48,920.34` twice: the call equals the deficit, the excess breaks equity − requirement.
    const slip = applyRules(
      report({
        total_equity: 1_743_994.47,
        maintenance_requirement: 2_192_914.81,
        excess_liquidity: -148_920.34,
        margin_call: 148_920.34,
      }),
      { now },
    );
    expect(slip.confidence.fields.margin_call).toBeLessThan(0.8);
    expect(slip.confidence.fields.excess_liquidity).toBeLessThan(0.8);
    const right = applyRules(
      report({
        total_equity: 1_743_994.47,
        maintenance_requirement: 2_192_914.81,
        excess_liquidity: -448_920.34,
        margin_call: 448_920.34,
      }),
      { now },
    );
    expect(right.confidence.fields.margin_call).toBeGreaterThanOrEqual(0.96);
  });

  it('names a positive call where no excess is printed and equity is above every requirement', () => {
    const r = applyRules(
      report({
        total_equity: 52_890_719.81,
        maintenance_requirement: 6_417_549.24,
        initial_requirement: 9_330_309.18,
        margin_call: 92_946_341.14,
      }),
      { now },
    );
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'call_mismatch', field: 'margin_call' }));
    expect(r.confidence.fields.margin_call).toBeLessThan(0.8);
    // A deficit against the initial requirement allows a call (futures: it restores initial margin).
    const futures = applyRules(
      report({ total_equity: 800, maintenance_requirement: 600, initial_requirement: 1_000, margin_call: 200 }),
      { now },
    );
    expect(futures.issues.map((i) => i.code)).not.toContain('call_mismatch');
  });
});
