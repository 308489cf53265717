import { isCurrencyCode } from '../parse/currency.parser.ts';
import { type DateMatch, type DateOrder, type DateOrderReading, findDates } from '../parse/date.parser.ts';
import { TIME_OF_DAY } from '../parse/time.of.day.ts';
import { findAmounts, type NumberLocale, type ParsedAmount } from '../parse/value.parser.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';
import { PAGE_OF_WORDS, PAGE_WORDS } from '../vocabulary/document.words.ts';
import { DATE_LEAD_WORDS } from '../vocabulary/prose.words.ts';
import { phrasePattern } from '../vocabulary/word.patterns.ts';
import { mendCommaDates } from './comma.dates.ts';
import { joinSpacedFigures, mendScannedFigures } from './digit.groups.ts';
import { gluedNoneLength, ungluedCodes } from './glued.codes.ts';
import { leaderLetterRuns } from './leader.letters.ts';
import { type Cell, type Line, locate } from './lines.builder.ts';

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

function segmentCell(cell: Cell, ci: number, opts: SegmentOptions): Segment[] {
  // Digit groups the layout split are rejoined first (layout/digit.groups.ts); a scan's slips are repaired between.
  const closed = joinSpacedFigures(cell, opts);
  const mended = opts.ocr
    ? mendScannedFigures(cell, repairOcrDigits(mendCommaDates(closed, opts.dateOrder)), opts.locale)
    : { text: closed, at: [] };
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
