import type { DateOrder, DateOrderReading } from '../parse/date.parser.ts';
import type { NumberLocale } from '../parse/value.parser.ts';
import { CURRENCIES } from '../vocabulary/currencies.ts';
import { APOSTROPHE_GROUP_MARKS, CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { APOSTROPHE_LOOKALIKES } from '../vocabulary/ocr.glyphs.ts';
import { alternation } from '../vocabulary/word.patterns.ts';
import type { Cell } from './lines.builder.ts';

/*
 * How digit groups the layout split are rejoined, in one place. A cell's text goes through two stages:
 * `joinSpacedFigures` (text layer and scan: whole figures grouped by spaces, figures OCR cut in two), then,
 * on a scan only and after the OCR digit slips are repaired, `mendScannedFigures` (a lost decimal mark, a
 * lost thin-space group, tick look-alikes, lost ticks). Every mender keeps the text's length (spaces move
 * in front of the figure), so positions on the line hold; `at` lists the mended figures, which stay a
 * guess (below full certainty) until a cross-check agrees.
 */

const esc = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');
/** The document's own apostrophe group marks (`1'962'400.00`), as a character-class body. */
const OWN_TICKS = APOSTROPHE_GROUP_MARKS.map(esc).join('');
/** Those marks and what a scan reads them as (a quote, a backtick…), as a character class. */
const TICKS = `[${[...APOSTROPHE_GROUP_MARKS, ...APOSTROPHE_LOOKALIKES].map(esc).join('')}]`;
const TICK = new RegExp(TICKS, 'u');
const PLAIN = new Set<string>(APOSTROPHE_GROUP_MARKS);
/** Debit and credit marks after a figure (`DR`, `CR`). */
const SIGN_MARKS = alternation([...DEBIT_MARKS, ...CREDIT_MARKS]);
/** Currency symbols written in letters (`Kč`, `zł`, `Ft`), which no `\p{Sc}` covers. */
const LETTER_SYMBOLS = alternation(CURRENCIES.flatMap((c) => c.symbols).filter((x) => /^\p{L}+$/u.test(x)));
/** What may follow a spaced whole number and leave it a figure: a sign, a currency, a debit/credit mark. */
const FIGURE_TAIL = new RegExp(String.raw`^\s*(?:[-−)]|\p{Sc}|[A-Z]{3}|${LETTER_SYMBOLS}|${SIGN_MARKS}|\s)*$`, 'u');

/** Widest gap between two digit groups of one figure (share of the line height): a word space, not a column. */
const GROUP_GAP = 0.6;
/** Largest gap inside one figure OCR split in two (share of the line height): the glyphs touch. */
const SPLIT_GAP = 0.15;

/** True where the words of `cell` over [start, end) sit at most a word space apart (plus `slack` pt). */
function wordSpaced(cell: Cell, start: number, end: number, slack = 0): boolean {
  const spans = cell.spans.filter((w) => w.end > start && w.start < end);
  const limit = GROUP_GAP * (cell.y1 - cell.y0);
  return spans.every((w, i) => i === 0 || w.x0 - spans[i - 1]!.x1 <= limit + slack);
}

type Mended = { text: string; at: number[] };
export interface DigitGroupOptions {
  locale: NumberLocale;
  dateOrder: DateOrder | DateOrderReading;
  ocr: boolean;
  /** False where the document groups its figures by another mark: spaced whole numbers stay apart. */
  spaceGroups?: boolean;
}

/** Stage one, text layer and scan: spaced whole figures closed up; on a scan, figures OCR cut in two. */
export function joinSpacedFigures(cell: Cell, opts: DigitGroupOptions): string {
  const spaced = opts.spaceGroups === false ? cell.text : closeSpacedIntegers(cell);
  return opts.ocr ? closeSplitFigures(cell, spaced) : spaced;
}

/** Stage two, a scan's text once its digit slips are repaired: the group and decimal marks OCR lost or misread. */
export function mendScannedFigures(cell: Cell, text: string, locale: NumberLocale): Mended {
  const decimals = mendLostDecimalMarks(text, locale);
  const spaces = mendLostSpaceGroups(cell, decimals.text, locale);
  const ticks = mendLookalikeGroupMarks(spaces.text);
  const groups = mendLostGroupMarks(ticks.text);
  return { text: groups.text, at: [...decimals.at, ...spaces.at, ...ticks.at, ...groups.at] };
}

const SPACED_INTEGER = new RegExp(`(?<![\\d.,${OWN_TICKS}])\\d{1,3}(?: \\d{3})+(?![\\d.,${OWN_TICKS}])`, 'g');

/**
 * `1 234 567`, a whole figure grouped by spaces without decimals, is one figure only where the
 * geometry says so: the cell ends with it (after its label, or alone), nothing but a sign or a
 * currency mark follows, and every group sits a word space from the next, not a column apart.
 * Its group spaces become thin spaces (one code unit each, so positions hold), which the amount
 * reader takes as group marks; side-by-side figures of separate columns never meet in one cell.
 */
export function closeSpacedIntegers(cell: Cell): string {
  const text = cell.text;
  return text.replace(SPACED_INTEGER, (m, at: number) => {
    const tail = text.slice(at + m.length);
    if (!FIGURE_TAIL.test(tail)) return m;
    const head = text.slice(0, at);
    if (/\d\s*$/.test(head)) return m;
    return wordSpaced(cell, at, at + m.length) ? m.replace(/ /g, '\u2009') : m;
  });
}

const SPLIT_FIGURE = new RegExp(
  `(?<![\\d.,${OWN_TICKS}])(\\d{1,2}) (\\d{1,2})(?=[,.${OWN_TICKS}]\\d{3}(?![\\d]))`,
  'g',
);

/**
 * OCR sometimes cuts a figure into two words that touch: `9` `6,800.00` for `96,800.00`. Where a one- or
 * two-digit word ends right where a grouped figure begins (no gap a word space would leave) and its digits
 * complete the figure's first group, they are one figure. The space moves in front, so positions hold.
 */
export function closeSplitFigures(cell: Cell, text: string): string {
  const limit = SPLIT_GAP * (cell.y1 - cell.y0);
  return text.replace(SPLIT_FIGURE, (m, a: string, b: string, at: number) => {
    if (a.length + b.length > 3) return m;
    const left = cell.spans.find((w) => w.end === at + a.length);
    const right = cell.spans.find((w) => w.start === at + a.length + 1);
    if (!left || !right || right.x0 - left.x1 > limit) return m;
    return ` ${a}${b}`;
  });
}

/**
 * A scan's decimal mark is a speck OCR often drops: `281,671 68` for `281,671.68`, sometimes with a
 * space after a group mark too (`198, 301 69`). Where a grouped figure is followed after one space by
 * exactly two digits (and perhaps DR/CR or a sign), the figure is closed up and the mark put back.
 */
export function mendLostDecimalMarks(text: string, locale: NumberLocale): Mended {
  const [g, decimal] = locale === 'comma' ? ['\\.', ','] : [',', '.'];
  const re = new RegExp(
    `(?<![\\d.,])(\\d{1,3}(?:${g} ?\\d{3})+) (\\d{2})(?=(?:\\s?(?:${SIGN_MARKS}|-))?(?:\\s|$))`,
    'gi',
  );
  const at: number[] = [];
  const out = text.replace(re, (_m, int: string, cents: string, offset: number) => {
    const closed = int.replace(/ /g, '');
    const pad = int.length - closed.length;
    at.push(offset + pad + closed.length);
    return `${' '.repeat(pad)}${closed}${decimal}${cents}`;
  });
  return { text: out, at };
}

const LOST_SPACE = {
  comma: new RegExp(`(?<![\\d.,${OWN_TICKS}])(\\d{4,6})((?: \\d{3})+)(\\,\\d{2})(?![\\d.,${OWN_TICKS}])`, 'g'),
  dot: new RegExp(`(?<![\\d.,${OWN_TICKS}])(\\d{4,6})((?: \\d{3})+)(\\.\\d{2})(?![\\d.,${OWN_TICKS}])`, 'g'),
};

/**
 * A scan's thin-space group mark is often too thin for OCR to keep: `3 412 880,50` comes out as
 * `3412 880,50`, and the amount reader then stops at the first space and reads two parts. Where
 * a figure with decimals has a lead run of four to six digits (no group of a spaced figure is that
 * long: at least one space before it was lost) followed by groups of exactly three, each a word
 * space from the last (not a column apart), the digits are one figure.
 */
export function mendLostSpaceGroups(cell: Cell, text: string, locale: NumberLocale): Mended {
  const at: number[] = [];
  const out = text.replace(
    locale === 'comma' ? LOST_SPACE.comma : LOST_SPACE.dot,
    (m, lead: string, groups: string, cents: string, offset: number) => {
      if (!wordSpaced(cell, offset, offset + m.length, 1e-6)) return m;
      const digits = `${lead}${groups.replace(/ /g, '')}`;
      const pad = ' '.repeat(m.length - digits.length - cents.length);
      at.push(offset + pad.length);
      return `${pad}${digits}${cents}`;
    },
  );
  return { text: out, at };
}

/** A gap between two digit groups: a tick (with a space beside it or not), a lone space or a comma. */
const GAP = `(?: ?${TICKS} ?|[ ,])`;
const LOOKALIKE_FIGURE = new RegExp(
  `(?<![\\d.,\\w${TICKS.slice(1, -1)}])(\\d{1,3}(?:${GAP}\\d{3})+)([.,])(\\d{2})(?![\\d.,]|${TICKS})`,
  'gu',
);

/**
 * A scan of a figure grouped by apostrophes (`1'962'400.00`) reads its ticks as look-alikes: a quote,
 * a backtick, a space, a comma, or a tick with a space beside it (`1'628"309.90`, `508" 400.00`,
 * `1,962'400.00`, `1'962 400.00`). Where a figure with decimals keeps at least one tick, its first group holds one to
 * three digits and every later group three (and its first gap is no lone space), the groups make it one figure whatever each gap was read
 * as: the gaps become apostrophes. A figure of plain apostrophes only, or of commas or spaces only, is
 * left as it is (the amount reader knows it).
 */
export function mendLookalikeGroupMarks(text: string): Mended {
  const at: number[] = [];
  const out = text.replace(LOOKALIKE_FIGURE, (m, int: string, decimal: string, cents: string, offset: number) => {
    const gaps = int.split(/\d+/).filter(Boolean);
    if (!gaps.some((g) => TICK.test(g))) return m;
    if (gaps.every((g) => PLAIN.has(g))) return m;
    // `2 962'400.00` may be a count before a figure: a lone space never opens one.
    if (gaps[0] === ' ') return m;
    // The decimal mark printed as a gap too: which is which is not certain.
    if (gaps.some((g) => g.includes(decimal))) return m;
    const closed = `${int.split(/\D+/).join("'")}${decimal}${cents}`;
    const pad = ' '.repeat(m.length - closed.length);
    at.push(offset + pad.length);
    return `${pad}${closed}`;
  });
  return { text: out, at };
}

const LOST_TICK_FIGURE = new RegExp(
  String.raw`(?<![\d.,${OWN_TICKS}\w-])([-−(]?\s?\p{Sc}?\s?)(\d{1,6}(?:[${OWN_TICKS}.,]\d+)+)([.,])(\d{2})(?![\d.,${OWN_TICKS}])`,
  'gu',
);

/**
 * A scan's group mark is a faint tick OCR sometimes drops while reading every digit: `-8226'616.06` for
 * `-8'226'616.06`, `8'300222.22`, `1.083542,50`. The amount reader then stops at the broken group and
 * reads a part (`-8226`). Where a figure with decimals keeps at least one group mark of its own (one kind,
 * other than its decimal mark), every group after the first holds three digits or six (two with the mark
 * between them lost) and the first at most six, the marks are dropped: the digits read as one figure.
 * Indian grouping (`12,34,567.89`) and dates keep theirs. The removed marks become spaces in front of
 * the figure, sign and currency included.
 */
export function mendLostGroupMarks(text: string): Mended {
  const at: number[] = [];
  const out = text.replace(
    LOST_TICK_FIGURE,
    (m, lead: string, int: string, decimal: string, cents: string, offset: number) => {
      const marks = new Set(int.replace(/\d/g, ''));
      const mark = [...marks][0];
      if (marks.size !== 1 || mark === decimal) return m;
      const groups = int.split(mark!);
      const later = groups.slice(1);
      if (!later.every((g) => g.length === 3 || g.length === 6)) return m;
      if (groups[0]!.length <= 3 && later.every((g) => g.length === 3)) return m;
      const pad = ' '.repeat(groups.length - 1);
      at.push(offset + pad.length + lead.length);
      return `${pad}${lead}${groups.join('')}${decimal}${cents}`;
    },
  );
  return { text: out, at };
}
