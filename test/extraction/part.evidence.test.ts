import { describe, expect, it } from 'vitest';
import { chosenSide, levered, mayBeBuyingPower, requirementSide } from '../../src/extraction/solver/part.evidence.ts';

describe('requirementSide: which part of equity = requirement + excess is which, by other printed figures', () => {
  it('takes a figure of 2× or 4× one part as buying power on it, so that part is the excess', () => {
    expect(requirementSide(300, 700, { levered: [1_400], initial: [] })).toBe(1);
    expect(requirementSide(300, 700, { levered: [2_800], initial: [] })).toBe(1);
    expect(requirementSide(700, 300, { levered: [1_400], initial: [] })).toBe(-1);
    // 3× is no margin leverage; a figure on neither part says nothing.
    expect(requirementSide(300, 700, { levered: [2_100, 55], initial: [] })).toBe(0);
  });

  it('takes an initial requirement that one part exceeds as the bound of the maintenance one', () => {
    expect(requirementSide(300, 700, { levered: [], initial: [450] })).toBe(1);
    expect(requirementSide(700, 300, { levered: [], initial: [450] })).toBe(-1);
    // Above both parts, it bounds both: no verdict.
    expect(requirementSide(300, 700, { levered: [], initial: [900] })).toBe(0);
  });

  it('gives no verdict where the evidence contradicts itself, the parts are equal, or one is not positive', () => {
    expect(requirementSide(300, 700, { levered: [600], initial: [450] })).toBe(0);
    expect(requirementSide(500, 500, { levered: [1_000], initial: [] })).toBe(0);
    expect(requirementSide(-300, 700, { levered: [1_400], initial: [] })).toBe(0);
  });

  it('judges a report’s chosen values, the initial requirement only when it is trusted', () => {
    const v = { total_equity: 1_000, maintenance_requirement: 700, excess_liquidity: 300, initial_requirement: 450 };
    expect(chosenSide(v, 'maintenance_requirement', [], true)).toBe(-1);
    expect(chosenSide(v, 'maintenance_requirement', [], false)).toBe(0);
    // A printed figure under a label that leans to no other field counts as buying power; a part never does.
    expect(chosenSide(v, 'maintenance_requirement', [{ value: 1_400, label: 'Purchasing Capacity' }], false)).toBe(-1);
    expect(chosenSide(v, 'maintenance_requirement', [{ value: 1_400, label: 'Cash Ledger Amount' }], false)).toBe(0);
    expect(chosenSide({ ...v, buying_power: 600 }, 'maintenance_requirement', [], false)).toBe(1);
  });

  it('knows margin leverage and a label that may stand over buying power', () => {
    expect(levered(200, 100)).toBe(true);
    expect(levered(400, 100)).toBe(true);
    expect(levered(0, 0)).toBe(false);
    expect(mayBeBuyingPower('Buying Capacity')).toBe(true);
    expect(mayBeBuyingPower('Maintenance Requirement')).toBe(false);
  });
});
