import { describe, expect, it } from 'vitest';
import { applyRules, type RuleInput } from '../../src/core/report/report.rules.ts';

const now = new Date('2026-11-28T12:00:00Z');
const base = (over: Partial<RuleInput> = {}): RuleInput => ({
  account_number: 'U1234567',
  report_date: '2026-11-27',
  currency: 'USD',
  fields: { total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 600 },
  confidence: {
    account_number: 1,
    report_date: 1,
    currency: 0.9,
    total_equity: 0.95,
    maintenance_requirement: 0.95,
    excess_liquidity: 0.95,
  },
  ...over,
});
const codes = (r: ReturnType<typeof applyRules>) => r.issues.map((i) => `${i.code}:${i.field ?? ''}`);

describe('applyRules', () => {
  it('passes a consistent report as ready, with confidence raised by the agreeing cross-check', () => {
    const r = applyRules(base(), { now });
    expect(r.needs_review).toBe(false);
    expect(r.issues).toEqual([]);
    expect(r.confidence.fields.excess_liquidity).toBeGreaterThanOrEqual(0.96);
    expect(r.data_quality_score).toBeGreaterThan(0.9);
  });

  it('does not let the identities vouch again for figures extraction placed by the identities', () => {
    const placed = {
      code: 'identity_placed',
      field: 'total_equity',
      severity: 'warning' as const,
      message: 'total_equity: 1,000.00 was placed by excess = equity − requirement',
    };
    const r = applyRules(base({ confidence: { ...base().confidence, total_equity: 0.72 }, issues: [placed] }), { now });
    expect(r.confidence.fields.total_equity).toBe(0.72);
    expect(r.confidence.fields.excess_liquidity).toBeGreaterThanOrEqual(0.96);
    expect(r.needs_review).toBe(true);
  });

  it('does not let the identities vouch for parts extraction found interchangeable', () => {
    const swap = (field: string) => ({
      code: 'interchangeable_parts',
      field,
      severity: 'info' as const,
      message: `${field}: satisfies excess = equity − maintenance either way round`,
    });
    const r = applyRules(
      base({
        confidence: { ...base().confidence, maintenance_requirement: 0.72, excess_liquidity: 0.72 },
        issues: [swap('maintenance_requirement'), swap('excess_liquidity')],
      }),
      { now },
    );
    expect(r.confidence.fields.maintenance_requirement).toBe(0.72);
    expect(r.confidence.fields.excess_liquidity).toBe(0.72);
    expect(r.confidence.fields.total_equity).toBeGreaterThanOrEqual(0.96);
    expect(r.needs_review).toBe(true);
  });

  it('lets no identity vouch for its terms when one of them was repaired to fit it, and doubts the terms of a broken one', () => {
    // An OCR slip under a clear label (equity 2,408.72 for 22,408.72) and a cash figure "repaired" by one
    // glyph to fit it: equity = cash + long + short then holds by construction, and excess = equity −
    // requirement breaks. Nothing independent vouches for equity, so it goes to review.
    const fields = {
      total_equity: 2408.72,
      maintenance_requirement: 18923.23,
      excess_liquidity: 3485.49,
      cash_balance: -53360.98,
      long_market_value: 50000,
      short_market_value: 5769.7,
    };
    const repaired = {
      code: 'identity_repaired',
      field: 'cash_balance',
      severity: 'warning' as const,
      message: 'cash_balance: one glyph from what equity = cash + long + short requires',
    };
    const confidence = {
      ...base().confidence,
      cash_balance: 0.44,
      long_market_value: 0.95,
      short_market_value: 0.9,
    };
    const r = applyRules(base({ fields, confidence, issues: [repaired] }), { now });
    expect(r.confidence.fields.total_equity).toBeLessThan(0.8);
    expect(r.confidence.fields.maintenance_requirement).toBeLessThan(0.8);
    expect(r.confidence.fields.long_market_value).toBe(0.95);
    expect(codes(r)).toContain('low_confidence:total_equity');
    expect(codes(r)).toContain('unverified:');
    // Without the repair the same sum is an independent agreement and confirms equity, so the broken
    // excess identity doubts only what nothing vouched for.
    const clean = applyRules(base({ fields, confidence }), { now });
    expect(clean.confidence.fields.total_equity).toBeGreaterThanOrEqual(0.96);
    expect(clean.confidence.fields.maintenance_requirement).toBeLessThan(0.8);
  });

  it('flags a missing required field by name', () => {
    const r = applyRules(base({ account_number: null }), { now });
    expect(r.needs_review).toBe(true);
    expect(codes(r)).toContain('missing_required:account_number');
  });

  it('accepts excess over the initial requirement on futures statements', () => {
    const r = applyRules(
      base({
        fields: { total_equity: 1000, maintenance_requirement: 400, initial_requirement: 500, excess_liquidity: 500 },
        confidence: {},
      }),
      { now },
    );
    expect(codes(r)).not.toContain('excess_mismatch:excess_liquidity');
  });

  it('flags an excess that matches neither requirement, naming the field', () => {
    const r = applyRules(
      base({ fields: { total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 700 } }),
      { now },
    );
    expect(codes(r)).toContain('excess_mismatch:excess_liquidity');
    expect(r.needs_review).toBe(true);
  });

  it('flags a call without a deficit and a deficit without a call', () => {
    const callNoDeficit = applyRules(
      base({ fields: { total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 600, margin_call: 50 } }),
      { now },
    );
    expect(codes(callNoDeficit)).toContain('call_mismatch:margin_call');
    const deficitNoCall = applyRules(
      base({ fields: { total_equity: 300, maintenance_requirement: 400, excess_liquidity: -100, margin_call: 0 } }),
      { now },
    );
    expect(codes(deficitNoCall)).toContain('call_mismatch:margin_call');
  });

  it('checks equity against cash plus long plus short when all are present', () => {
    const fields = {
      total_equity: 1000,
      maintenance_requirement: 400,
      excess_liquidity: 600,
      cash_balance: 100,
      long_market_value: 1200,
      short_market_value: -300,
    };
    expect(codes(applyRules(base({ fields }), { now }))).not.toContain('equity_mismatch:total_equity');
    expect(codes(applyRules(base({ fields: { ...fields, cash_balance: 150 } }), { now }))).toContain(
      'equity_mismatch:total_equity',
    );
  });

  it('flags future and impossible dates', () => {
    expect(codes(applyRules(base({ report_date: '2027-01-05' }), { now }))).toContain('future_date:report_date');
    expect(codes(applyRules(base({ report_date: '2026-02-30' }), { now }))).toContain('invalid_date:report_date');
  });

  it('flags implausible magnitudes and negative requirements', () => {
    const r = applyRules(
      base({ fields: { total_equity: 1000, maintenance_requirement: -400, excess_liquidity: 1400 } }),
      { now },
    );
    expect(codes(r)).toContain('implausible_value:maintenance_requirement');
  });

  it('sends a report with a low-confidence field to review and names the field', () => {
    const r = applyRules(
      base({ fields: { total_equity: 1000, maintenance_requirement: 400 }, confidence: { total_equity: 0.6 } }),
      { now },
    );
    expect(r.needs_review).toBe(true);
    expect(codes(r)).toContain('low_confidence:total_equity');
  });

  it('never throws on disagreement: it returns issues', () => {
    expect(() =>
      applyRules(base({ fields: { total_equity: -5, maintenance_requirement: 1e13 } }), { now }),
    ).not.toThrow();
  });
});
