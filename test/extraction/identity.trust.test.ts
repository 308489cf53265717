import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { solveReport } from '../../src/extraction/solver/report.solver.ts';

const cand = (target: FieldName, value: number, line: number, label: string, ocr = 0.9) =>
  ({ target, value, score: 0.9, ocr, weight: 1, page: 0, line, source: 'row', label }) as Candidate;

const solve = (list: Candidate[]) => {
  const byField = new Map<FieldName, Candidate[]>();
  for (const c of list) byField.set(c.target as FieldName, [...(byField.get(c.target as FieldName) ?? []), c]);
  return solveReport({ byField, rank: (c) => c.score, confOf: (c) => c.score });
};
const named = (r: ReturnType<typeof solve>, f: FieldName) => r.issues.filter((i) => i.field === f).map((i) => i.code);

describe('identities that cannot vouch for a scan', () => {
  it('lets no identity held only through a repaired figure confirm the figures it was repaired against', () => {
    // The scan lost the long value's leading digits (`€2,77,929.89` read `77,929.89`); the cash, read right
    // at 1,484,812.75, is one glyph from the 1,684,812.75 that equity − long − short then asks for.
    const r = solve([
      cand('total_equity', 1_743_994.47, 1, 'Total Equity'),
      cand('cash_balance', 1_484_812.75, 2, 'Cash Balance', 0.6),
      cand('long_market_value', 77_929.89, 3, 'Long Market Value'),
      cand('short_market_value', -18_748.17, 4, 'Short Market Value'),
    ]);
    expect(r.fields.get('cash_balance')!.pick.value).toBe(1_684_812.75);
    expect(named(r, 'cash_balance')).toContain('identity_repaired');
    for (const f of ['total_equity', 'long_market_value', 'short_market_value'] as const) {
      expect(r.fields.get(f)!.conf).toBeLessThan(0.8);
      expect(r.fields.get(f)!.confirmedBy).toBeNull();
      expect(named(r, f)).toContain('identity_broken');
    }
  });

  it('still confirms the figures of an identity that holds as read', () => {
    const r = solve([
      cand('total_equity', 1_943_994.47, 1, 'Total Equity'),
      cand('cash_balance', 1_684_812.75, 2, 'Cash Balance', 0.6),
      cand('long_market_value', 277_929.89, 3, 'Long Market Value'),
      cand('short_market_value', -18_748.17, 4, 'Short Market Value'),
    ]);
    expect(r.issues.map((i) => i.code)).not.toContain('identity_repaired');
    for (const f of ['total_equity', 'cash_balance', 'long_market_value'] as const)
      expect(r.fields.get(f)!.conf).toBeGreaterThanOrEqual(0.8);
  });

  it('lets a call that prints the deficit again vouch for neither where the excess breaks its own identity', () => {
    // Both printings of 448,920.34 read with the same slip (`€4,48,920.34` as `€1,48,920.34`).
    const figures = (excess: number) => [
      cand('total_equity', 1_743_994.47, 1, 'Total Equity'),
      cand('maintenance_requirement', 2_192_914.81, 2, 'Maintenance Requirement'),
      cand('excess_liquidity', excess, 3, 'Excess Liquidity'),
      cand('margin_call', -excess, 4, 'Margin Call'),
    ];
    const slip = solve(figures(-148_920.34));
    for (const f of ['margin_call', 'excess_liquidity'] as const) {
      expect(slip.fields.get(f)!.conf).toBeLessThan(0.8);
      expect(named(slip, f)).toContain('identity_broken');
    }
    // Read right, the excess identity holds and the call = deficit confirms the call as before.
    const right = solve(figures(-448_920.34));
    expect(right.fields.get('margin_call')!.conf).toBeGreaterThanOrEqual(0.8);
    expect(right.fields.get('margin_call')!.confirmedBy).toBe('call = deficit');
  });
});
