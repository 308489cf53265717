import { SHARED_SYMBOLS } from '../vocabulary/currencies.ts';
import type { NumberLocale } from '../vocabulary/number-formats.ts';
import { detectDocumentCurrency } from './currency.parser.ts';
import { detectDateOrder } from './date.order.ts';
import type { DateOrderReading } from './date.parser.ts';
import { toHalfWidth } from './number.reader.ts';
import { detectLocale } from './value.parser.ts';

/**
 * The formats a whole document writes in, read once from all its text before any figure is read:
 * its decimal mark, its date order (with how sure), and the currency that decides a shared symbol.
 */
export interface DocumentFormats {
  locale: NumberLocale;
  dateOrder: DateOrderReading;
  /**
   * The document's currency where it decides an undecided shared symbol (`¥` is the yuan in a
   * document that says CNY or 元); null otherwise, so `$` stays the US dollar.
   */
  currency: string | null;
}

const UNDECIDED_CODES = new Set(
  Object.values(SHARED_SYMBOLS)
    .filter((s) => !s.decided)
    .flatMap((s) => s.codes),
);

export function readDocumentFormats(raw: string): DocumentFormats {
  const text = toHalfWidth(raw);
  const doc = detectDocumentCurrency(text);
  return {
    locale: detectLocale(text),
    dateOrder: detectDateOrder(text),
    currency: doc && UNDECIDED_CODES.has(doc.code) ? doc.code : null,
  };
}
