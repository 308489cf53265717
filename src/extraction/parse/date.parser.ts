import {
  CJK_DATE_MARKS,
  DATE_CONNECTORS,
  MONTH_NAMES,
  ORDINAL_SUFFIXES,
  PREFIXED_DATE_WORDS,
  ROMAN_MONTHS,
} from '../vocabulary/date-words.ts';
import { escapeRegExp, foldText } from '../vocabulary/word.patterns.ts';
import { toHalfWidth } from './number.reader.ts';

/**
 * Dates as statements print them: `2026-11-27`, `2026.11.27`, `11/27/2026`, `27.11.2026`,
 * `27-NOV-2026`, `Nov 27, 2026`, `27 November 2026`, `Friday, 27th Nov 2026`, `27. November 2026`,
 * `27 de noviembre de 2026`, `2026年11月27日`, `20261127`, `07.XII.2026`, `2026. 12. 07.`, `7 Ara 2026`,
 * `7 декабря 2026`, `Ngày 07 tháng 12 năm 2026`. The words are data
 * (`vocabulary/date-words.ts`); whether `12-02-2026` is day-first is decided per document
 * (`date.order.ts`).
 */

export type DateOrder = 'mdy' | 'dmy';

/** A document's date order and how it was decided. */
export interface DateOrderReading {
  order: DateOrder;
  /**
   * How an ambiguous numeric date (`03/04/2026`) of this document should be trusted: high when the
   * document's own unambiguous dates decided the order, lower when only signals (currency, decimal
   * mark, written dates) did, below review level when nothing did.
   */
  confidence: number;
}

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
  raw: string;
  /** 1 for unambiguous forms, lower when day and month could swap. */
  quality: number;
}

const esc = escapeRegExp;

// Each name also without its marks (`aralik`, `δεκεμβριου`): a scan or a plain-letter printer drops them.
const MONTHS = new Map<string, number>();
for (const months of Object.values(MONTH_NAMES))
  months.forEach((names, i) => {
    for (const n of names) {
      MONTHS.set(n, i + 1);
      MONTHS.set(foldText(n), i + 1);
    }
  });
const MONTH_WORDS = [...MONTHS.keys()].sort((a, b) => b.length - a.length);

// A month word ends where no letter of its script follows (Latin, Greek, Cyrillic).
const LETTER_AFTER = String.raw`a-zà-ÿ\u0100-\u024f\u0370-\u03ff\u0400-\u04ff`;
const MON = String.raw`(?<mon>${MONTH_WORDS.map(esc).join('|')})\.?(?![${LETTER_AFTER}])`;
const ORD = ORDINAL_SUFFIXES.filter((s) => s !== '.')
  .map(esc)
  .join('|');
const DAY = String.raw`(?<day>[0-3]?\d)(?:(?:${ORD})(?![a-z])|\.(?=\s))?`;
// A bare two-digit year is no year when a month word or a four-digit year follows it: in a period
// `November 1 - November 30, 2026` the 30 is a day (the period's end), not 2030.
const TWO_DIGIT_YEAR = String.raw`(?:'\d{2}|\d{2}(?!\d)(?![\s,.-]*(?:(?:19|20)\d{2}(?!\d)|(?:${MONTH_WORDS.map(esc).join('|')})(?![${LETTER_AFTER}]))))`;
const YEAR = String.raw`(?<year>(?:19|20)\d{2}|${TWO_DIGIT_YEAR})`;
const JOIN = String.raw`(?:[\s-]+(?:(?:${DATE_CONNECTORS.join('|')})\s+)?)`;
const CJK = (marks: readonly string[]) => `\\s*[${marks.join('')}]\\s*`;
// `07.XII.2026`, `7. XII. 2026`, `07-XII-2026` (never with spaces alone: `1 I 2026` is no date); the longest
// numeral first, so `XII` is never read as `XI`.
const ROMAN = `(?<rom>${[...ROMAN_MONTHS].sort((a, b) => b.length - a.length).join('|')})`;
const ROMAN_SEP = String.raw`(?:\.\s?|-|/)`;
const WORDS = (list: readonly string[]) => `(?:${list.map(esc).join('|')})`;

type Kind = 'ymd' | 'dmy' | 'roman' | 'num' | 'dmon' | 'mond' | 'ymon' | 'compact';
const PATTERNS: { re: RegExp; kind: Kind }[] = [
  {
    re: new RegExp(
      String.raw`(?<!\d)(?<year>(?:19|20)\d{2})${CJK(CJK_DATE_MARKS.year)}(?<mo>[01]?\d)${CJK(CJK_DATE_MARKS.month)}(?<day>[0-3]?\d)(?:\s*[${CJK_DATE_MARKS.day.join('')}])?(?!\d)`,
      'g',
    ),
    kind: 'ymd',
  },
  { re: /(?<!\d)(?<year>(?:19|20)\d{2})[-/.](?<mo>[01]?\d)[-/.](?<day>[0-3]?\d)(?!\d)/gi, kind: 'ymd' },
  // Hungarian `2026. 12. 07.`: a dot and a space after the year and the month.
  { re: /(?<!\d)(?<year>(?:19|20)\d{2})\.\s(?<mo>[01]?\d)\.\s(?<day>[0-3]?\d)(?!\d)/g, kind: 'ymd' },
  {
    re: new RegExp(
      String.raw`(?<![\w.])(?<day>[0-3]?\d)${ROMAN_SEP}${ROMAN}${ROMAN_SEP}(?<year>(?:19|20)\d{2})(?!\d)`,
      'g',
    ),
    kind: 'roman',
  },
  {
    re: new RegExp(
      String.raw`(?<![\w])(?:${WORDS(PREFIXED_DATE_WORDS.day)}\s+)?(?<day>[0-3]?\d)\s+${WORDS(PREFIXED_DATE_WORDS.month)}\s+(?<mo>[01]?\d)(?:\s+${WORDS(PREFIXED_DATE_WORDS.year)}|,)?\s+(?<year>(?:19|20)\d{2})(?!\d)`,
      'gi',
    ),
    kind: 'dmy',
  },
  {
    re: /(?<![\d/.-])(?<a>[0-3]?\d)(?<sep>[/.-])(?<b>[0-3]?\d)\k<sep>(?<year>(?:19|20)\d{2}|\d{2})(?![\d/]|[.-]\d)/gi,
    kind: 'num',
  },
  { re: new RegExp(String.raw`(?<![\w])${DAY}${JOIN}${MON}(?:,?${JOIN}|,\s*)${YEAR}(?!\d)`, 'gi'), kind: 'dmon' },
  { re: new RegExp(String.raw`(?<![\w])${MON}(?:\s*|-)${DAY}(?:,\s*|\s+|-)${YEAR}(?!\d)`, 'gi'), kind: 'mond' },
  {
    re: new RegExp(String.raw`(?<![\w])(?<year>(?:19|20)\d{2})\.?[\s-]${MON}[\s-](?<day>[0-3]?\d)(?!\d)`, 'gi'),
    kind: 'ymon',
  },
  { re: /(?<!\d)(?<year>20\d{2})(?<mo>[01]\d)(?<day>[0-3]\d)(?!\d)/g, kind: 'compact' },
];

function fullYear(y: string): number {
  const n = Number(y.replace("'", ''));
  return n < 100 ? 2000 + n : n;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The month number of a month word in any language of the vocabulary (`Nov.`, `März`, `juil`). */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(w) ?? MONTHS.get(foldText(w)) ?? null;
}

const orderOf = (o: DateOrder | DateOrderReading): DateOrderReading =>
  typeof o === 'string' ? { order: o, confidence: 0.85 } : o;

/**
 * Every date in `text`. `order` decides `03/04/2026` when both readings are valid; with a reading
 * from `detectDateOrder`, such a date carries the reading's confidence.
 */
export function findDates(
  text: string,
  order: DateOrder | DateOrderReading = 'mdy',
  allowCompact = false,
): DateMatch[] {
  const { order: docOrder, confidence } = orderOf(order);
  text = toHalfWidth(text);
  const out: DateMatch[] = [];
  const taken: [number, number][] = [];
  for (const { re, kind } of PATTERNS) {
    if (kind === 'compact' && !allowCompact) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const g = m.groups!;
      let iso: string | null = null;
      let quality = 1;
      if (kind === 'ymd' || kind === 'dmy' || kind === 'compact')
        iso = isoDate(Number(g.year), Number(g.mo), Number(g.day));
      else if (kind === 'roman')
        iso = isoDate(Number(g.year), ROMAN_MONTHS.indexOf(g.rom as (typeof ROMAN_MONTHS)[number]) + 1, Number(g.day));
      else if (kind === 'dmon' || kind === 'mond' || kind === 'ymon') {
        const mon = monthNumber(g.mon!);
        iso = mon ? isoDate(fullYear(g.year!), mon, Number(g.day)) : null;
      } else {
        const a = Number(g.a);
        const b = Number(g.b);
        const y = fullYear(g.year!);
        const dotted = g.sep === '.';
        const mdy = isoDate(y, a, b);
        const dmy = isoDate(y, b, a);
        // Nobody writes month.day.year: a dotted date is day-first whatever the document leans to.
        const preferDmy = dotted || docOrder === 'dmy';
        iso = preferDmy ? (dmy ?? mdy) : (mdy ?? dmy);
        if (mdy && dmy && a !== b) quality = dotted ? Math.max(0.9, confidence) : confidence;
        if (g.year!.length === 2) quality = Math.min(quality, 0.9);
      }
      if (!iso) continue;
      taken.push([start, end]);
      out.push({ iso, index: start, length: m[0].length, raw: m[0], quality });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

export { detectDateOrder } from './date.order.ts';
