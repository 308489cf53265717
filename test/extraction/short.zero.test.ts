import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import type { Segmented } from '../../src/extraction/layout/segments.ts';
import { identitiesBroken, identitiesHolding } from '../../src/extraction/solver/accounting.identities.ts';
import { solveReport } from '../../src/extraction/solver/report.solver.ts';
import { printsNoShort } from '../../src/extraction/solver/short.printed.ts';

const cand = (target: FieldName, value: number, line: number, label: string, ocr = 0.9) =>
  ({ target, value, score: 0.95, ocr, weight: 1, page: 0, line, source: 'row', label }) as Candidate;

/** A scanned call notice: no short label anywhere, the cash read with a stray trailing digit. */
const notice = (cash: number) => [
  cand('total_equity', 83_278.6, 1, 'Total Equity'),
  cand('maintenance_requirement', 96_450, 2, 'Maintenance Requirement'),
  cand('excess_liquidity', -13_171.4, 3, 'Excess Liquidity'),
  cand('margin_call', 13_171.4, 4, 'Margin Call'),
  // The shakier reading of the two a one-glyph repair could fit (long reads 284,615.00, equity − cash wants .09).
  cand('cash_balance', cash, 5, 'Cash balance (debit)', 0.6),
  cand('long_market_value', 284_615, 6, 'Securities valued at'),
];

const lines = (...labels: string[]) =>
  labels.map((text, i) => ({
    index: i,
    segs: [
      { kind: 'text', text, x0: 10, x1: 200, conf: 0.9, cell: 0 },
      ...(text.includes('Short') ? [] : [{ kind: 'amount', text: '1.00', x0: 300, x1: 340, conf: 0.9, cell: 1 }]),
    ],
  })) as unknown as Segmented[];

const solve = (list: Candidate[], page: Segmented[]) => {
  const byField = new Map<FieldName, Candidate[]>();
  for (const c of list) byField.set(c.target as FieldName, [...(byField.get(c.target as FieldName) ?? []), c]);
  const noShortPrinted = printsNoShort(page, list);
  return solveReport({ byField, rank: (c) => c.score, confOf: (c) => c.score, noShortPrinted });
};

describe('equity = cash + long where the document prints no short value', () => {
  const plain = lines('Total Equity', 'Cash balance (debit)', 'Securities valued at');

  it('checks the identity with a short of 0, only when told the document prints none', () => {
    const v = { total_equity: 100, cash_balance: -50, long_market_value: 150 };
    expect(identitiesHolding(v).map((h) => h.name)).not.toContain('equity = cash + long + short');
    expect(identitiesHolding(v, true).find((h) => h.name === 'equity = cash + long + short')?.fields).toEqual([
      'total_equity',
      'cash_balance',
      'long_market_value',
    ]);
    expect(identitiesBroken({ ...v, cash_balance: -51 }, true).map((b) => b.name)).toContain(
      'equity = cash + long + short',
    );
  });

  it('repairs a stray trailing digit of the cash that equity − long gives, below review', () => {
    expect(printsNoShort(plain, [])).toBe(true);
    const r = solve(notice(-201_336.49), plain);
    expect(r.fields.get('cash_balance')!.pick.value).toBe(-201_336.4);
    expect(r.fields.get('cash_balance')!.conf).toBeLessThan(0.8);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'identity_repaired', field: 'cash_balance' }));
  });

  it('leaves it alone where a short label is printed without a readable figure', () => {
    const shown = lines('Total Equity', 'Cash balance (debit)', 'Short Market Value', 'Securities valued at');
    expect(printsNoShort(shown, [])).toBe(false);
    const r = solve(notice(-201_336.49), shown);
    expect(r.fields.get('cash_balance')!.pick.value).toBe(-201_336.49);
    expect(r.issues.map((i) => i.code)).not.toContain('identity_repaired');
    // A short candidate anywhere in the document means the same.
    expect(printsNoShort(plain, [cand('short_market_value', -1, 9, 'Short')])).toBe(false);
  });
});
