import { CURRENCY_CODE_SOURCE, CURRENCY_SYMBOL_SOURCE, currencyFromSymbol } from './currency.parser.ts';
import { type NumberRefusal, readNumber, toHalfWidth } from './number.reader.ts';
import {
  CREDIT_MARKS,
  DEBIT_MARKS,
  MINUS_SIGNS,
  NEGATIVE_TRIANGLES,
  type NumberLocale,
  PLUS_SIGNS,
} from './number-formats.ts';

/**
 * The one strict amount parser: an amount typed or printed on its own (an Edit form field, a margin
 * call's met amount, a table cell), read strictly: every mark must have exactly one meaning. In
 * `src/contract/` so the Edit forms (core) accept exactly the written forms the extractor reads. `1,234.56`, `(1,234.56)`, `-$1,234.56`, `$-1,234.56`,
 * `1 234 567,89` (with `locale: 'comma'`), `12,34,567.89`, `△1,234`, `1,234.56 DB`, `EUR 5`, `5-`.
 * Refused: empty text, words, `1,2,3,4`, `$-$5`, `--5`, `(5`, `-5 CR`, `1-2-3`, and a lone `1.234`
 * whose mark is the locale's decimal mark (a grouping or three decimals: never guessed).
 */

export type StrictAmountRefusal =
  | NumberRefusal
  | 'empty'
  | 'repeated_sign'
  | 'conflicting_signs'
  | 'repeated_currency'
  | 'unbalanced_parentheses'
  | 'unexpected_text'
  | 'too_long'
  | 'too_large';

export type StrictAmount =
  | { ok: true; value: number; currency?: string }
  | { ok: false; reason: StrictAmountRefusal; message: string };

export interface StrictAmountOptions {
  /** The decimal mark convention; `dot` (`1,234.56`) unless the document or user says otherwise. */
  locale?: NumberLocale;
  /** The currency that decides a shared symbol (`¥`). */
  currency?: string | null;
}

/** Doubles hold every whole number of up to 15 digits exactly; no margin figure has more. */
const MAX_INTEGER_DIGITS = 15;
const MAX_CHARS = 64;

const MESSAGES: Record<StrictAmountRefusal, string> = {
  empty: 'No amount was given.',
  not_a_number: 'This is not a number.',
  bad_grouping: 'The digit grouping is not one a number can have.',
  ambiguous_separator:
    'The separator could be a thousands mark or a decimal mark; write it without doubt (for example 1234.56).',
  too_many_decimals: 'The amount has too many decimal places.',
  repeated_sign: 'The amount has more than one negative sign.',
  conflicting_signs: 'The amount is marked both positive and negative.',
  repeated_currency: 'The amount names its currency more than once.',
  unbalanced_parentheses: 'The parentheses around the amount do not match.',
  unexpected_text: 'The amount has text that is not part of a number.',
  too_long: 'This is too long to be an amount.',
  too_large: `The amount has more than ${MAX_INTEGER_DIGITS} digits before the decimal mark; no margin figure is that large.`,
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
type Mark = 'open' | 'close' | 'minus' | 'plus' | 'debit' | 'credit' | 'currency' | 'space';
const MARKS: [Mark, RegExp][] = [
  ['space', /^\s+/],
  ['open', /^\(/],
  ['close', /^\)/],
  ['minus', new RegExp(`^(?:${[...MINUS_SIGNS, ...NEGATIVE_TRIANGLES].map(esc).join('|')})`)],
  ['plus', new RegExp(`^(?:${PLUS_SIGNS.map(esc).join('|')})`)],
  ['debit', new RegExp(`^(?:${DEBIT_MARKS.join('|')})(?![A-Za-z])`, 'i')],
  ['credit', new RegExp(`^(?:${CREDIT_MARKS.join('|')})(?![A-Za-z])`, 'i')],
  ['currency', new RegExp(`^(?:${CURRENCY_SYMBOL_SOURCE}|${CURRENCY_CODE_SOURCE})`, 'i')],
];
const BODY = /^(?:\d|[.,]\d)[\d.,'’ \u00a0\u202f\u2009]*?\d(?![\d.,'’]|[ \u00a0\u202f\u2009]\d)|^\d/;

function readMarks(text: string, found: { mark: Mark; raw: string }[]): string {
  let rest = text;
  for (;;) {
    const hit = MARKS.map(([mark, re]) => ({ mark, m: rest.match(re) })).find((h) => h.m);
    if (!hit?.m) return rest;
    if (hit.mark !== 'space') found.push({ mark: hit.mark, raw: hit.m[0] });
    rest = rest.slice(hit.m[0].length);
  }
}

const refuse = (reason: StrictAmountRefusal): StrictAmount => ({ ok: false, reason, message: MESSAGES[reason] });

export function parseAmountStrict(text: string, opts: StrictAmountOptions = {}): StrictAmount {
  const t = toHalfWidth(text).trim();
  if (!t) return refuse('empty');
  if (t.length > MAX_CHARS) return refuse('too_long');
  const before: { mark: Mark; raw: string }[] = [];
  const rest = readMarks(t, before);
  const body = rest.match(BODY)?.[0];
  if (!body) return refuse(/\d/.test(rest) ? 'unexpected_text' : 'not_a_number');
  const after: { mark: Mark; raw: string }[] = [];
  if (readMarks(rest.slice(body.length), after)) return refuse('unexpected_text');
  const all = [...before, ...after];
  const count = (m: Mark) => all.filter((x) => x.mark === m).length;
  const opens = count('open');
  const closes = count('close');
  if (opens !== closes || opens > 1) return refuse('unbalanced_parentheses');
  // An opening parenthesis before the digits and its closing one after them, or none.
  if (opens && !(before.some((x) => x.mark === 'open') && after.some((x) => x.mark === 'close')))
    return refuse('unbalanced_parentheses');
  const negatives = count('minus') + count('debit') + opens;
  if (count('minus') > 1 || negatives > 1) return refuse('repeated_sign');
  if (negatives && (count('plus') || count('credit'))) return refuse('conflicting_signs');
  if (count('plus') > 1 || count('credit') > 1 || (count('plus') && count('credit'))) return refuse('repeated_sign');
  const currencies = all.filter((x) => x.mark === 'currency');
  if (currencies.length > 1) return refuse('repeated_currency');
  if (/^0\d/.test(body)) return refuse('not_a_number');
  const read = readNumber(body, { locale: opts.locale ?? 'dot', ambiguous: 'refuse' });
  if (!read.ok) return refuse(read.reason);
  if (Math.abs(read.value) >= 10 ** MAX_INTEGER_DIGITS) return refuse('too_large');
  const cur = currencies[0] ? currencyFromSymbol(currencies[0].raw, opts.currency) : null;
  const value = negatives && read.value !== 0 ? -read.value : read.value;
  return cur ? { ok: true, value, currency: cur.code } : { ok: true, value };
}

/**
 * How a form prints a stored value into its input, so that saving it unchanged reads the same value
 * back: plain digits, a dot decimal, and a fourth decimal where three would look like grouping.
 */
export function printAmount(value: number): string {
  const plain = String(value);
  return /\.\d{3}$/.test(plain) ? `${plain}0` : plain;
}
