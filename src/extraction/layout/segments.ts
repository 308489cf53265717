import { isCurrencyCode } from '../parse/currency.parser.ts';
import { type DateMatch, type DateOrder, type DateOrderReading, findDates } from '../parse/date.parser.ts';
import { TIME_OF_DAY } from '../parse/time.of.day.ts';
import { findAmounts, type NumberLocale, type ParsedAmount } from '../parse/value.parser.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';
import { CURRENCIES } from '../vocabulary/currencies.ts';
import { PAGE_OF_WORDS, PAGE_WORDS } from '../vocabulary/document.words.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { DATE_LEAD_WORDS } from '../vocabulary/prose.words.ts';
import { alternation, phrasePattern } from '../vocabulary/word.patterns.ts';
import { mendCommaDates } from './comma.dates.ts';
import { gluedNoneLength, ungluedCodes } from './glued.codes.ts';
import { mendLookalikeGroupMarks } from './group.marks.ts';
import { leaderLetterRuns } from './leader.letters.ts';
import { type Cell, type Line, locate } from './lines.builder.ts';
import { mendLostSpaceGroups } from './space.groups.ts';

/** A piece of a line: words, an amount or a date, with where it sits. */
export interface Segment {
  kind: 'text' | 'amount' | 'date';
  text: string;
  x0: number;
  x1: number;
  conf: number;
  cell: number;
  amount?: ParsedAmount;
  date?: DateMatch;
  /** Words a dotted leader follows (`Ending balance . . . .`): the label of what comes next on the line. */
  leads?: boolean;
}

/** True when two horizontal spans overlap at all: the same table column. */
export const sharesColumn = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

export interface Segmented extends Line {
  segs: Segment[];
}

export interface SegmentOptions {
  locale: NumberLocale;
  dateOrder: DateOrder | DateOrderReading;
  ocr: boolean;
  /** The document's currency, which decides a shared symbol (`¥`); see parse/document.formats.ts. */
  currency?: string | null;
  /** False where the document groups its figures by another mark: spaced whole numbers stay apart (default true). */
  spaceGroups?: boolean;
  /** True where the document writes its minus before a figure's code, never after a figure (default false). */
  minusLeadsCode?: boolean;
}

const SEPARATOR = /\s*(?:\.{3,}|…+|(?:\. ?){4,}|_{3,})\s*|:\s+/g;
/** A dotted leader ending a piece of text, or all of it (`. . .`, `......`, `____`). */
const LEADER_END = /\s*(?:(?:\. ?){3,}|…+|_{3,})\s*$/;
const LEADER_ONLY = /^\s*(?:(?:\. ?){3,}|…+|_{3,})\s*$/;
const PHONE = /(?:\+?\d{1,2}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g;
const PAGE = new RegExp(
  String.raw`${phrasePattern(PAGE_WORDS)}\s+\d+(?:\s*(?:${phrasePattern(PAGE_OF_WORDS)}|\/)\s*\d+)?\b`,
  'gi',
);
/** Debit and credit marks after a figure (`DR`, `CR`). */
const SIGN_MARKS = alternation([...DEBIT_MARKS, ...CREDIT_MARKS]);
/** Currency symbols written in letters (`Kč`, `zł`, `Ft`), which no `\p{Sc}` covers. */
const LETTER_SYMBOLS = alternation(CURRENCIES.flatMap((c) => c.symbols).filter((x) => /^\p{L}+$/u.test(x)));
/** What may follow a spaced whole number and leave it a figure: a sign, a currency, a debit/credit mark. */
const FIGURE_TAIL = new RegExp(String.raw`^\s*(?:[-−)]|\p{Sc}|[A-Z]{3}|${LETTER_SYMBOLS}|${SIGN_MARKS}|\s)*$`, 'u');
/** A date label right before a compact date (`Date 20251219`). */
const DATE_LEAD = new RegExp(`${phrasePattern(DATE_LEAD_WORDS)}[^0-9]{0,6}$`, 'i');

/** Common OCR slips inside figures: O for 0, l or I for 1, S for 5, `$$` for `S$`, a comma read as a period. */
export function repairOcrDigits(text: string): string {
  // `30,950. 20-`: OCR put a space after the decimal mark.
  text = text.replace(/(\d[.,])\s(\d{2})(?!\d)/g, '$1$2');
  return text.replace(/[\dOoIlS$.,()|-]{3,}/g, (tok) => {
    const digits = (tok.match(/\d/g) ?? []).length;
    if (digits < 2 || digits / tok.replace(/[.,()$-]/g, '').length < 0.6) return tok;
    return (
      tok
        .replace(/[Oo]/g, '0')
        .replace(/[Il|]/g, '1')
        .replace(/^S(?=\d{1,3}(?:[.,]\d{3})*[.,]\d{2}$)/, '$')
        // `S$48,489.25` read `$$48,489.25`: a doubled symbol is one (the space keeps positions).
        .replace(/^\$\$(?=\d)/, ' $')
        .replace(/(?<=\d)S|S(?=\d)/g, '5')
    );
  });
}

/**
 * A scan's decimal mark is a speck OCR often drops: `281,671 68` for `281,671.68`, sometimes with a
 * space after a group mark too (`198, 301 69`). Where a grouped figure is followed after one space by
 * exactly two digits (and perhaps DR/CR or a sign), the figure is closed up and the mark put back. The
 * text keeps its length (the spaces move in front), so positions hold; `at` lists the mended marks.
 */
export function mendLostDecimalMarks(text: string, locale: NumberLocale): { text: string; at: number[] } {
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

/**
 * A scan's group mark is a faint tick OCR sometimes drops while reading every digit: `-8226'616.06` for
 * `-8'226'616.06`, `8'300222.22`, `1.083542,50`. The amount reader then stops at the broken group and
 * reads a part (`-8226`). Where a figure with decimals keeps at least one group mark of its own (one kind,
 * other than its decimal mark), every group after the first holds three digits or six (two with the mark
 * between them lost) and the first at most six, the marks are dropped: the digits read as one figure.
 * Indian grouping (`12,34,567.89`) and dates keep theirs. The text keeps its length (the removed marks
 * become spaces in front of the figure, sign and currency included); `at` lists the mended figures.
 */
export function mendLostGroupMarks(text: string): { text: string; at: number[] } {
  const re = /(?<![\d.,'’\w-])([-−(]?\s?\p{Sc}?\s?)(\d{1,6}(?:['’.,]\d+)+)([.,])(\d{2})(?![\d.,'’])/gu;
  const at: number[] = [];
  const out = text.replace(re, (m, lead: string, int: string, decimal: string, cents: string, offset: number) => {
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
  });
  return { text: out, at };
}

export function segmentLine(line: Line, opts: SegmentOptions): Segmented {
  const segs: Segment[] = [];
  line.cells.forEach((cell, ci) => {
    for (const seg of segmentCell(cell, ci, opts)) {
      // A leader printed as a cell of its own (a wide gap before the dots) joins the label before it.
      const prev = segs.at(-1);
      if (seg.kind === 'text' && LEADER_ONLY.test(seg.text) && prev?.kind === 'text') prev.leads = true;
      else segs.push(seg);
    }
  });
  return { ...line, segs };
}

/** Gaps between the digit groups of one spaced figure: a word space, not a column gap (share of the line height). */
const GROUP_GAP = 0.6;
const SPACED_INTEGER = /(?<![\d.,'’])\d{1,3}(?: \d{3})+(?![\d.,'’])/g;

/**
 * `1 234 567`, a whole figure grouped by spaces without decimals, is one figure only where the
 * geometry says so: the cell ends with it (after its label, or alone), nothing but a sign or a
 * currency mark follows, and every group sits a word space from the next, not a column apart.
 * Its group spaces become thin spaces (one code unit each, so positions hold), which the amount
 * reader takes as group marks; side-by-side figures of separate columns never meet in one cell.
 */
export function closeSpacedIntegers(cell: Cell): string {
  const text = cell.text;
  const gapOk = (start: number, end: number) => {
    const spans = cell.spans.filter((w) => w.end > start && w.start < end);
    const limit = GROUP_GAP * (cell.y1 - cell.y0);
    return spans.every((w, i) => i === 0 || w.x0 - spans[i - 1]!.x1 <= limit);
  };
  return text.replace(SPACED_INTEGER, (m, at: number) => {
    const tail = text.slice(at + m.length);
    if (!FIGURE_TAIL.test(tail)) return m;
    const head = text.slice(0, at);
    if (/\d\s*$/.test(head)) return m;
    return gapOk(at, at + m.length) ? m.replace(/ /g, '\u2009') : m;
  });
}

/** Largest gap inside one figure OCR split in two (share of the line height): the glyphs touch. */
const SPLIT_GAP = 0.15;
const SPLIT_FIGURE = /(?<![\d.,'’])(\d{1,2}) (\d{1,2})(?=[,.'’]\d{3}(?![\d]))/g;

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

function segmentCell(cell: Cell, ci: number, opts: SegmentOptions): Segment[] {
  const spaced = opts.spaceGroups === false ? cell.text : closeSpacedIntegers(cell);
  const closed = opts.ocr ? closeSplitFigures(cell, spaced) : spaced;
  const dated = opts.ocr ? mendCommaDates(closed, opts.dateOrder) : closed;
  const decimals = opts.ocr ? mendLostDecimalMarks(repairOcrDigits(dated), opts.locale) : { text: closed, at: [] };
  const spaces = opts.ocr ? mendLostSpaceGroups(cell, decimals.text, opts.locale) : { text: decimals.text, at: [] };
  const ticks = opts.ocr ? mendLookalikeGroupMarks(spaces.text) : { text: spaces.text, at: [] };
  const groups = opts.ocr ? mendLostGroupMarks(ticks.text) : { text: ticks.text, at: [] };
  const mended = { text: groups.text, at: [...decimals.at, ...spaces.at, ...ticks.at, ...groups.at] };
  const text = mended.text;
  const taken: { start: number; end: number; seg: Omit<Segment, 'x0' | 'x1' | 'conf' | 'cell'> }[] = [];
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && e > t.start);
  // `20251219` is a date only right after a date label.
  for (const d of findDates(text, opts.dateOrder, DATE_LEAD.test(text.replace(/\d{8}.*$/, '')))) {
    taken.push({ start: d.index, end: d.index + d.length, seg: { kind: 'date', text: d.raw, date: d } });
  }
  // Phone numbers, clock times and page numbers are numbers that are never figures.
  let masked = text;
  for (const re of [PHONE, TIME_OF_DAY, PAGE]) {
    masked = masked.replace(re, (m, ...rest) => {
      const at = rest[rest.length - 2] as number;
      if (free(at, at + m.length)) taken.push({ start: at, end: at + m.length, seg: { kind: 'text', text: m } });
      return ' '.repeat(m.length);
    });
  }
  for (const t of taken) masked = masked.slice(0, t.start) + ' '.repeat(t.end - t.start) + masked.slice(t.end);
  for (const a of ungluedCodes(
    masked,
    findAmounts(masked, opts.locale, { currency: opts.currency ?? null, ocr: opts.ocr }),
    opts.minusLeadsCode === true,
  )) {
    const lead = a.raw.length - a.raw.trimStart().length;
    const start = a.index + lead;
    const end = a.index + a.length;
    // A decimal mark we put back is a guess: the figure stays below full certainty unless a cross-check agrees.
    // So is a figure closed up from spaced groups (`closeSpacedIntegers`): the geometry argues for it, nothing proves it.
    const guessed =
      mended.at.some((i) => i >= start && i < end) ||
      (closed !== cell.text && closed.slice(start, end) !== cell.text.slice(start, end));
    const amount = guessed ? { ...a, quality: Math.min(a.quality, 0.85) } : a;
    taken.push({ start, end, seg: { kind: 'amount', text: a.raw.trim(), amount } });
  }
  taken.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let pos = 0;
  // Leader dots and `Label: value` colons separate a label from what follows it in one cell.
  const pushSeparated = (s: number, e: number, ledOn = false) => {
    const raw = text.slice(s, e);
    SEPARATOR.lastIndex = 0;
    let from = 0;
    for (let m = SEPARATOR.exec(raw); m; m = SEPARATOR.exec(raw)) {
      if (m.index + m[0].length >= raw.length || m.index === 0) continue;
      pushPiece(s + from, s + m.index + (m[0].startsWith(':') ? 1 : 0), !m[0].includes(':'));
      from = m.index + m[0].length;
    }
    pushPiece(s + from, e, ledOn);
  };
  // On a scan, a leader OCR read as letters separates as its dots would.
  const pushText = (s: number, e: number) => {
    let from = s;
    for (const run of opts.ocr ? leaderLetterRuns(text.slice(s, e)) : []) {
      pushSeparated(from, s + run.start, true);
      from = s + run.end;
    }
    pushSeparated(from, e);
  };
  // A leader is no part of the label: the words before it are, and they lead to what follows.
  const pushPiece = (s: number, e: number, ledOn = false) => {
    const raw = text.slice(s, e);
    const leader = LEADER_ONLY.test(raw) ? null : LEADER_END.exec(raw);
    const trimmed = (leader ? raw.slice(0, leader.index) : raw).trim();
    if (!trimmed) return;
    const off = s + raw.indexOf(trimmed);
    // `NONEUSD`: a none-word run onto the next column's currency code is two pieces.
    const none = gluedNoneLength(trimmed, isNoneWord, isCurrencyCode);
    if (none !== null) {
      pushPiece(off, off + none);
      return pushPiece(off + none, off + trimmed.length);
    }
    const leads = leader !== null || ledOn;
    out.push({
      kind: 'text',
      text: trimmed,
      cell: ci,
      ...locate(cell, off, off + trimmed.length),
      ...(leads ? { leads } : {}),
    });
  };
  for (const t of taken) {
    if (t.start > pos) pushText(pos, t.start);
    out.push({ ...t.seg, cell: ci, ...locate(cell, t.start, t.end) });
    pos = Math.max(pos, t.end);
  }
  if (pos < text.length) pushText(pos, text.length);
  return out;
}
