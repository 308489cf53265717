/**
 * How markets write a figure: the marks between digit groups, the decimal mark, how digits are
 * grouped (thousands, or the Indian lakh/crore grouping `12,34,567.89`), and every way a statement
 * says "negative" or "credit". The amount parser reads these; tests format values in every style
 * listed here and parse them back.
 */

/** Whether a document writes `1,234.56` (decimal point) or `1.234,56` (decimal comma). */
export type NumberLocale = 'dot' | 'comma';

/** Characters printed between digit groups besides `,` and `.`: spaces of several widths and apostrophes. */
export const SPACE_GROUP_MARKS = [' ', '\u00a0', '\u202f', '\u2009'] as const;
export const APOSTROPHE_GROUP_MARKS = ["'", '’'] as const;

/** Digit grouping of the integer part: `western` is 1-3 digits then threes; `indian` is 1-2 digits then twos, then a final three. */
export type Grouping = 'western' | 'indian' | 'none';

export interface NumberStyle {
  name: string;
  group: string;
  decimal: '.' | ',';
  grouping: Grouping;
  locale: NumberLocale;
}

/** Every style the parser accepts; a property test formats values in each and parses them back. */
export const NUMBER_STYLES: readonly NumberStyle[] = [
  { name: 'us', group: ',', decimal: '.', grouping: 'western', locale: 'dot' },
  { name: 'continental', group: '.', decimal: ',', grouping: 'western', locale: 'comma' },
  { name: 'space-comma', group: ' ', decimal: ',', grouping: 'western', locale: 'comma' },
  { name: 'nbsp-comma', group: '\u00a0', decimal: ',', grouping: 'western', locale: 'comma' },
  { name: 'thin-space-comma', group: '\u202f', decimal: ',', grouping: 'western', locale: 'comma' },
  { name: 'space-dot', group: ' ', decimal: '.', grouping: 'western', locale: 'dot' },
  { name: 'swiss', group: "'", decimal: '.', grouping: 'western', locale: 'dot' },
  { name: 'swiss-typographic', group: '’', decimal: '.', grouping: 'western', locale: 'dot' },
  { name: 'indian', group: ',', decimal: '.', grouping: 'indian', locale: 'dot' },
  { name: 'plain-dot', group: '', decimal: '.', grouping: 'none', locale: 'dot' },
  { name: 'plain-comma', group: '', decimal: ',', grouping: 'none', locale: 'comma' },
];

/**
 * CJK documents print figures in full-width forms (`１，２３４．５６`, `￥`, `－`, `（）`): each is its
 * ASCII character shifted by this offset (U+FF01–U+FF5E ↔ U+0021–U+007E), one code unit for one.
 */
export const FULL_WIDTH_OFFSET = 0xfee0;
export const FULL_WIDTH_RANGE = [0xff01, 0xff5e] as const;

/** Most decimal places a money figure carries (crypto units print up to eight). */
export const MAX_DECIMALS = 8;

/** Minus signs: hyphen, Unicode minus, en dash, figure dash. */
export const MINUS_SIGNS = ['-', '−', '–', '‒'] as const;
export const PLUS_SIGNS = ['+'] as const;

/** Triangles Japanese and Korean statements print before a negative figure (`△1,234`, `▲1,234`). */
export const NEGATIVE_TRIANGLES = ['△', '▲', '▵', '▼'] as const;

/**
 * Marks after (or before) a figure that say debit or credit, in upper or title case (`DR`, `Dr`).
 * A debit balance is negative (`1,234.56 DR`, `1,234.56 DB`); a credit one positive.
 */
export const DEBIT_MARKS = ['DR', 'DB'] as const;
export const CREDIT_MARKS = ['CR'] as const;

/** Marks that stand for "nothing" in a figure cell (`–`, `—`). Words such as "None" are field vocabulary, not formats. */
export const NIL_MARKS = ['-', '–', '—', '−'] as const;
