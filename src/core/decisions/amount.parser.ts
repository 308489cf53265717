/**
 * Amounts a person types into the Edit form. The same written forms statements print (grouping,
 * parentheses, a trailing minus, DR/CR, a currency symbol or code), read strictly: a string that
 * could mean two numbers, or that carries two signs or two currencies, is refused with a sentence,
 * never guessed at. Core cannot import the extractor's reader; a test keeps the two in agreement
 * (everything accepted here reads to the same value there).
 */

export type AmountReading = { ok: true; value: number; currency?: string } | { ok: false; reason: string };

/** What a symbol names; a bare `$` or `¥` names no one currency (CAD, AUD, CNY write them too). */
const SYMBOLS: Record<string, string | undefined> = {
  $: undefined,
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': undefined,
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  S$: 'SGD',
};
const CODES = 'USD|EUR|GBP|CHF|JPY|CAD|AUD|HKD|SGD|NZD|SEK|NOK|DKK|CNH|CNY|INR|MXN|ZAR|BRL|KRW|PLN|CZK|HUF|ILS|TRY';
const SYMBOL = String.raw`US\$|C\$|A\$|HK\$|S\$|[$€£¥]`;

/** Digits, or digits grouped in threes. The decimal mark is whichever of `.` `,` the grouping is not. */
const FORMS: { re: RegExp; group: string; decimal: string }[] = [
  { re: /^\d+(?:\.\d{1,4})?$/, group: '', decimal: '.' },
  { re: /^\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?$/, group: ',', decimal: '.' },
  { re: /^\d{1,3}(?:'\d{3})+(?:\.\d{1,4})?$/, group: "'", decimal: '.' },
  // Dot grouping needs a comma decimal or two groups: `1.234` alone is refused below as ambiguous.
  { re: /^\d{1,3}(?:\.\d{3})+,\d{1,4}$|^\d{1,3}(?:\.\d{3}){2,}$/, group: '.', decimal: ',' },
  // A comma followed by one, two or four digits cannot be grouping.
  { re: /^\d+,(?:\d{1,2}|\d{4})$/, group: '', decimal: ',' },
];

/** Doubles hold any decimal of up to 15 significant digits exactly as written. */
const MAX_DIGITS = 15;

const refuse = (reason: string): AmountReading => ({ ok: false, reason });

/** Reads one typed amount. Empty means "no value" and is the caller's to handle. */
export function parseEditedAmount(input: string): AmountReading {
  let s = input.trim().replace(/[\u2212\u2013]/g, '-');
  if (s.length > 64) return refuse('is too long to be an amount');
  let negative = 0;
  let signs = 0;
  const currencies: string[] = [];

  // Outside in, as statements print them: `(USD 1,234.56) USD DR` — a DR/CR suffix, a currency code
  // after the figure, parentheses around the figure, a code or symbols and a minus before it.
  const drcr = /^(.*?)\s*\b(DR|CR|Dr|Cr)$/.exec(s);
  if (drcr) {
    s = drcr[1]!.trim();
    signs++;
    if (drcr[2]!.toUpperCase() === 'DR') negative++;
  }
  const suffix = new RegExp(`^(.*?)\\s*\\b(${CODES})$`).exec(s);
  if (suffix) {
    s = suffix[1]!;
    currencies.push(suffix[2]!);
  }
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1]!.trim();
    negative++;
    signs++;
  }
  // A minus, a code and symbols before the figure, in any order: each one found counts, so `$-$5` has two currencies.
  const lead = new RegExp(`^(?:(-)|(${SYMBOL})|(${CODES})(?=[\\s\\-$€£¥]))\\s*`);
  for (let m = lead.exec(s); m; m = lead.exec(s)) {
    if (m[1]) {
      negative++;
      signs++;
    } else currencies.push(m[2] ? (SYMBOLS[m[2]] ?? m[2]) : m[3]!);
    s = s.slice(m[0].length);
  }
  const trailing = /^(.*?)\s*-$/.exec(s);
  if (trailing) {
    s = trailing[1]!;
    negative++;
    signs++;
  }
  if (signs > 1) return refuse('has more than one sign; write one, like -1234.56 or (1234.56)');
  if (currencies.length > 1) return refuse('names a currency twice; write one amount like $1,234.56');
  if (!/^[\d.,']+$/.test(s) || !/\d/.test(s)) return refuse('must be a number like 1,234,567.89');
  if (/^\d{1,3}\.\d{3}$/.test(s))
    return refuse('is ambiguous (thousands or decimals?); write 1,234 for a thousand or 1.2340 for a fraction');
  const form = FORMS.find((f) => f.re.test(s));
  if (!form) return refuse('has its separators in impossible places; write it like 1,234,567.89');
  if (/^0\d/.test(s)) return refuse('starts with a zero; write it like 1,234.56');
  const canonical = s
    .split(form.group || '\u0000')
    .join('')
    .replace(form.decimal, '.');
  if (canonical.replace(/^0+(?=\d)|\./g, '').replace(/^0+/, '').length > MAX_DIGITS)
    return refuse(`has more than ${MAX_DIGITS} digits; no margin figure is that large`);
  const magnitude = Number(canonical);
  if (!Number.isFinite(magnitude)) return refuse('must be a number like 1,234,567.89');
  const value = negative > 0 && magnitude !== 0 ? -magnitude : magnitude;
  const currency = currencies[0] && /^[A-Z]{3}$/.test(currencies[0]) ? currencies[0] : undefined;
  return currency ? { ok: true, value, currency } : { ok: true, value };
}

/**
 * How the form prints a stored value into its input, so that saving it unchanged reads the same
 * value back: plain digits, a dot decimal, and a fourth decimal where three would look like grouping.
 */
export function printEditedAmount(value: number): string {
  const plain = String(value);
  return /^-?\d{1,3}\.\d{3}$/.test(plain) ? `${plain}0` : plain;
}
