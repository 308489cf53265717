import {
  DAY_FIRST_CURRENCIES,
  ENGLISH_ORDINAL_SUFFIXES,
  MONTH_FIRST_CURRENCIES,
  MONTH_NAMES,
} from '../vocabulary/date-words.ts';
import { detectDocumentCurrency } from './currency.parser.ts';
import type { DateOrder, DateOrderReading } from './date.parser.ts';
import { detectNumberLocale } from './value.parser.ts';

/**
 * Whether a document writes day or month first, decided once per document. Its own unambiguous
 * numeric dates (`27/11/2026`) decide with high confidence; failing those, signals lean one way
 * (dotted or written day-first dates, non-English month names, a decimal comma, a day-first
 * market's currency; month-first written dates or the US dollar); with neither, month-first at a
 * confidence that sends an ambiguous date to review.
 */

/** Confidence of an ambiguous date when the document's own dates decided the order. */
export const DECIDED_BY_DATES = 0.95;
/** When only signals leaned one way, as much as today's house default. */
export const DECIDED_BY_SIGNALS = 0.85;
/** When the document's dates contradict each other, or nothing decides: review. */
export const UNDECIDED = 0.7;

const ENGLISH = new Set(MONTH_NAMES.english!.flat());
const FOREIGN_MONTHS = [
  ...new Set(
    Object.entries(MONTH_NAMES)
      .filter(([lang]) => lang !== 'english')
      .flatMap(([, months]) => months.flat())
      .filter((w) => !ENGLISH.has(w) && w.length >= 4),
  ),
];
const FOREIGN_RE = new RegExp(`(?<![\\p{L}])(?:${FOREIGN_MONTHS.join('|')})(?![\\p{L}])`, 'iu');
const ENGLISH_WORDS = [...ENGLISH].sort((a, b) => b.length - a.length).join('|');
const ORDINAL = ENGLISH_ORDINAL_SUFFIXES.join('|');
const DAY_MONTH_RE = new RegExp(
  String.raw`(?<![\w])[0-3]?\d(?:${ORDINAL})?[\s-]+(?:${ENGLISH_WORDS})\.?[\s,-]+(?:19|20)?\d{2}(?!\d)`,
  'i',
);
const MONTH_DAY_RE = new RegExp(
  String.raw`(?<![\w])(?:${ENGLISH_WORDS})\.?\s+[0-3]?\d(?:${ORDINAL})?,\s*(?:19|20)\d{2}(?!\d)`,
  'i',
);
const NUMERIC_RE = /(?<![\d/.-])([0-3]?\d)([/-])([0-3]?\d)\2(?:19|20)?\d{2}(?![\d/]|[.-]\d)/g;
const DOTTED_RE = /(?<![\d.])[0-3]?\d\.[01]?\d\.(?:19|20)\d{2}(?!\d)/;

export function detectDateOrder(text: string): DateOrderReading {
  let dmy = 0;
  let mdy = 0;
  for (const m of text.matchAll(NUMERIC_RE)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b <= 12) dmy++;
    if (b > 12 && b <= 31 && a <= 12) mdy++;
  }
  if (dmy && mdy) return { order: dmy > mdy ? 'dmy' : 'mdy', confidence: UNDECIDED };
  if (dmy || mdy) return { order: dmy ? 'dmy' : 'mdy', confidence: DECIDED_BY_DATES };
  return leaning(text);
}

function leaning(text: string): DateOrderReading {
  let day = 0;
  let month = 0;
  if (DOTTED_RE.test(text)) day++;
  if (FOREIGN_RE.test(text)) day++;
  if (DAY_MONTH_RE.test(text)) day++;
  if (MONTH_DAY_RE.test(text)) month++;
  const locale = detectNumberLocale(text);
  if (locale.locale === 'comma' && locale.confidence > 0.5) day++;
  const currency = detectDocumentCurrency(text)?.code ?? (/(?<![A-Za-z])\$/.test(text) ? 'USD' : null);
  if (currency && (DAY_FIRST_CURRENCIES as readonly string[]).includes(currency)) day++;
  if (currency && (MONTH_FIRST_CURRENCIES as readonly string[]).includes(currency)) month++;
  if (day === month) return { order: 'mdy', confidence: UNDECIDED };
  const order: DateOrder = day > month ? 'dmy' : 'mdy';
  return { order, confidence: DECIDED_BY_SIGNALS };
}
