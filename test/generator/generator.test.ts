import { describe, expect, it } from 'vitest';
import { goodTruthSchema } from '../fixtures/truth.ts';
import { drawFigures, identitiesHold } from './figures.ts';
import { formatAmount, formatDate } from './formats.ts';
import { seeded } from './random.ts';
import { renderStatement } from './render.ts';
import { generateStatement, LAYOUTS } from './statement.ts';

/** The generator itself: its figures add up, its truth is what it prints, and a seed is a document. */
describe('statement generator', () => {
  it('draws figures that satisfy the accounting identities', () => {
    const rng = seeded(11);
    for (let i = 0; i < 2000; i++) {
      const f = drawFigures(rng, { deficit: rng.chance(0.4) });
      expect(identitiesHold(f), JSON.stringify(f)).toBe(true);
      expect(f.total_equity).toBeGreaterThan(0);
      expect(f.short_market_value).toBeLessThanOrEqual(0);
    }
  });

  it('prints negatives in every style and groups digits as asked', () => {
    const f = { grouping: 'lakh', negative: 'parens', prefix: '' } as const;
    expect(formatAmount(-257858093, f)).toBe('(25,78,580.93)');
    expect(formatAmount(-123456, { grouping: 'dot', negative: 'trailing', prefix: '' })).toBe('1.234,56-');
    expect(formatAmount(-123456, { grouping: 'comma', negative: 'dr', prefix: '$' })).toBe('$1,234.56 DR');
    expect(formatAmount(123456789, { grouping: 'apostrophe', negative: 'minus', prefix: '' })).toBe("1'234'567.89");
    expect(formatAmount(-123456, { grouping: 'comma', negative: 'inner', prefix: '$' })).toBe('$-1,234.56');
    expect(formatDate('2026-02-12', 'dmy-dash-upper')).toBe('12-FEB-2026');
  });

  it('writes truth in the scorer format, with every value printed on the page', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const g = generateStatement(5, i);
      seen.add(g.layout);
      expect(goodTruthSchema.safeParse(g.truth).success).toBe(true);
      const printed = g.pages.flatMap((p) => p.items.map((it) => it.text.replace(/\s+/g, '').toUpperCase()));
      for (const r of g.truth.reports) {
        expect(
          printed.some((t) => t.includes(r.account_number)),
          `${g.name} prints ${r.account_number}`,
        ).toBe(true);
      }
    }
    // Every layout primitive is reached by a few hundred seeds.
    expect([...seen].sort()).toEqual([...LAYOUTS].sort());
  });

  it('draws the line-printer layout only when asked, in Courier, two label/value blocks a line', () => {
    for (let i = 0; i < 40; i++) {
      expect(generateStatement(5, i).layout).not.toBe('line-printer');
      const g = generateStatement(5, i, { layout: 'line-printer' });
      expect(g.layout).toBe('line-printer');
      expect(g.font).toBe('courier');
      const lines = g.pages[0]!.items.map((it) => it.text).filter((t) => /\.\s?\.\s?\./.test(t));
      // Each line holds a label, its leader and figure, and the same again beside it (the last may hold one).
      expect(lines.length).toBe(
        Math.ceil(g.truth.reports[0]!.fields ? Object.keys(g.truth.reports[0]!.fields).length / 2 : 0),
      );
      if (lines.length > 1) expect(lines[0]!.split(/\s\.(?:\s?\.)+\s/).length).toBe(3);
    }
  });

  it('gives the same PDF for the same seed and a different one for another', async () => {
    const a = await renderStatement(generateStatement(3, 1));
    const b = await renderStatement(generateStatement(3, 1));
    const c = await renderStatement(generateStatement(3, 2));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });
});
