import { describe, expect, it } from 'vitest';
import { isCurrencyCode } from '../../src/extraction/parse/currency.parser.ts';
import { monthNumber } from '../../src/extraction/parse/date.parser.ts';
import {
  DAY_FIRST_CURRENCIES,
  MONTH_FIRST_CURRENCIES,
  MONTH_NAMES,
} from '../../src/extraction/vocabulary/date-words.ts';
import {
  CREDIT_MARKS,
  DEBIT_MARKS,
  MINUS_SIGNS,
  NEGATIVE_TRIANGLES,
  NUMBER_STYLES,
} from '../../src/extraction/vocabulary/number-formats.ts';

describe('date words', () => {
  it('gives every language twelve months', () => {
    for (const [lang, months] of Object.entries(MONTH_NAMES)) expect(months, lang).toHaveLength(12);
  });

  it('never lets one word name two different months across languages', () => {
    const seen = new Map<string, number>();
    for (const months of Object.values(MONTH_NAMES))
      months.forEach((names, i) => {
        for (const n of names) {
          expect(seen.get(n) ?? i + 1, n).toBe(i + 1);
          seen.set(n, i + 1);
          expect(monthNumber(n)).toBe(i + 1);
          expect(n).toBe(n.toLowerCase());
        }
      });
  });

  it('leans each currency one way at most, and only currencies of the table', () => {
    for (const c of [...DAY_FIRST_CURRENCIES, ...MONTH_FIRST_CURRENCIES]) expect(isCurrencyCode(c), c).toBe(true);
    const both = DAY_FIRST_CURRENCIES.filter((c) => (MONTH_FIRST_CURRENCIES as readonly string[]).includes(c));
    expect(both).toEqual([]);
  });
});

describe('number formats', () => {
  it('never uses a mark both as a group mark and as the decimal mark of one style', () => {
    for (const s of NUMBER_STYLES) expect(s.group, s.name).not.toBe(s.decimal);
  });

  it('keeps sign marks apart: a minus is never a triangle, a debit never a credit', () => {
    const signs = [...MINUS_SIGNS, ...NEGATIVE_TRIANGLES];
    expect(new Set(signs).size).toBe(signs.length);
    for (const d of DEBIT_MARKS) expect(CREDIT_MARKS as readonly string[]).not.toContain(d);
  });
});
