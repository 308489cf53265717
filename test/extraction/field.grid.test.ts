import { describe, expect, it } from 'vitest';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readFieldGrids } from '../../src/extraction/structure/field.grid.ts';
import { phrase, right } from './support/words.builder.ts';
import { segmented } from './support/words.reader.ts';

function read(words: PageWord[]) {
  const lines = segmented(words, { shuffle: 7 });
  const grids = readFieldGrids(lines);
  const cands = [...grids.byLine.values()].flat();
  return { lines, grids, cands };
}

describe('readFieldGrids', () => {
  it('reads tiles: stacked two-line titles over values, with prior values beside them as demoted rivals', () => {
    const words = [
      ...phrase('NET LIQUIDATING', 50, 100),
      ...phrase('CALL AMOUNT', 250, 100),
      ...phrase('VALUE', 50, 110),
      ...right('2,596,525.69', 200, 125),
      ...right('NONE', 300, 125),
      ...phrase('prior:', 95, 142),
      ...right('2,586,464.18', 200, 142),
    ];
    const { cands } = read(words);
    const eq = cands.filter((c) => c.target === 'total_equity');
    expect(eq.map((c) => c.value).sort()).toEqual([2586464.18, 2596525.69]);
    const current = eq.find((c) => c.value === 2596525.69)!;
    const prior = eq.find((c) => c.value === 2586464.18)!;
    expect(current.score).toBeGreaterThan(prior.score * 2);
    expect(prior.demoted).toMatch(/prior/);
    expect(current.demoted).toBeUndefined();
    expect(cands.find((c) => c.target === 'margin_call')?.value).toBe(0);
  });

  it('reads one row per account and never takes a total row for an account', () => {
    const words = [
      ...phrase('ACCOUNT', 20, 80),
      ...right('TOTAL EQUITY', 200, 80),
      ...right('HOUSE MAINT REQ', 300, 80),
      ...phrase('871-25798', 20, 100),
      ...right('39,734', 200, 100),
      ...right('49,006', 300, 100),
      ...phrase('351-46439', 20, 111),
      ...right('303,031', 200, 111),
      ...right('265,170', 300, 111),
      ...phrase('PAGE TOTAL', 20, 125),
      ...right('342,765', 200, 125),
      ...right('314,176', 300, 125),
    ];
    const { cands } = read(words);
    expect(cands.map((c) => [c.account, c.target, c.value])).toEqual([
      ['871-25798', 'total_equity', 39734],
      ['871-25798', 'maintenance_requirement', 49006],
      ['351-46439', 'total_equity', 303031],
      ['351-46439', 'maintenance_requirement', 265170],
    ]);
  });

  it('reads labels across with Current / Prior Day / Change rows, ranking the current row first', () => {
    const words = [
      ...right('Net Liquidating', 150, 80),
      ...right('Excess', 250, 80),
      ...right('Value', 150, 90),
      ...phrase('Current', 20, 110),
      ...right('101,114.67', 150, 110),
      ...right('53,086.64', 250, 110),
      ...phrase('Prior Day', 20, 125),
      ...right('106,163.92', 150, 125),
      ...right('53,679.97', 250, 125),
      ...phrase('Change', 20, 140),
      ...right('(5,049.25)', 150, 140),
      ...right('(593.33)', 250, 140),
    ];
    const { cands } = read(words);
    const best = (f: string) =>
      cands.filter((c) => c.target === f).sort((a, b) => b.score * b.weight - a.score * a.weight)[0]!.value;
    expect(best('total_equity')).toBe(101114.67);
    expect(best('excess_liquidity')).toBe(53086.64);
    expect(cands.filter((c) => c.demoted).length).toBe(4);
  });

  it('leaves position tables and two-way tables (fields as rows too) to the rest of the reader', () => {
    const positions = [
      ...phrase('Symbol', 20, 80),
      ...right('Mkt Value', 200, 80),
      ...right('Maint. Req.', 300, 80),
      ...phrase('PLTR', 20, 95),
      ...right('440,342.00', 200, 95),
      ...right('220,171.00', 300, 95),
    ];
    expect(read(positions).grids.claimed.size).toBe(0);
    const twoWay = [
      ...right('Current Long', 200, 80),
      ...right('Current Short', 300, 80),
      ...phrase('Cash', 20, 95),
      ...right('16,749.59', 200, 95),
      ...right('0.00', 300, 95),
    ];
    expect(read(twoWay).grids.claimed.size).toBe(0);
  });

  it('reads captions under their figures: each title governs the figure above it in its column', () => {
    const words = [
      ...phrase('$370,737.35', 50, 100),
      ...phrase('$273,120.82', 230, 100),
      ...phrase('NET LIQUIDATION VALUE', 50, 116),
      ...phrase('EXCESS LIQUIDITY', 230, 116),
      ...phrase('$97,616.53', 50, 170),
      ...phrase('$179,645.77', 230, 170),
      ...phrase('MAINTENANCE MARGIN', 50, 186),
      ...phrase('INITIAL MARGIN', 230, 186),
    ];
    const { cands, grids } = read(words);
    expect(cands.map((c) => [c.target, c.value])).toEqual([
      ['total_equity', 370737.35],
      ['excess_liquidity', 273120.82],
      ['maintenance_requirement', 97616.53],
      ['initial_requirement', 179645.77],
    ]);
    expect(grids.claimed.size).toBe(4);
  });

  it('reads titles over figures downwards when figures stand both above and right below them', () => {
    const words = [
      ...phrase('12,000.00', 50, 80),
      ...phrase('NET LIQUIDATION VALUE', 50, 100),
      ...phrase('EXCESS LIQUIDITY', 230, 100),
      ...phrase('$370,737.35', 50, 112),
      ...phrase('$273,120.82', 230, 112),
    ];
    const { cands } = read(words);
    expect(cands.map((c) => [c.target, c.value])).toEqual([
      ['total_equity', 370737.35],
      ['excess_liquidity', 273120.82],
    ]);
  });
});
