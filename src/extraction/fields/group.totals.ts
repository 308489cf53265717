import { money } from '../solver/issue.money.ts';
import type { Candidate } from './candidates.ts';

/** Weight left to a group's figure where the same label's total of all groups is printed too. */
const PART_WEIGHT = 0.5;
/** Parts that add up to a total: at most half a cent apart, per part. */
const CENT = 0.005;

const labelKey = (c: Candidate) => c.label.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * One label printed once per group (an exchange, a desk, a market) and once more for all of them
 * (`MAINTENANCE MARGIN` under each sub-total and under the grand total): where the readings of one field
 * under one label, in the document's currency, add up to one of them, that one is the total and the
 * others are its parts, which rank below it. The total is printed below every part; parts in another
 * currency (converted again below them), a prior or change column's figures and the total printed twice
 * (a summary beside the grand total) do not count.
 */
export function partsOfTotal(cands: Candidate[], baseCurrency: string | null): Candidate[] {
  const inBase = (c: Candidate) => !c.currency || !baseCurrency || c.currency === baseCurrency;
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    // A prior or change column's figure is no group's: current + change = prior adds up too.
    if (typeof c.value !== 'number' || c.value <= 0 || !inBase(c) || c.demoted) continue;
    groups.set(labelKey(c), [...(groups.get(labelKey(c)) ?? []), c]);
  }
  const parts = new Map<Candidate, number>();
  for (const group of groups.values()) {
    const values = [...new Set(group.map((c) => c.value as number))];
    if (values.length < 3) continue;
    const total = Math.max(...values);
    const rest = group.filter((c) => c.value !== total);
    // The total follows its groups: it is printed below every part.
    const first = Math.min(...group.filter((c) => c.value === total).map((c) => c.line));
    if (new Set(rest.map((c) => c.line)).size !== rest.length || rest.some((c) => c.line > first)) continue;
    const sum = rest.reduce((s, c) => s + (c.value as number), 0);
    if (Math.abs(sum - total) > CENT * rest.length) continue;
    for (const c of rest) parts.set(c, total);
  }
  if (parts.size === 0) return cands;
  return cands.map((c) => {
    const total = parts.get(c);
    return total === undefined
      ? c
      : {
          ...c,
          weight: c.weight * PART_WEIGHT,
          demoted: c.demoted ?? `a part of the total ${money(total)} under the same label`,
        };
  });
}
