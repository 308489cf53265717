import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { identitiesBroken, identitiesHolding, pinned } from '../../src/extraction/solver/accounting.identities.ts';
import { labelClarity } from '../../src/extraction/solver/label.clarity.ts';
import type { OpenFigure } from '../../src/extraction/solver/open.figures.ts';
import { solveReport } from '../../src/extraction/solver/report.solver.ts';
import { figureBuilder } from './support/figures.builder.ts';

const cand = (target: FieldName, value: number, score: number, line: number, extra: Partial<Candidate> = {}) =>
  ({ target, value, score, ocr: 1, weight: 1, page: 0, line, source: 'row', label: target, ...extra }) as Candidate;

const solve = (list: Candidate[]) => {
  const byField = new Map<FieldName, Candidate[]>();
  for (const c of list) byField.set(c.target as FieldName, [...(byField.get(c.target as FieldName) ?? []), c]);
  return solveReport({ byField, rank: (c) => c.score * c.weight, confOf: (c) => c.score });
};

describe('solveReport', () => {
  it('knows the identities: equity, excess, and a call as the deficit or the way back to initial margin', () => {
    const names = (v: Record<string, number>) => identitiesHolding(v).map((i) => i.name);
    expect(names({ total_equity: 100, cash_balance: 20, long_market_value: 100, short_market_value: -20 })).toContain(
      'equity = cash + long + short',
    );
    expect(names({ total_equity: 100, maintenance_requirement: 130, excess_liquidity: -30, margin_call: 30 })).toEqual([
      'excess = equity − maintenance',
      'call = deficit',
    ]);
    expect(names({ total_equity: 80, initial_requirement: 100, margin_call: 20 })).toEqual(['call = initial − equity']);
    expect(names({ total_equity: 100, maintenance_requirement: 50, excess_liquidity: 40 })).toEqual([]);
  });

  it('does not let an identity vouch for which of two interchangeable parts is which when no label says so', () => {
    // equity = requirement + excess holds whichever of the two unknown columns is which.
    const r = solve([
      cand('total_equity', 1000, 0.95, 1, { label: 'Net Liquidating Value' }),
      cand('maintenance_requirement', 700, 0.95, 2, { label: 'Level Cushion' }),
      cand('excess_liquidity', 300, 0.95, 3, { label: 'Floor Needed' }),
    ]);
    for (const f of ['maintenance_requirement', 'excess_liquidity'] as const) {
      expect(r.fields.get(f)!.confirmedBy).toBeNull();
      expect(r.fields.get(f)!.conf).toBeLessThan(0.8);
      expect(r.issues).toContainEqual(expect.objectContaining({ code: 'interchangeable_parts', field: f }));
    }
    // The sum is the same either way: equity stays confirmed.
    expect(r.fields.get('total_equity')!.confirmedBy).toBe('excess = equity − maintenance');
  });

  it('places an interchangeable part by its own clear label, its partner’s, or a sign the partner cannot take', () => {
    const id = identitiesHolding({ total_equity: 100, maintenance_requirement: 70, excess_liquidity: 30 })[0]!;
    const v = { total_equity: 100, maintenance_requirement: 70, excess_liquidity: 30 };
    expect(pinned('maintenance_requirement', id, v, () => false)).toBe(false);
    expect(pinned('maintenance_requirement', id, v, (f) => f === 'excess_liquidity')).toBe(true);
    expect(pinned('total_equity', id, v, () => false)).toBe(true);
    // A deficit cannot be a requirement: the signs place both.
    const d = { total_equity: 100, maintenance_requirement: 130, excess_liquidity: -30 };
    const idD = identitiesHolding(d)[0]!;
    expect(pinned('excess_liquidity', idD, d, () => false)).toBe(true);
    // Cash and long swap freely; a negative short value cannot be long.
    const e = { total_equity: 100, cash_balance: 20, long_market_value: 100, short_market_value: -20 };
    const idE = identitiesHolding(e)[0]!;
    expect(pinned('cash_balance', idE, e, () => false)).toBe(false);
    expect(pinned('cash_balance', idE, e, (f) => f === 'long_market_value')).toBe(true);
    expect(pinned('short_market_value', idE, e, (f) => f !== 'short_market_value')).toBe(true);
  });

  it('settles two equal labels by the identity, and says why the other lost', () => {
    const r = solve([
      cand('total_equity', 1000, 0.95, 1),
      cand('maintenance_requirement', 400, 0.95, 2),
      cand('excess_liquidity', 600, 0.95, 3),
      cand('excess_liquidity', 700, 0.95, 9),
    ]);
    expect(r.fields.get('excess_liquidity')!.pick.value).toBe(600);
    expect(r.fields.get('excess_liquidity')!.confirmedBy).toBe('excess = equity − maintenance');
    expect(r.fields.get('excess_liquidity')!.rivals[0]).toMatchObject({
      reason: 'breaks excess = equity − maintenance',
    });
    expect(r.issues.filter((i) => i.code === 'ambiguous_value')).toEqual([]);
  });

  it('never lets an identity overrule a clearly better label, and keeps the loser as a rival', () => {
    const r = solve([
      cand('total_equity', 1000, 1, 1),
      cand('maintenance_requirement', 400, 1, 2),
      cand('maintenance_requirement', 300, 0.7, 8, { label: 'Look ahead maintenance' }),
      cand('excess_liquidity', 650, 1, 3),
      cand('excess_liquidity', 700, 0.7, 9),
    ]);
    expect(r.fields.get('maintenance_requirement')!.pick.value).toBe(400);
    expect(r.fields.get('maintenance_requirement')!.rivals.map((x) => x.cand.value)).toEqual([300]);
  });

  it('flags, below review, two different values with equal labels that no identity separates', () => {
    const r = solve([cand('total_equity', 1000, 0.95, 1), cand('total_equity', 1200, 0.95, 5)]);
    expect(r.fields.get('total_equity')!.conf).toBeLessThan(0.8);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'ambiguous_value', field: 'total_equity' })]);
  });

  it('keeps a demoted reading (a prior column) out of the ambiguity and names its reason', () => {
    const r = solve([
      cand('total_equity', 1000, 0.97, 1),
      cand('total_equity', 990, 0.97, 2, { demoted: 'prior: column' }),
    ]);
    const eq = r.fields.get('total_equity')!;
    expect(eq.pick.value).toBe(1000);
    expect(eq.conf).toBeGreaterThanOrEqual(0.8);
    expect(eq.rivals[0]!.reason).toBe('prior: column');
  });

  it('puts back a sign a reading lost where the identities need it, and flags it', () => {
    const r = solve([
      cand('total_equity', 62053.13, 1, 1),
      cand('long_market_value', 121777.22, 1, 2),
      cand('short_market_value', -54290.87, 1, 3),
      cand('cash_balance', 5433.22, 1, 4),
    ]);
    const cash = r.fields.get('cash_balance')!;
    expect(cash.pick.value).toBe(-5433.22);
    expect(cash.conf).toBeLessThan(0.8);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'identity_choice', field: 'cash_balance' }));
  });

  it('keeps a value below review when neither an identity nor an unambiguous label vouches for it', () => {
    const r = solve([
      cand('total_equity', 1000, 0.95, 1, { label: 'Equity Shown Overall' }),
      cand('maintenance_requirement', 400, 0.95, 2, { label: 'Maintenance Requirement' }),
    ]);
    expect(r.fields.get('total_equity')!.conf).toBeLessThan(0.8);
    expect(r.fields.get('maintenance_requirement')!.conf).toBeGreaterThanOrEqual(0.8);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'unconfirmed_value', field: 'total_equity' })]);
    // The same unclear label, confirmed by the identities, is trusted.
    const ok = solve([
      cand('total_equity', 1000, 0.95, 1, { label: 'Equity Shown Overall' }),
      cand('maintenance_requirement', 400, 0.95, 2, { label: 'Maintenance Requirement' }),
      cand('excess_liquidity', 600, 0.95, 3, { label: 'Excess Liquidity' }),
    ]);
    expect(ok.fields.get('total_equity')!.conf).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the fields of a broken identity in doubt, and a label that leaves the column open', () => {
    expect(identitiesBroken({ total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 500 })).toEqual([
      expect.objectContaining({ name: 'excess = equity − requirement' }),
    ]);
    expect(identitiesBroken({ excess_liquidity: 100, margin_call: 50 }).map((b) => b.name)).toEqual(['call = deficit']);
    expect(
      identitiesBroken({ total_equity: 80, initial_requirement: 100, excess_liquidity: 10, margin_call: 20 }),
    ).toEqual([]);
    const r = solve([
      cand('total_equity', 1000, 0.95, 1, { label: 'Net Liquidation Value' }),
      cand('maintenance_requirement', 400, 0.95, 2, { label: 'Maintenance Requirement' }),
      cand('excess_liquidity', 500, 0.95, 3, { label: 'Excess Liquidity' }),
      cand('cash_balance', 20, 0.95, 4, { label: 'Cash', unsure: 'two figures' }),
    ]);
    for (const f of ['total_equity', 'maintenance_requirement', 'excess_liquidity', 'cash_balance'] as const)
      expect(r.fields.get(f)!.conf, f).toBeLessThan(0.8);
  });
});

describe('labelClarity', () => {
  const clear = (text: string, f: FieldName) => labelClarity(text, f).clear;
  it('trusts a label whose every word is its field’s, in either half of a bilingual label', () => {
    expect(clear('Net Liquidation Value', 'total_equity')).toBe(true);
    expect(clear('House Maintenance Requirement (USD)', 'maintenance_requirement')).toBe(true);
    expect(clear('Kontosaldo / Cash Balance', 'cash_balance')).toBe(true);
    expect(clear('Excess over house requirement', 'excess_liquidity')).toBe(true);
  });
  it('doubts a label that names another field, a difference, or words it does not know', () => {
    expect(labelClarity('Initial Equity Required', 'total_equity').reason).toMatch(/initial requirement/);
    expect(clear('Equity over requirement', 'total_equity')).toBe(false);
    // 'Value of holdings' is long-value vocabulary since 1d652ec; 'book' is a word the vocabulary does not know.
    expect(clear('Value of Long Holdings', 'long_market_value')).toBe(true);
    expect(clear('Long Book Notional Value', 'long_market_value')).toBe(false);
  });
  it('reads a sentence by its last clause, around its filler words', () => {
    expect(labelClarity('Your long positions had a market value of', 'long_market_value', { prose: true }).clear).toBe(
      true,
    );
    expect(labelClarity('a maintenance deficiency of', 'maintenance_requirement', { prose: true }).clear).toBe(false);
  });
});

describe('one-glyph repairs by the identities', () => {
  const solveOcr = (list: Candidate[]) => {
    const byField = new Map<FieldName, Candidate[]>();
    for (const c of list) byField.set(c.target as FieldName, [...(byField.get(c.target as FieldName) ?? []), c]);
    return solveReport({ byField, rank: (c) => c.score * c.weight, confOf: (c) => c.score });
  };
  it('puts back a digit or a minus a scan lost where an identity requires it, below review', () => {
    const r = solveOcr([
      cand('total_equity', 100_000, 0.95, 1, { ocr: 0.9, label: 'Total Equity' }),
      cand('maintenance_requirement', 149_076.11, 0.95, 2, { ocr: 0.9, label: 'Maintenance Requirement' }),
      cand('excess_liquidity', -49_070.11, 0.95, 3, { ocr: 0.9, label: 'Excess Liquidity' }),
      cand('margin_call', 49_070.11, 0.95, 7, { ocr: 0.9, label: 'Margin Call' }),
      // Equity is confirmed as read by its parts, the deficit by the call: the requirement is the misread figure.
      cand('cash_balance', 10_000, 0.95, 4, { ocr: 0.9, label: 'Cash' }),
      cand('long_market_value', 100_000, 0.95, 5, { ocr: 0.9, label: 'Long Market Value' }),
      cand('short_market_value', -10_000, 0.95, 6, { ocr: 0.9, label: 'Short Market Value' }),
    ]);
    expect(r.fields.get('maintenance_requirement')!.pick.value).toBe(149_070.11);
    expect(r.fields.get('maintenance_requirement')!.conf).toBeLessThan(0.8);
    expect(r.issues.map((i) => i.code)).toContain('identity_repaired');
  });
  it('never touches a text-layer figure, nor a break two glyphs wide', () => {
    const text = solveOcr([
      cand('total_equity', 100_000, 0.95, 1),
      cand('maintenance_requirement', 49_076.11, 0.95, 2),
      cand('excess_liquidity', 50_929.89, 0.95, 3),
    ]);
    expect(text.fields.get('maintenance_requirement')!.pick.value).toBe(49_076.11);
    const wide = solveOcr([
      cand('total_equity', 100_000, 0.95, 1, { ocr: 0.9 }),
      cand('maintenance_requirement', 49_876.11, 0.95, 2, { ocr: 0.9 }),
      cand('excess_liquidity', 50_929.89, 0.95, 3, { ocr: 0.9 }),
    ]);
    expect(wide.fields.get('maintenance_requirement')!.pick.value).toBe(49_876.11);
  });
});

describe('figures printed under unknown labels that nothing read', () => {
  const { fig } = figureBuilder();
  const figure = (label: string, value: number, line: number) =>
    fig(label, value, { line, box: { x0: 400, y0: line * 12, x1: 450, y1: line * 12 + 10 } });
  const solveWith = (list: Candidate[], pool: OpenFigure[]) => {
    const byField = new Map<FieldName, Candidate[]>();
    for (const c of list) byField.set(c.target as FieldName, [...(byField.get(c.target as FieldName) ?? []), c]);
    return solveReport({ byField, rank: (c) => c.score, confOf: (c) => c.score, pool });
  };
  const read = [
    cand('total_equity', 1000, 0.95, 1, { label: 'Total Equity' }),
    cand('long_market_value', 700, 0.95, 2, { label: 'Long Market Value' }),
    cand('maintenance_requirement', 300, 0.95, 3, { label: 'Maintenance Requirement' }),
    cand('excess_liquidity', 700, 0.95, 4, { label: 'Excess Liquidity' }),
  ];

  it('reads a figure whose label leans to a field the report lacks, below review, and names the reason', () => {
    // cash + short = 300 with a zero short: two unknowns the identities alone cannot place; their labels lean.
    const r = solveWith(read, [figure('Cash Ledger Amount', 300, 5), figure('Value of Short Holdings', 0, 6)]);
    expect(r.fields.get('cash_balance')!.pick.value).toBe(300);
    expect(r.fields.get('short_market_value')!.pick.value).toBe(0);
    for (const f of ['cash_balance', 'short_market_value'] as const) expect(r.fields.get(f)!.conf).toBeLessThan(0.8);
    expect(
      r.issues
        .filter((i) => i.code === 'label_leaning')
        .map((i) => i.field)
        .sort(),
    ).toEqual(['cash_balance', 'short_market_value']);
  });

  it('reads no leaning figure that breaks an identity, nor one of two that lean to one field', () => {
    // 450 breaks equity = cash + long + short (1000 ≠ 450 + 700 + 0).
    const broken = solveWith(read, [figure('Cash Ledger Amount', 450, 5), figure('Value of Short Holdings', 0, 6)]);
    expect(broken.fields.has('cash_balance')).toBe(false);
    const two = solveWith(read, [figure('Cash Ledger Amount', 300, 5), figure('Cash Held at Close', 250, 6)]);
    expect(two.fields.has('cash_balance')).toBe(false);
    const unread = two.issues.filter((i) => i.code === 'unread_figure').map((i) => i.field);
    expect(unread).toEqual(['cash_balance']);
    expect(two.issues.find((i) => i.code === 'unread_figure')!.severity).toBe('warning');
  });

  it('says nothing of figures that were read, nor of a call word where the statement shows no deficit', () => {
    const r = solveWith(read, [figure('Total Equity', 1000, 1), figure('Amount', -25, 7)]);
    expect(r.issues.filter((i) => i.code === 'unread_figure')).toEqual([]);
  });
});
