import { SHARED_SYMBOLS } from '../vocabulary/currencies.ts';
import { APOSTROPHE_GROUP_MARKS, type NumberLocale, SPACE_GROUP_MARKS } from '../vocabulary/number-formats.ts';
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
  /**
   * Whether the document may group digits by spaces: it prints a spaced figure with decimals
   * (`1 234 567,89`), or groups no figure by another mark. Where its figures read `1,234.56`, the
   * spaces in `Qty 100 200 300` part whole numbers, and never join them into one figure.
   */
  spaceGroups: boolean;
  /**
   * Whether the document writes a negative figure's minus before its currency code (`-USD 1,234.56`)
   * and never after a figure (`USD 1,234.56-`): then a minus run onto a figure's end, before the next
   * code, is the next figure's (see layout/glued.codes.ts).
   */
  minusLeadsCode: boolean;
}

const SPACES = `[${SPACE_GROUP_MARKS.join('')}]`;
const SPACED_DECIMAL = new RegExp(`(?<![\\d.,])\\d{1,3}(?:${SPACES}\\d{3})+[.,]\\d{1,2}(?!\\d)`);
const OTHER_GROUPED = new RegExp(
  `(?<![\\d.,])\\d{1,3}(?:(?:,\\d{3})+(?:\\.\\d+)?|(?:\\.\\d{3})+,\\d{1,2}|(?:[${APOSTROPHE_GROUP_MARKS.join('')}]\\d{3})+)(?![\\d])`,
);

/** A minus before a code-led figure that stands alone, and a minus after a figure that stands alone. */
const MINUS_THEN_CODE = /(?:^|\s)[-−][A-Z]{3}\s?\d/m;
const FIGURE_THEN_MINUS = /\d[.,]\d{2}[-−](?:\s|$)/m;

/** Whether spaces may be the document's digit-group marks (see `DocumentFormats.spaceGroups`). */
export function mayGroupBySpaces(text: string): boolean {
  return SPACED_DECIMAL.test(text) || !OTHER_GROUPED.test(text);
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
    spaceGroups: mayGroupBySpaces(text),
    minusLeadsCode: MINUS_THEN_CODE.test(text) && !FIGURE_THEN_MINUS.test(text),
  };
}
