import { describe, expect, it } from 'vitest';
import { parseAmountStrict } from '../../src/contract/amount.strict.ts';
import { parseAmount } from '../../src/extraction/parse/value.parser.ts';
import { NUMBER_STYLES } from '../../src/extraction/vocabulary/number-formats.ts';
import { CURRENCY_FORMS, formatNumber, NEGATIVE_FORMS, seeded } from './support/number.formatter.ts';

const CASES_PER_STYLE = 150;
const DECIMALS = [0, 1, 2, 2, 2, 4, 8];

function randomValue(rand: () => number, decimals: number): number {
  const digits = 1 + Math.floor(rand() * 10);
  const int = Math.floor(rand() * 10 ** digits);
  const frac = decimals ? Math.floor(rand() * 10 ** decimals) / 10 ** decimals : 0;
  return Number((int + frac).toFixed(decimals));
}

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

describe('every accepted amount string round-trips', () => {
  for (const style of NUMBER_STYLES) {
    it(`formats and parses back ${CASES_PER_STYLE} figures in the ${style.name} style`, () => {
      const rand = seeded(style.name.length * 7919 + style.group.charCodeAt(0 || 0));
      for (let i = 0; i < CASES_PER_STYLE; i++) {
        const decimals = pick(rand, DECIMALS);
        const value = randomValue(rand, decimals);
        const negative = rand() < 0.5 && value !== 0;
        let text = formatNumber(value, style, decimals);
        // A lone mark before exactly three decimals is refused by design (see the refusal tests).
        if (decimals === 3) continue;
        if (negative) text = pick(rand, NEGATIVE_FORMS).replace('@', text);
        const cur = pick(rand, CURRENCY_FORMS);
        text = cur.form.replace('@', text);
        const expected = negative ? -value : value;
        const strict = parseAmountStrict(text, { locale: style.locale });
        expect(strict, text).toEqual(
          cur.currency ? { ok: true, value: expected, currency: cur.currency } : { ok: true, value: expected },
        );
      }
    });
  }

  it('reads the same figures inside a statement cell as the strict reader does', () => {
    const rand = seeded(42);
    // Cells print space-grouped figures with decimals only (two bare integers side by side must not merge).
    const styles = NUMBER_STYLES.filter((s) => s.group !== ' ');
    for (let i = 0; i < 400; i++) {
      const style = pick(rand, styles);
      const decimals = pick(rand, [0, 2, 2, 4]);
      const value = randomValue(rand, decimals);
      const negative = rand() < 0.5 && value !== 0;
      let text = formatNumber(value, style, decimals);
      if (negative) text = pick(rand, NEGATIVE_FORMS).replace('@', text);
      const cur = pick(
        rand,
        CURRENCY_FORMS.filter((c) => c.form.endsWith('@') || !/D[BR]$/.test(text)),
      );
      text = cur.form.replace('@', text);
      const expected = negative ? -value : value;
      const found = parseAmount(text, style.locale);
      expect(found?.value, text).toBe(expected);
      expect(found?.currency, text).toBe(cur.currency);
    }
  });
});

describe('refused strings are refused', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['1,2,3,4', 'bad_grouping'],
    ['12,3456.00', 'bad_grouping'],
    ['1,234 567.00', 'bad_grouping'],
    ['1.234,567.89', 'bad_grouping'],
    ['1,,234', 'bad_grouping'],
    ['$-$5', 'repeated_currency'],
    ['$5 USD', 'repeated_currency'],
    ['--5', 'repeated_sign'],
    ['(-5)', 'repeated_sign'],
    ['-5-', 'repeated_sign'],
    ['△-5', 'repeated_sign'],
    ['(5) DR', 'repeated_sign'],
    ['-5 CR', 'conflicting_signs'],
    ['+-5', 'conflicting_signs'],
    ['(5', 'unbalanced_parentheses'],
    ['5)', 'unbalanced_parentheses'],
    ['1-2-3', 'unexpected_text'],
    ['5 apples', 'unexpected_text'],
    ['1.234', 'ambiguous_separator'],
    ['1.123456789', 'too_many_decimals'],
  ])('refuses %j (%s)', (text, reason) => {
    const r = parseAmountStrict(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/\.$/);
    }
  });

  it('refuses every figure whose digit groups sit in impossible places', () => {
    const rand = seeded(7);
    for (let i = 0; i < 300; i++) {
      // Two to five groups of random length, at least one of them impossible for any grouping.
      const n = 2 + Math.floor(rand() * 4);
      const groups = Array.from({ length: n }, () =>
        String(1 + Math.floor(rand() * 9)).repeat(1 + Math.floor(rand() * 5)),
      );
      const lengths = groups.map((g) => g.length);
      const western = lengths[0]! <= 3 && lengths.slice(1).every((l) => l === 3);
      const indian = lengths[0]! <= 2 && lengths.at(-1) === 3 && lengths.slice(1, -1).every((l) => l === 2) && n > 2;
      if (western || indian) continue;
      const text = `${groups.join(',')}.00`;
      expect(parseAmountStrict(text).ok, text).toBe(false);
      expect(parseAmount(text), text).toBeNull();
    }
  });

  it('reads the locale decimal mark as a group only when the locale says so', () => {
    expect(parseAmountStrict('1.234', { locale: 'comma' })).toEqual({ ok: true, value: 1234 });
    expect(parseAmountStrict('1,234')).toEqual({ ok: true, value: 1234 });
    expect(parseAmountStrict('1,234', { locale: 'comma' }).ok).toBe(false);
  });

  it('resolves a shared symbol only from the currency it is given', () => {
    expect(parseAmountStrict('¥1,234', { currency: 'CNY' })).toEqual({ ok: true, value: 1234, currency: 'CNY' });
    expect(parseAmountStrict('¥1,234')).toEqual({ ok: true, value: 1234, currency: 'JPY' });
  });
});
