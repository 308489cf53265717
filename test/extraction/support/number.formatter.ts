import type { NumberStyle } from '../../../src/extraction/vocabulary/number-formats.ts';

/**
 * Test-side writer of figures, written apart from the parser: it formats a value the way a statement
 * of a given style prints it, so a property test can parse it back.
 */

/** Seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function groupDigits(int: string, style: NumberStyle): string {
  if (style.grouping === 'none' || int.length <= 3) return int;
  const last = int.slice(-3);
  let head = int.slice(0, -3);
  const size = style.grouping === 'indian' ? 2 : 3;
  const groups: string[] = [];
  while (head.length > size) {
    groups.unshift(head.slice(-size));
    head = head.slice(0, -size);
  }
  if (head) groups.unshift(head);
  return [...groups, last].join(style.group);
}

/** `1234567.89` in style `indian` with 2 decimals → `12,34,567.89`. */
export function formatNumber(value: number, style: NumberStyle, decimals: number): string {
  const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = groupDigits(int!, style);
  return frac ? `${grouped}${style.decimal}${frac}` : grouped;
}

/** Ways a statement marks a negative figure; `@` is the figure's digits. */
export const NEGATIVE_FORMS = ['-@', '@-', '(@)', '△@', '▲@', '@ DB', '@ DR', '−@', '– @'] as const;

/** Ways a figure carries its currency; `@` is the (possibly signed) figure. */
export const CURRENCY_FORMS: readonly { form: string; currency?: string }[] = [
  { form: '@' },
  { form: '$@', currency: 'USD' },
  { form: '€ @', currency: 'EUR' },
  { form: '£@', currency: 'GBP' },
  { form: '₹@', currency: 'INR' },
  { form: '@ EUR', currency: 'EUR' },
  { form: 'USDT @', currency: 'USDT' },
  { form: '@ USDC', currency: 'USDC' },
  { form: 'CHF @', currency: 'CHF' },
];
