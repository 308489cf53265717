import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, debitBefore, FIELD_TARGETS, isProse, labelHits, signed } from '../fields/candidates.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segmented } from '../layout/segments.ts';
import { CURRENCY_CODE_SOURCE } from '../parse/currency.parser.ts';
import { findDates } from '../parse/date.parser.ts';
import { CURRENCY_UNIT_WORDS } from '../vocabulary/currencies.ts';
import { ENGLISH_ORDINAL_SUFFIXES } from '../vocabulary/date-words.ts';
import {
  AS_OF_PHRASES,
  CURRENCY_PAREN_LEADS,
  CURRENCY_PROSE_NOUNS,
  CURRENCY_PROSE_VERBS,
  NO_CALL_PHRASES,
} from '../vocabulary/prose.words.ts';
import { alternation, phrasePattern, phraseRegExp } from '../vocabulary/word.patterns.ts';
import { currencyCode } from './currency.sections.ts';

/**
 * Sentences as label cells: in prose the label is the sentence and the value cell is the figure,
 * date or word it introduces, which may stand on the same line or start the next one.
 * - `…the equity in your margin account was` / `$24,156.79, which…`: the sentence's field governs the
 *   figure that starts the next line (`wrapped`).
 * - `No margin call is due`: the sentence is label and value at once, a call of 0 (`noCall`); where a call
 *   label on the line reads it, the walker keeps it only when the sentence is that label's cell.
 * - `As of the close of business on February 24,` / `2026, …`: an as-of date split over two lines.
 * - `All amounts are shown in euros`, `(in USD)`: the currency of the figures.
 * Read once per page; the walker takes each line's readings where the line is not a table's.
 */
export interface ProseCells {
  /** A figure governed by the sentence on the line above, per line. */
  wrapped: Map<number, Candidate>;
  /** A sentence that says there is no call, per line, and whether a call label is on its line. */
  noCall: Map<number, NoCall>;
  /** Document-wide readings (an as-of date, a currency) per line. */
  doc: Map<number, Candidate[]>;
}

/** A call of 0 a sentence says; `callLabel`: a call label on the same line may own it (or its own figure). */
export interface NoCall {
  call: Candidate;
  callLabel: boolean;
}

const NO_CALL = phraseRegExp(NO_CALL_PHRASES);

/** `no margin call is due`, `keine Nachschussforderung`: the text says there is no call. */
export const saysNoCall = (text: string): boolean => NO_CALL.test(text);
const CURRENCY_PROSE = new RegExp(
  String.raw`${phrasePattern(CURRENCY_PROSE_NOUNS)}[^.]{0,60}?${phrasePattern(CURRENCY_PROSE_VERBS)}\s+\(?((?:[A-Za-z]+ )?(?:${alternation(CURRENCY_UNIT_WORDS)})|[A-Z]{3}(?![A-Za-z]))`,
  'i',
);
const CURRENCY_PAREN = new RegExp(
  String.raw`\((?:(?:${alternation(CURRENCY_PAREN_LEADS)})\s+)?(${CURRENCY_CODE_SOURCE})\)`,
);
/** An as-of phrase near the end of a line, and the words after it (`… close of business on 4`, `… tanggal 7 Desember`). */
const AS_OF_END = new RegExp(
  String.raw`${phrasePattern(AS_OF_PHRASES)}(?<tail>[^.\d]{0,24}(?:\d{1,2}(?:${alternation(ENGLISH_ORDINAL_SUFFIXES)})?,?(?:\s+\p{L}+\.?)?)?)\s*$`,
  'iu',
);
/** How much of the next line a date begun on this one may take (`December 2026`, `24, 2026`). */
const HEAD_CHARS = 24;

/** `lines` as printed; `read` the same lines as field reading reads them (wrapped labels joined). */
export function readProseCells(lines: Segmented[], read: Segmented[]): ProseCells {
  const out: ProseCells = { wrapped: new Map(), noCall: new Map(), doc: new Map() };
  read.forEach((line, at) => {
    const wrapped = wrappedProse(line, lines[at - 1]);
    if (wrapped) out.wrapped.set(at, wrapped);
    const none = noCallSentence(line);
    if (none) out.noCall.set(at, none);
    const doc = [asOfAcrossLines(line, lines[at + 1]), currencyInProse(line)].filter((c): c is Candidate => !!c);
    if (doc.length > 0) out.doc.set(at, doc);
  });
  return out;
}

const minConf = (line: Segmented) => Math.min(1, ...line.segs.map((s) => s.conf));

/** A sentence whose figure starts the next line: `…the equity in your margin account was` / `$24,156.79, which…`. */
export function wrappedProse(line: Segmented, prev: Segmented | undefined): Candidate | null {
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'amount' || first.amount!.quality < 0.85) return null;
  if (line.top - prev.bottom > line.height * 1.5) return null;
  const last = prev.segs[prev.segs.length - 1];
  if (last?.kind !== 'text') return null;
  // A sentence, not a caption: a short label beside other cells (a card's title over its figure) governs
  // the figure under it, not the one that starts the next line in another column.
  if (prev.segs.length > 1 && !isProse(last.text)) return null;
  const m = matchLabel(last.text, FIELD_TARGETS, { prose: true });
  if (!m) return null;
  const field = m.target as FieldName;
  return {
    target: field,
    value: signed(field, first.amount!.value, m.negate || (field === 'cash_balance' && debitBefore(last.text))),
    box: { x0: first.x0, x1: first.x1, y0: line.top, y1: line.bottom },
    text: first.text,
    score: m.score * first.amount!.quality * 0.95,
    ocr: Math.min(first.conf, 0.35 + last.conf),
    weight: m.synonym.weight,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: last.text,
  };
}

/** `No margin call is due`: a call of 0; `callLabel` tells the walker a call label on the line may own it. */
export function noCallSentence(line: Segmented): NoCall | null {
  if (!saysNoCall(line.text)) return null;
  return {
    call: {
      target: 'margin_call',
      value: 0,
      score: 0.88,
      ocr: minConf(line),
      weight: 0.9,
      page: line.page,
      line: line.index,
      source: 'prose',
      label: line.text,
    },
    callLabel: labelHits(line).some((h) => h.match.target === 'margin_call'),
  };
}

/**
 * An as-of date split over two lines (`As of the close of business on February 24,` / `2026, the
 * equity…`; `… as at close of business on 4` / `December 2026 (all amounts …)`): the date that starts
 * after the as-of phrase and ends on the next line.
 */
export function asOfAcrossLines(line: Segmented, next: Segmented | undefined): Candidate | null {
  if (!next || next.page !== line.page || line.segs.some((s) => s.kind === 'date')) return null;
  if (next.top - line.bottom > line.height * 1.5) return null;
  const m = line.text.match(AS_OF_END);
  if (!m) return null;
  const tail = m.groups!.tail!.trimEnd();
  const joined = `${tail} ${next.text.trimStart().slice(0, HEAD_CHARS)}`;
  // The date runs across the break: it starts on this line (or right at the next one's start) and ends on the next.
  const d = findDates(joined).find((x) => x.index <= tail.length + 1 && x.index + x.length > tail.length + 1);
  if (!d || /\d/.test(tail.slice(0, d.index))) return null;
  return {
    target: 'date',
    value: d.iso,
    score: 0.95,
    ocr: minConf(line),
    weight: 1,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: m[0],
  };
}

/** `All figures are shown in euros`, `(in USD)`: the currency a sentence gives the figures. */
export function currencyInProse(line: Segmented): Candidate | null {
  const cur = line.text.match(CURRENCY_PROSE) ?? line.text.match(CURRENCY_PAREN);
  const code = cur ? currencyCode(cur[1]!) : null;
  if (!code) return null;
  return {
    target: 'currency',
    value: code,
    score: 0.85,
    ocr: minConf(line),
    weight: 0.9,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: line.text,
  };
}
