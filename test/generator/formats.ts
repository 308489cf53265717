// How a generated statement prints amounts and dates: one style per document, drawn at random.
import type { Rng } from './random.ts';

/** `inner` puts the minus after the currency sign, as browsers print it: `$-1,234.56`. */
export type Negative = 'minus' | 'inner' | 'parens' | 'trailing' | 'dr';
export type Grouping = 'comma' | 'dot' | 'space' | 'apostrophe' | 'lakh' | 'none';

export interface NumberFormat {
  grouping: Grouping;
  negative: Negative;
  /** Printed before every amount (`$`, `USD `), or nothing. */
  prefix: string;
}

const GROUP_SEP: Record<Grouping, string> = { comma: ',', dot: '.', space: ' ', apostrophe: "'", lakh: ',', none: '' };
const DECIMAL: Record<Grouping, string> = {
  comma: '.',
  dot: ',',
  space: ',',
  apostrophe: '.',
  lakh: '.',
  none: '.',
};

export function drawNumberFormat(rng: Rng, currency: string): NumberFormat {
  const grouping = rng.pick<Grouping>(['comma', 'comma', 'comma', 'dot', 'space', 'apostrophe', 'lakh', 'none']);
  const negative = rng.pick<Negative>(['minus', 'inner', 'parens', 'trailing', 'dr']);
  const symbol = currency === 'USD' ? '$' : currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : '';
  const prefix = rng.pick(['', '', symbol, symbol ? `${currency} ` : '']);
  return { grouping, negative, prefix };
}

function group(digits: string, grouping: Grouping): string {
  if (grouping === 'none') return digits;
  if (grouping === 'lakh') {
    if (digits.length <= 3) return digits;
    const head = digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
    return `${head},${digits.slice(-3)}`;
  }
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEP[grouping]);
}

/** Integer cents as the document prints them. */
export function formatAmount(cents: number, f: NumberFormat): string {
  const abs = Math.abs(cents);
  const digits = `${group(String(Math.floor(abs / 100)), f.grouping)}${DECIMAL[f.grouping]}${String(abs % 100).padStart(2, '0')}`;
  const body = `${f.prefix}${digits}`;
  if (cents >= 0) return body;
  switch (f.negative) {
    case 'minus':
      return `-${body}`;
    case 'inner':
      return `${f.prefix}-${digits}`;
    case 'parens':
      return `(${body})`;
    case 'trailing':
      return `${body}-`;
    case 'dr':
      return `${body} DR`;
  }
}

/** How "no call" is printed: a word or a zero amount. */
export function formatNoCall(rng: Rng, f: NumberFormat): string {
  return rng.pick([
    'None',
    'NONE',
    'Nil',
    'NIL',
    f.grouping === 'comma' ? '.00' : formatAmount(0, f),
    formatAmount(0, f),
  ]);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type DateStyle = 'long' | 'dmy-text' | 'iso' | 'us-slash' | 'eu-dot' | 'ymd-dot' | 'dmy-dash-upper';

export function drawDateStyle(rng: Rng): DateStyle {
  return rng.pick<DateStyle>(['long', 'dmy-text', 'iso', 'us-slash', 'eu-dot', 'ymd-dot', 'dmy-dash-upper']);
}

/**
 * `iso` is YYYY-MM-DD. Numeric day-month styles are only used with a day above 12 by the caller
 * (`drawDate`), so the truth is never a guess between two readings.
 */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const mon = MONTHS[m - 1]!;
  switch (style) {
    case 'long':
      return `${mon} ${d}, ${y}`;
    case 'dmy-text':
      return `${d} ${mon.slice(0, 3)} ${y}`;
    case 'iso':
      return `${y}-${mm}-${dd}`;
    case 'us-slash':
      return `${mm}/${dd}/${y}`;
    case 'eu-dot':
      return `${dd}.${mm}.${y}`;
    case 'ymd-dot':
      return `${y}.${mm}.${dd}`;
    case 'dmy-dash-upper':
      return `${dd}-${mon.slice(0, 3).toUpperCase()}-${y}`;
  }
}

/** A business date in 2025–2027 with a day above 12 (see `formatDate`). */
export function drawDate(rng: Rng): string {
  const y = rng.int(2025, 2027);
  const m = rng.int(1, 12);
  const d = rng.int(13, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
