import {
  APOSTROPHE_GROUP_MARKS,
  FULL_WIDTH_OFFSET,
  FULL_WIDTH_RANGE,
  MAX_DECIMALS,
  type NumberLocale,
  SPACE_GROUP_MARKS,
} from './number-formats.ts';

/**
 * The digits of one figure (no sign, no currency) → a number, by the grouping rules of
 * `vocabulary/number-formats.ts`. Grouping in an impossible place (`1,2,3,4`, `12,3456.00`) is refused,
 * never reinterpreted.
 */

export type NumberRefusal = 'not_a_number' | 'bad_grouping' | 'ambiguous_separator' | 'too_many_decimals';

export type NumberReading = { ok: true; value: number } | { ok: false; reason: NumberRefusal };

export interface ReadNumberOptions {
  locale: NumberLocale;
  /**
   * A single `.` or `,` followed by exactly three digits (`1.234`) reads as a grouping or as three
   * decimals. `locale` follows the document's convention (a group mark of the locale groups; the
   * other mark groups too when the head cannot be a group, legacy reading of mixed documents);
   * `refuse` refuses it when the mark is the locale's decimal mark.
   */
  ambiguous: 'locale' | 'refuse';
  /**
   * Text from OCR, which reads a comma as a point and back: in `548.006.80` or `79.870.09` the
   * last mark, before exactly two digits, is the decimal mark printed as a group mark.
   */
  ocr?: boolean;
}

const FULL_WIDTH = new RegExp(
  `[\\u{${FULL_WIDTH_RANGE[0].toString(16)}}-\\u{${FULL_WIDTH_RANGE[1].toString(16)}}\u3000]`,
  'gu',
);

/**
 * Full-width digits, marks and letters as their ASCII forms, and the ideographic space as a space.
 * One code unit for one, so positions in the text hold.
 */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET),
  );
}

const SPACES = new Set<string>(SPACE_GROUP_MARKS);
const APOSTROPHES = new Set<string>(APOSTROPHE_GROUP_MARKS);
const fail = (reason: NumberRefusal): NumberReading => ({ ok: false, reason });

/** Normalised group-mark class of a separator character: `s` (spaces), `'` (apostrophes), `.` or `,`. */
function markClass(c: string): string {
  if (SPACES.has(c)) return 's';
  if (APOSTROPHES.has(c)) return "'";
  return c;
}

/** True when the integer digit groups follow thousands (1-3 then threes) or Indian (1-2, twos, then three) grouping. */
export function validGrouping(groups: readonly string[]): boolean {
  if (groups.length < 2) return true;
  const [first, ...rest] = groups;
  const last = rest[rest.length - 1]!;
  if (!first || first.length > 3 || last.length !== 3) return false;
  const middle = rest.slice(0, -1);
  if (middle.every((g) => g.length === 3)) return true;
  return first.length <= 2 && middle.length > 0 && middle.every((g) => g.length === 2);
}

export function readNumber(raw: string, opts: ReadNumberOptions): NumberReading {
  if (!raw || !/^[\d.,'’ \u00a0\u202f\u2009]+$/.test(raw) || !/\d$/.test(raw) || !/^(?:\d|[.,]\d)/.test(raw))
    return fail('not_a_number');
  // Split into digit runs and the single mark between each pair.
  const runs = raw.split(/[^\d]/);
  const marks = raw.match(/[^\d]/g) ?? [];
  if (runs.some((r, i) => r === '' && i !== 0)) return fail('bad_grouping'); // two marks in a row
  if (marks.length === 0) return { ok: true, value: Number(raw) };
  const classes = marks.map(markClass);
  const last = classes[classes.length - 1]!;
  const tail = runs[runs.length - 1]!;
  const distinct = new Set(classes);
  let decimal: boolean;
  if (last === 's' || last === "'") decimal = false;
  else if (distinct.size > 1) decimal = true;
  else if (classes.length > 1) decimal = Boolean(opts.ocr) && tail.length === 2;
  else if (runs[0] === '' || runs[0] === '0') decimal = true;
  else if (tail.length !== 3) decimal = true;
  else {
    const localeDecimal = opts.locale === 'comma' ? ',' : '.';
    if (last === localeDecimal) {
      if (opts.ambiguous === 'refuse') return fail('ambiguous_separator');
      // A head of four or more digits cannot be a group: the mark is decimal. Otherwise the legacy
      // reading: a dot-locale `1.234` is a grouping printed by a mixed document, a comma-locale `1,234` three decimals.
      decimal = opts.locale === 'comma' || runs[0]!.length > 3;
    } else decimal = runs[0]!.length > 3;
  }
  const intRuns = decimal ? runs.slice(0, -1) : runs;
  const groupClasses = decimal ? classes.slice(0, -1) : classes;
  if (new Set(groupClasses).size > 1) return fail('bad_grouping');
  if (decimal && groupClasses[0] === last && !opts.ocr) return fail('bad_grouping');
  if (decimal && tail.length > MAX_DECIMALS) return fail('too_many_decimals');
  const intDigits = intRuns.join('');
  if (intRuns.length > 1 && !validGrouping(intRuns)) return fail('bad_grouping');
  if (!decimal && intRuns[0] === '') return fail('not_a_number');
  const value = Number(decimal ? `${intDigits || '0'}.${tail}` : intDigits);
  return Number.isFinite(value) ? { ok: true, value } : fail('not_a_number');
}
