import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';
import { statementRunner } from './support/statement.runner.ts';

/** A rate printed in brackets inside a label (`Maintenance Margin (25 %)`) belongs to the label: it is never a figure. */
const run = statementRunner();

describe('a percentage inside a label', () => {
  it('is no money figure, with or without a space before the sign', () => {
    expect(findAmounts('House Requirement (40%)')).toEqual([]);
    expect(findAmounts('House Requirement (40 %)')).toEqual([]);
    expect(findAmounts('Rate 12.5 % p.a.')).toEqual([]);
    expect(findAmounts('House Requirement (40 %)   61,200.00').map((a) => a.value)).toEqual([61_200]);
  });

  it('reads the figure beside the label, and no figure where the label stands alone', async () => {
    const head: [string, number, number][] = [
      ['MARGIN POSITION', 220, 40],
      ['Account:', 60, 70],
      ['LM-77102', 200, 70],
      ['As of:', 60, 85],
      ['2026-11-30', 200, 85],
      ['Net Liquidating Value', 60, 120],
      ['410,000.00', 320, 120],
    ];
    const [priced] = await run([[...head, ['Maintenance Requirement (25 %)', 60, 136], ['102,500.00', 320, 136]]]);
    expect(priced!.fields.maintenance_requirement).toBe(102_500);
    const [bare] = await run([[...head, ['Maintenance Requirement (25 %)', 60, 136]]]);
    expect(bare!.fields.maintenance_requirement).toBeUndefined();
  });
});
