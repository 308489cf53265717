import { CURRENCIES, type CurrencyEntry, SHARED_SYMBOLS } from './currencies.ts';

/**
 * Lookups over the one currency table (`vocabulary/currencies.ts`): by code, by symbol, by name,
 * and the currency a whole document speaks in, which is also what decides a shared symbol (`¥`).
 */

const BY_CODE = new Map<string, CurrencyEntry>(CURRENCIES.map((c) => [c.code, c]));
const BY_SYMBOL = new Map<string, string>(CURRENCIES.flatMap((c) => c.symbols.map((s) => [s, c.code] as const)));
const NAMES = CURRENCIES.flatMap((c) => c.names.map((n) => ({ name: n, code: c.code }))).sort(
  (a, b) => b.name.length - a.name.length,
);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

/** Every code in the table (ISO codes and market tickers), for building patterns. */
export const CURRENCY_CODES: readonly string[] = CURRENCIES.map((c) => c.code);

/** Regex source matching a currency code as a whole word (`USD`, `USDT`), longest first. */
export const CURRENCY_CODE_SOURCE = `(?:${[...CURRENCY_CODES].sort(byLength).join('|')})(?![A-Za-z])`;

/** Regex source matching any printed currency symbol, longest first (`HK$` before `$`). */
export const CURRENCY_SYMBOL_SOURCE = `(?:${[...BY_SYMBOL.keys(), ...Object.keys(SHARED_SYMBOLS)]
  .sort(byLength)
  .map((s) => (/[A-Za-z]$/.test(s) ? `${escapeRe(s)}(?![A-Za-z])` : escapeRe(s)))
  .join('|')})`;

/** True for a code in the table, exactly as printed in upper case (`OTE`, `SMA`, `ACH` are not currencies). */
export function isCurrencyCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** True for a market ticker with no ISO code (`USDT`): reported as printed, never as the currency it tracks. */
export function isMarketTicker(code: string): boolean {
  return BY_CODE.get(code)?.iso === false;
}

/** The code a text names when it is a code alone, in any case and perhaps in brackets (`(usd)` → `USD`). */
export function currencyFromCode(text: string): string | null {
  const t = text
    .trim()
    .replace(/^[([]\s*|\s*[)\]]$/g, '')
    .toUpperCase();
  return BY_CODE.has(t) ? t : null;
}

/** A code inside a longer text as a whole word, in any case (`Converted to usd` → `USD`). */
const CODE_IN_TEXT = new RegExp(`(?<![A-Za-z])${CURRENCY_CODE_SOURCE}`, 'i');
export function currencyCodeIn(text: string): string | null {
  const m = text.match(CODE_IN_TEXT);
  return m ? m[0].toUpperCase() : null;
}

/** The currency a name inside `text` stands for (`*** US DOLLARS ***` → `USD`), longest name first. */
export function currencyFromName(text: string): string | null {
  const t = text.toLowerCase();
  for (const { name, code } of NAMES) {
    const at = t.indexOf(name);
    if (at < 0) continue;
    const before = t[at - 1];
    const after = t[at + name.length];
    if ((before === undefined || !/\p{L}/u.test(before)) && (after === undefined || !/\p{L}/u.test(after))) return code;
  }
  return null;
}

/** True when the whole text is one currency's name (`Swiss Francs`, `US Dollars`). */
export function isCurrencyName(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return NAMES.some((n) => n.name === t);
}

/** Code, name or both: `EUR`, `Euro`, `US Dollars (USD)`. */
export function currencyFromText(text: string): string | null {
  return currencyFromCode(text) ?? currencyCodeIn(text) ?? currencyFromName(text);
}

export interface SymbolReading {
  code: string;
  /** False when the symbol is shared (`¥`) and nothing in the document decided which currency it is. */
  decided: boolean;
}

/**
 * The currency a printed symbol or code stands for. A shared symbol takes the document's currency
 * when that is one of its candidates (`¥` in a document that says `CNY` is the yuan); otherwise its
 * first candidate, marked undecided where the default is not safe.
 */
export function currencyFromSymbol(symbol: string, documentCurrency?: string | null): SymbolReading | null {
  const s = symbol.trim();
  const own = BY_SYMBOL.get(s) ?? currencyFromCode(s);
  if (own) return { code: own, decided: true };
  const shared = SHARED_SYMBOLS[s] ?? SHARED_SYMBOLS[s.toLowerCase()];
  if (!shared) return null;
  if (documentCurrency && shared.codes.includes(documentCurrency)) return { code: documentCurrency, decided: true };
  return { code: shared.codes[0]!, decided: shared.decided };
}

const NAME_RES = NAMES.map(({ name, code }) => ({
  code,
  re: new RegExp(`(?<!\\p{L})${escapeRe(name)}(?!\\p{L})`, 'gu'),
}));
const CODES_IN_TEXT = new RegExp(`(?<![A-Za-z])${CURRENCY_CODE_SOURCE}`, 'g');

export interface DocumentCurrency {
  code: string;
  /** 0..1: how clearly the document's own words name this currency. */
  confidence: number;
}

/**
 * The currency a document's text names most: codes, names and own symbols count; shared symbols
 * count only for a candidate the document names elsewhere. Null when the text names none.
 */
export function detectDocumentCurrency(text: string): DocumentCurrency | null {
  const counts = new Map<string, number>();
  const add = (code: string, n = 1) => counts.set(code, (counts.get(code) ?? 0) + n);
  for (const m of text.matchAll(CODES_IN_TEXT)) add(m[0]);
  const lower = text.toLowerCase();
  for (const { code, re } of NAME_RES) add(code, (lower.match(re) ?? []).length);
  for (const [sym, code] of BY_SYMBOL) {
    if (/^[A-Za-z]/.test(sym)) continue; // letter symbols (`RM`, `Fr.`) are too easily words
    add(code, text.split(sym).length - 1);
  }
  for (const c of [...counts.keys()]) if (!counts.get(c)) counts.delete(c);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return null;
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  return { code: top[0], confidence: top[1] / total };
}
