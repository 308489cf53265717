import type { Segmented } from '../layout/segments.ts';
import {
  CURRENCY_CODE_SOURCE,
  currencyCodeIn,
  currencyFromCode,
  currencyFromName,
  currencyFromSymbol,
  isCurrencyCode,
} from '../parse/currency.parser.ts';
import {
  CONVERTED_TOTAL_WORDS,
  CONVERTED_WORDS,
  CURRENCY_HEADING_NOISE,
  CURRENCY_UNIT_WORDS,
  SHARED_SYMBOLS,
} from '../vocabulary/currencies.ts';
import { alternation, phraseRegExp } from '../vocabulary/word.patterns.ts';

/**
 * Currency section headings: a line that is only a currency (`USD`, `*** EURO ***`, `Currency: EUR`
 * decorated or bare) is a label cell that governs the figures below it, up to the next heading, the
 * next account or the next table title; `base` marks a converted / all-currency total
 * (`*** CONVERTED TO USD ***`), whose figures speak for the account where one currency's do not.
 */
export interface CurrencySection {
  code: string;
  base: boolean;
}

const DECORATION_LEAD = /^[*=#~+x-]{2,}\s*/i;
const DECORATION_TRAIL = /\s*[*=#~+x-]{2,}$/i;
/** A run of decoration counts when it holds at least two real marks (OCR turns some stars into x or +). */
const decoration = (run: RegExpExecArray | null) => (run && (run[0].match(/[*=#~+-]/g) ?? []).length >= 2 ? run : null);

const CONVERTED_TOTAL = phraseRegExp(CONVERTED_TOTAL_WORDS);
const CONVERTED = phraseRegExp(CONVERTED_WORDS);
const HEADING_NOISE = phraseRegExp(CURRENCY_HEADING_NOISE, 'gi');
// A code alone is printed in capitals, and may be a market ticker (`USDT`) as well as an ISO code.
const BARE_CURRENCY = new RegExp(
  String.raw`^(?:(?:[a-z]+\s+)?(?:${alternation(CURRENCY_UNIT_WORDS)})|[A-Z]{3,4})$`,
  'i',
);

/** A heading naming the currency of the figures under it; `base` for a converted / all-currency total. */
export function currencySection(line: Segmented): CurrencySection | null {
  if (line.segs.length !== 1 || line.segs[0]!.kind !== 'text') return null;
  const raw = line.segs[0]!.text.trim();
  // `*** EURO ***`; in a scan OCR mangles some of the stars (`*x*x EURO ***`, `ves US DOLLARS ***`),
  // so one decorated end is enough, and a run may hold an x or + among at least two real marks.
  const lead = decoration(DECORATION_LEAD.exec(raw));
  const trail = decoration(DECORATION_TRAIL.exec(raw));
  const decorated = Boolean(lead || trail);
  const text = raw
    .slice(lead?.[0].length ?? 0, trail ? trail.index : raw.length)
    .replace(/^[*=\-#\s]+|[*=\-#\s]+$/g, '');
  if (text.length > 48 || text.split(/\s+/).length > 7) return null;
  const base = CONVERTED_TOTAL.test(text);
  const bare = BARE_CURRENCY.test(text);
  if (!decorated && !base && !bare) return null;
  if (!decorated && !bare && !CONVERTED.test(text)) return null;
  const code = currencyCode(text.replace(HEADING_NOISE, ' ').trim()) ?? currencyCode(text);
  return code ? { code, base } : null;
}

/** The currency a heading or phrase names, from the one currency table (`vocabulary/currencies.ts`). */
export function currencyCode(text: string): string | null {
  const t = text.trim();
  if (/^[A-Z]{3}$/.test(t)) return isCurrencyCode(t) ? t : null;
  return (isCurrencyCode(t) ? t : null) ?? currencyFromName(t) ?? currencyCodeIn(t);
}

const BRACKETED = /[([]\s*([^\s()[\]]{1,6})\s*[)\]]/g;
const CAPITAL_CODE = new RegExp(`(?<![A-Za-z])${CURRENCY_CODE_SOURCE}`, 'g');

/**
 * The currency a column title or a label names beside its words, for the figures under it:
 * `Amount (₹)`, `Margin (USDT)`, `Balance in INR`. A code counts in capitals only (`try` is a word),
 * a symbol only in brackets and only where it names one currency (`($)` and `(¥)` stay undecided:
 * the document's own currency says which). Null when the text names none, or more than one.
 */
export function titleCurrency(text: string): string | null {
  const found = new Set<string>();
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1]!;
    if (/^[A-Z]{3,4}$/.test(inner)) {
      if (isCurrencyCode(inner)) found.add(inner);
    } else if (!currencyFromCode(inner) && !(inner in SHARED_SYMBOLS)) {
      const own = currencyFromSymbol(inner);
      if (own) found.add(own.code);
    }
  }
  for (const m of text.matchAll(CAPITAL_CODE)) found.add(m[0]);
  return found.size === 1 ? [...found][0]! : null;
}
