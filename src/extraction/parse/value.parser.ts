import {
  CREDIT_MARKS,
  DEBIT_MARKS,
  MAX_DECIMALS,
  MINUS_SIGNS,
  NEGATIVE_TRIANGLES,
  NIL_MARKS,
  NIL_WORDS,
  type NumberLocale,
} from '../vocabulary/number-formats.ts';
import { CURRENCY_CODE_SOURCE, CURRENCY_SYMBOL_SOURCE, currencyFromSymbol } from './currency.parser.ts';
import { readNumber, toHalfWidth } from './number.reader.ts';

/**
 * Money amounts as brokers print them: `1,234.56`, `1.234.567,89`, `1'234'567.89`, `12,34,567.89`,
 * `$ (1,234.56)`, `-1,234.56`, `1,234.56-`, `△1,234`, `1,234.56 DB`, `USD 1,234.56`, `–` for nil.
 * The formats are data (`vocabulary/number-formats.ts`, `vocabulary/currencies.ts`); this file only
 * puts them together.
 */

export type { NumberLocale } from '../vocabulary/number-formats.ts';
export { isCurrencyCode } from './currency.parser.ts';

export interface ParsedAmount {
  value: number;
  /** How sure the token is money rather than some other number (0..1). */
  quality: number;
  /** The currency code printed with the amount, when any (a symbol is resolved to its code). */
  currency?: string;
  /** True when the currency came from a shared symbol (`¥`) that the document has not decided. */
  currencyUndecided?: boolean;
}

export interface AmountContext {
  /** The document's currency, which decides a shared symbol (`¥` in a CNY document is the yuan). */
  currency?: string | null;
  /** Text read by OCR: a decimal mark misread as a group mark (`79.870.09`) is put back, at lower quality. */
  ocr?: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const alt = (xs: readonly string[]) => xs.map(esc).join('|');
const MINUS = `[${MINUS_SIGNS.map(esc).join('')}]`;
const TRIANGLE = `[${NEGATIVE_TRIANGLES.join('')}]`;
const caseForms = (w: string) => [w, w[0] + w.slice(1).toLowerCase()];
const DRCR = `(?:${alt([...DEBIT_MARKS, ...CREDIT_MARKS].flatMap(caseForms))})`;
const DEBIT_RE = new RegExp(`^(?:${alt(DEBIT_MARKS)})$`, 'i');
const NIL_RE = new RegExp(`^(?:${alt(NIL_MARKS)})+$`);
const DEC = `\\d{1,${MAX_DECIMALS}}`;
/** Marks after a figure's digits: debit/credit, a currency code or symbol, a closing parenthesis, a trailing minus. */
const TRAILING_MARKS = new RegExp(`\\s*(?:${alt([...DEBIT_MARKS, ...CREDIT_MARKS])}|[A-Z]{3}|[)\\p{Sc}\\-−])+$`, 'iu');

/** A figure as printed ends in cents (`1,234.56`, `1.234,56 DR`, `USD 12,00-`). */
export const printsCents = (text: string): boolean => /[.,]\d{2}$/.test(text.replace(TRAILING_MARKS, ''));

// Space-grouped thousands only with a decimal part (`191 767,64`), so two figures side by side never
// merge. Indian grouping (`12,34,567.89`) before thousands, which would stop at `12,34`.
const NUM_CORE = [
  String.raw`\d{1,3}(?: \d{3})+[.,]${DEC}(?!\d)`,
  String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.${DEC})?`,
  String.raw`\d{1,3}(?:[,.'’\u00a0\u202f\u2009]\d{3})+(?:[.,]${DEC})?`,
  String.raw`\d+(?:[.,]${DEC})?`,
  `[.,]${DEC}`,
].join('|');
const CUR = `(?:${CURRENCY_SYMBOL_SOURCE}|${CURRENCY_CODE_SOURCE})`;

/**
 * Finds money tokens inside free text (a cell or a sentence). The pattern keeps sign markers that
 * sit around the digits: parentheses, leading/trailing minus, triangles, DR/CR/DB before or after.
 * A digit group right after another group's mark (`1,2,3,4`) never starts a figure, and a number
 * before a percent sign (`30%`, `(35 %)`, a rate printed in a label) is never money.
 */
export const AMOUNT_RE = new RegExp(
  String.raw`(?<![\w./]|\d:|\w-|\d[,.'’])(?<cur0>${CUR}\s*(?=\())?(?<pre>\(\s*)?(?<drcr1>${DRCR}\s)?(?<cur1>${CUR}\s*)?(?<sign1>${MINUS}(?=\s?(?:[\d.]|${CUR}\s?[\d.]))|${TRIANGLE}\s?)?\s?(?<cur2>${CUR}\s*)?(?<num>${NUM_CORE})(?<post>(?:\s?[-−]|[–‒])(?![\w\d])|\s*\))?(?:\s?(?<cur3>${CUR}))?(?:\s?(?<drcr>${DRCR})(?![A-Za-z]))?(?![\w/%]|\s%|[.,:]\d|-\d)`,
  'g',
);

export interface AmountMatch extends ParsedAmount {
  index: number;
  length: number;
  raw: string;
}

/** All money-like tokens in `text`, with their position. A token with contradictory marks is skipped, not guessed. */
export function findAmounts(text: string, locale: NumberLocale = 'dot', context: AmountContext = {}): AmountMatch[] {
  const out: AmountMatch[] = [];
  text = toHalfWidth(text);
  const push = (parsed: ParsedAmount, index: number, raw: string, g: Record<string, string | undefined>) => {
    // `82,303,417.14(USD 2,926,490.14)`: an opening parenthesis run into the figure before it is still
    // this figure's own, and makes it negative.
    const opened = !g.pre && g.post?.includes(')') && text[index - 1] === '(' && /\d/.test(text[index - 2] ?? '');
    if (opened && parsed.value > 0)
      out.push({ ...parsed, value: -parsed.value, index: index - 1, length: raw.length + 1, raw: `(${raw}` });
    else out.push({ ...parsed, index, length: raw.length, raw });
  };
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const parsed = interpret(m.groups!, locale, context);
    // `USD 2,69,537.72 USD 1,234.00`, cells crowded together: a second currency after the figure is
    // the next figure's, not a contradiction. The figure ends before it; the code stays for what follows.
    const cur3 = m.groups!.cur3;
    if (!parsed && cur3 && [m.groups!.cur0, m.groups!.cur1, m.groups!.cur2].some((c) => c?.trim())) {
      const cut = m[0].lastIndexOf(cur3);
      const raw = m[0].slice(0, cut).trimEnd();
      const alone = interpret({ ...m.groups!, cur3: undefined, drcr: undefined }, locale, context);
      if (alone) {
        push(alone, m.index, raw, m.groups!);
        AMOUNT_RE.lastIndex = m.index + cut;
      }
      continue;
    }
    if (parsed) push(parsed, m.index, m[0], m.groups!);
  }
  return out;
}

/** Parses a token that should be one amount in full (a table cell). Nil dashes read as 0. */
export function parseAmount(
  token: string,
  locale: NumberLocale = 'dot',
  context: AmountContext = {},
): ParsedAmount | null {
  const t = token.trim();
  if (NIL_RE.test(t) || NIL_WORDS.includes(t.toLowerCase())) return { value: 0, quality: 0.6 };
  const all = findAmounts(t, locale, context);
  if (all.length !== 1) return null;
  const m = all[0]!;
  const rest = (t.slice(0, m.index) + t.slice(m.index + m.length)).trim();
  if (rest && !/^[:=]$/.test(rest)) return null;
  return m;
}

function interpret(
  g: Record<string, string | undefined>,
  locale: NumberLocale,
  ctx: AmountContext,
): ParsedAmount | null {
  const num = g.num!;
  // Money is never printed with a leading zero (`055.1252`, `0123`): that is an id or a code.
  if (/^0\d/.test(num) && !/^0+$/.test(num)) return null;
  let read = readNumber(num, { locale, ambiguous: 'locale' });
  // A figure OCR read with its decimal mark as a group mark is a guess: it stays below full certainty.
  let slip = false;
  if (!read.ok && ctx.ocr) {
    read = readNumber(num, { locale, ambiguous: 'locale', ocr: true });
    slip = read.ok;
  }
  if (!read.ok) return null;
  const value = read.value;
  // A lone parenthesis belongs to surrounding prose, not to a negative.
  const paren = Boolean(g.pre) && Boolean(g.post?.includes(')'));
  const trailingMinus = Boolean(g.post) && !g.post!.includes(')');
  const drcr = (g.drcr1 ?? g.drcr)?.trim();
  const debit = drcr !== undefined && DEBIT_RE.test(drcr);
  const negatives = [paren, Boolean(g.sign1), trailingMinus, debit].filter(Boolean).length;
  // Two negative marks (`(-5)`, `-5-`), a credit mark on a signed figure, two currencies (`$-$5`),
  // or DR and CR both: the token contradicts itself and is refused.
  if (negatives > 1 || (drcr && !debit && negatives > 0) || (g.drcr1 && g.drcr)) return null;
  const curTokens = [g.cur0, g.cur1, g.cur2, g.cur3].filter((c) => c?.trim());
  if (curTokens.length > 1) return null;
  const curRaw = curTokens[0]?.trim();
  const cur = curRaw ? currencyFromSymbol(curRaw, ctx.currency) : null;
  let quality = 0.6;
  if (/[.,]\d{2}$/.test(num)) quality = 1;
  else if (/\d[,.'’\u00a0\u202f\u2009]\d{3}/.test(num)) quality = 0.9;
  else if (cur) quality = 0.85;
  else if (num === '0') quality = 0.8;
  if (slip) quality = Math.min(quality, 0.85);
  const result: ParsedAmount = { value: negatives && value !== 0 ? -value : value, quality };
  if (cur) result.currency = cur.code;
  if (cur && !cur.decided) result.currencyUndecided = true;
  return result;
}

/** Digits with grouping and a decimal mark → number; null when the grouping is impossible. */
export function parseNumber(raw: string, locale: NumberLocale = 'dot'): number | null {
  const r = readNumber(raw, { locale, ambiguous: 'locale' });
  return r.ok ? r.value : null;
}

export interface LocaleReading {
  locale: NumberLocale;
  /** 0..1: share of the document's telling figures that agree; 0.5 when none tells. */
  confidence: number;
}

// Figures that can only be read one way: a group mark and a decimal mark both present, or a lone
// mark followed by two digits.
const COMMA_DECIMAL =
  /\d\.\d{3},\d{1,2}(?!\d)|\d[ \u00a0\u202f\u2009]\d{3},\d{1,2}(?!\d)|(?<![\d.,])\d{1,3},\d{2}(?![\d.,])/g;
const DOT_DECIMAL =
  /\d,\d{3}\.\d{1,2}(?!\d)|\d['’]\d{3}\.\d{1,2}(?!\d)|\d,\d{2},\d{3}\.\d{2}(?!\d)|(?<![\d.,])\d{1,3}\.\d{2}(?![\d.,])/g;

/** Whether a document writes `1.234,56` (comma decimals) or `1,234.56`, from its own figures. */
export function detectNumberLocale(text: string): LocaleReading {
  text = toHalfWidth(text);
  const comma = (text.match(COMMA_DECIMAL) ?? []).length;
  const dot = (text.match(DOT_DECIMAL) ?? []).length;
  if (comma + dot === 0) return { locale: 'dot', confidence: 0.5 };
  return comma > dot
    ? { locale: 'comma', confidence: comma / (comma + dot) }
    : { locale: 'dot', confidence: dot / (comma + dot) };
}

/** Guesses whether a document writes `1.234,56` (comma decimals) or `1,234.56`. */
export function detectLocale(text: string): NumberLocale {
  return detectNumberLocale(text).locale;
}
