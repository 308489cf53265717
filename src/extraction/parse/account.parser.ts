import { COMBINED_HEADING_PHRASES, NUMBER_SIGNS, NUMBER_WORDS } from '../vocabulary/document.words.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { alternation, phraseRegExp } from '../vocabulary/word.patterns.ts';

/**
 * Account numbers as printed after an account label: `U1234567`, `7700 4412 93`, `123-45678`,
 * `ABC.12345`, `XXXX-1234`. Normalised to upper case with spaces removed, hyphens and dots kept.
 */

export function normalizeAccount(raw: string): string {
  return raw.toUpperCase().replace(/\s+/g, '');
}

const TOKEN = /^[A-Za-z0-9*][A-Za-z0-9*.\-/]*$/;
/** A signed amount with two decimals, grouped or not, in either decimal convention. */
const MONEY = new RegExp(
  String.raw`^[(\-−]?\d{1,3}(?:[ ,.'’]?\d{3})*[.,]\d{2}(?:[-−)]|\s?(?:${alternation([...DEBIT_MARKS, ...CREDIT_MARKS])}))?$`,
  'i',
);
/**
 * What may stand between an account label and its number (`No.`, `number:`, `#`, `ID`). A word ends
 * where the number starts only after a mark or a space: letters glued to the digits (`NO746399`,
 * `ID44021`) are the number's own prefix.
 */
const NUMBER_LEAD = new RegExp(
  String.raw`^(?:${alternation([...NUMBER_SIGNS, ...NUMBER_WORDS])})(?:(?<=[^\p{L}\p{N}])|(?![\p{L}\p{N}]))\s*[:#]?\s*`,
  'iu',
);
const COMBINED = phraseRegExp(COMBINED_HEADING_PHRASES);

/**
 * Reads the account token at the start of `text` (what follows the label). Takes consecutive
 * space-separated pieces while they look like parts of one number (`7700 4412 93`, `U 1234567`).
 */
export function readAccountToken(text: string): { value: string; quality: number } | null {
  // A scan may read the label's colon as a plus apart from the number (`Konto + 0482-331907.62`).
  const t = text.replace(/^(?:[\s:#=.\-–—·•∙|]|\+(?=\s))+/, '').replace(NUMBER_LEAD, '');
  const first = t.split(/\s{2,}/)[0] ?? ''; // a double space ends the token
  // A money figure (`4 304 308,53-`, `19202.24-`, `(1,234.56)`) is never an account number.
  // So is one printed after its currency (`USD 7 517 439,99-`, `€ 1.234,56`).
  const bare = first.trim();
  if (MONEY.test(bare) || MONEY.test(bare.replace(/^(?:[A-Z]{3}|\p{Sc})\s?/u, ''))) return null;
  const parts = first.split(' ');
  const taken: string[] = [];
  for (const raw of parts) {
    const p = raw.replace(/[,;:)]+$/, '');
    if (!p || !TOKEN.test(p)) break;
    const prev = taken[taken.length - 1];
    if (prev === undefined) {
      // A short letter prefix may be printed apart from the digits (`U 1234567`).
      if (!/\d/.test(p) && !/^[A-Z]{1,3}$/i.test(p) && !/^[X*]{2,}[-.]?$/i.test(p)) break;
    } else {
      const prefixOnly = !/\d/.test(prev);
      // Digit groups printed apart (`7700 4412 93`, `5WX 882140`, `tdb 44 9021`, `9960-421 883 0`) are one number.
      const digitGroup =
        /^\d{1,7}$/.test(p) &&
        (/^\d+$/.test(prev) || prev.length <= 4 || /^\d{2,6}-\d{1,4}$/.test(prev)) &&
        taken.join('').length + p.length <= 16;
      if (!(prefixOnly && /\d/.test(p)) && !digitGroup) break;
    }
    taken.push(p);
    if (p !== raw) break;
  }
  while (taken.length && !/\d/.test(taken[taken.length - 1]!)) taken.pop();
  const value = normalizeAccount(taken.join(''));
  const digits = (value.match(/\d/g) ?? []).length;
  if (value.length < 4 || value.length > 24 || digits < 3) return null;
  // Amounts (thousands or lakh grouping, decimal point or comma), dates and years are not account numbers.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) || /^\d+[.,]\d{2}$/.test(value)) return null;
  if (/^\d{1,2}(,\d{2})+,\d{3}(\.\d+)?$/.test(value) || /^\d{1,3}(\.\d{3})+,\d{2}$/.test(value)) return null;
  // A date after a word (`account on 31.12.2026.`) is no account either.
  const digitsPart = value.replace(/^[A-Z]{1,3}/, '').replace(/[.\-/]+$/, '');
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(digitsPart) || /^(?:19|20)\d{2}$/.test(value)) return null;
  const quality = digits >= 5 ? 1 : 0.85;
  return { value: value.replace(/[.\-/]+$/, ''), quality };
}

/** True for text that names a household/combined total rather than an account. */
export function isCombinedHeading(text: string): boolean {
  return COMBINED.test(text);
}
