/**
 * Money amounts as brokers print them: `1,234.56`, `1.234.567,89`, `1'234'567.89`, `$ (1,234.56)`,
 * `-1,234.56`, `1,234.56-`, `1,234.56 DR`, `USD 1,234.56`, `–` for nil.
 */

export type NumberLocale = 'dot' | 'comma';

export interface ParsedAmount {
  value: number;
  /** How sure the token is money rather than some other number (0..1). */
  quality: number;
  /** The currency code or symbol printed with the amount, when any. */
  currency?: string;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  S$: 'SGD',
  Fr: 'CHF',
};
const CODES = 'USD|EUR|GBP|CHF|JPY|CAD|AUD|HKD|SGD|NZD|SEK|NOK|DKK|CNH|CNY|INR|MXN|ZAR|BRL|KRW|PLN|CZK|HUF|ILS|TRY';

/** True for an ISO 4217 code statements use (`OTE`, `SMA`, `ACH` are not currencies). */
const CODE_RE = new RegExp(`^(?:${CODES})$`);
export const isCurrencyCode = (code: string) => CODE_RE.test(code);

// Space-grouped thousands only with a decimal part (`191 767,64`), so two figures side by side never merge.
const NUM_CORE = String.raw`\d{1,3}(?: \d{3})+[.,]\d{2}(?!\d)|\d{1,3}(?:[,.'’\u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,4})?|\d+(?:[.,]\d{1,4})?|[.,]\d{1,4}`;
const CUR = String.raw`(?:US\$|C\$|A\$|HK\$|S\$|[$€£¥]|(?:${CODES})\b)`;

/**
 * Finds money tokens inside free text (a cell or a sentence). The pattern keeps sign markers that
 * sit around the digits: parentheses, leading/trailing minus, DR/CR suffixes.
 */
export const AMOUNT_RE = new RegExp(
  String.raw`(?<![\w./]|\d:|\w-)(?<pre>\(\s*)?(?<cur1>${CUR}\s*)?(?<sign1>[-−–](?=\s?(?:[\d$€£¥.]|[A-Z]{2,3}\$?\s?\d)))?\s?(?<cur2>${CUR}\s*)?(?<num>${NUM_CORE})(?<post>\s?-(?![\w\d])|\s*\))?(?:\s?(?<cur3>(?:${CODES})\b|[€£$¥]))?(?:\s?(?<drcr>DR|CR|Dr|Cr)\b)?(?![\w/%]|[.,:]\d|-\d)`,
  'g',
);

export interface AmountMatch extends ParsedAmount {
  index: number;
  length: number;
  raw: string;
}

/** All money-like tokens in `text`, with their position. */
export function findAmounts(text: string, locale: NumberLocale = 'dot'): AmountMatch[] {
  const out: AmountMatch[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const parsed = interpret(m.groups!, locale);
    if (parsed) out.push({ ...parsed, index: m.index, length: m[0].length, raw: m[0] });
  }
  return out;
}

/** Parses a token that should be one amount in full (a table cell). Nil dashes read as 0. */
export function parseAmount(token: string, locale: NumberLocale = 'dot'): ParsedAmount | null {
  const t = token.trim();
  if (/^[-–—−]+$/.test(t) || /^nil$/i.test(t)) return { value: 0, quality: 0.6 };
  const all = findAmounts(t, locale);
  if (all.length !== 1) return null;
  const m = all[0]!;
  const rest = (t.slice(0, m.index) + t.slice(m.index + m.length)).trim();
  if (rest && !/^[:=]$/.test(rest)) return null;
  return m;
}

function interpret(g: Record<string, string | undefined>, locale: NumberLocale): ParsedAmount | null {
  const num = g.num!;
  // Money is never printed with a leading zero (`055.1252`, `0123`): that is an id or a code.
  if (/^0\d/.test(num) && !/^0+$/.test(num)) return null;
  const value = parseNumber(num, locale);
  if (value === null) return null;
  // A lone parenthesis belongs to surrounding prose, not to a negative.
  const paren = Boolean(g.pre) && Boolean(g.post?.includes(')'));
  const negative = paren || Boolean(g.sign1) || Boolean(g.post?.includes('-')) || /^d/i.test(g.drcr ?? '');
  const curRaw = (g.cur1 ?? g.cur2 ?? g.cur3 ?? '').trim();
  const currency = curRaw ? (SYMBOLS[curRaw] ?? curRaw.toUpperCase()) : undefined;
  let quality = 0.6;
  if (/[.,]\d{2}$/.test(num)) quality = 1;
  else if (/\d[,.'’\u00a0\u202f\u2009]\d{3}/.test(num)) quality = 0.9;
  else if (currency) quality = 0.85;
  else if (num === '0') quality = 0.8;
  const result: ParsedAmount = { value: negative && value !== 0 ? -value : value, quality };
  if (currency) result.currency = currency;
  return result;
}

/** Digits with grouping and a decimal mark → number. The last separator followed by 1, 2 or 4 digits is the decimal mark. */
export function parseNumber(raw: string, locale: NumberLocale = 'dot'): number | null {
  const s = raw.replace(/[\s\u00a0\u202f\u2009'’]/g, (c) => (c === "'" || c === '’' ? ',' : ','));
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep < 0) return Number(s);
  const tail = s.slice(lastSep + 1);
  const head = s.slice(0, lastSep);
  const sepChar = s[lastSep]!;
  const seps = new Set(s.replace(/\d/g, ''));
  let decimal: boolean;
  if (seps.size > 1) decimal = true;
  else if (tail.length !== 3) decimal = true;
  else if ((s.match(/[.,]/g) ?? []).length > 1) decimal = false;
  else if (head === '0' || head === '') decimal = true;
  else decimal = (sepChar === ',' && locale === 'comma') || (sepChar === '.' && locale === 'dot' && head.length > 3);
  const intPart = decimal ? head.replace(/[.,]/g, '') : s.replace(/[.,]/g, '');
  const n = decimal ? Number(`${intPart || '0'}.${tail}`) : Number(intPart);
  return Number.isFinite(n) ? n : null;
}

/** Guesses whether a document writes `1.234,56` (comma decimals) or `1,234.56`. */
export function detectLocale(text: string): NumberLocale {
  const comma = (text.match(/\d\.\d{3},\d{2}(?!\d)|\d\s\d{3},\d{2}(?!\d)|(?<![\d.,])\d{1,3},\d{2}(?![\d.,])/g) ?? [])
    .length;
  const dot = (text.match(/\d,\d{3}\.\d{2}(?!\d)|(?<![\d.,])\d{1,3}\.\d{2}(?![\d.,])/g) ?? []).length;
  return comma > dot ? 'comma' : 'dot';
}
