import { FIELD_TARGETS } from '../fields/candidates.ts';
import { type LabelMatch, matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { normalizeAccount, readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { contextOf, isNoneWord } from '../vocabulary/context.match.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { MARK_LETTERS, SPECK_MARKS } from '../vocabulary/ocr.glyphs.ts';

/**
 * The cells of multi-account tables (`account.table.ts`): account cells read whole, figures, rules,
 * titled columns and the geometry that places a cell under its column.
 */

export interface Column {
  x0: number;
  x1: number;
  title: string;
  conf: number;
  match: LabelMatch | null;
  /** A prior/change/household column: its figures are not the account's current ones. */
  demoted: string | null;
}

export interface Word {
  text: string;
  x0: number;
  x1: number;
  conf: number;
}

/** The words of a line, each with its own box, in reading order (top line first in a header band). */
export function wordsOf(line: Segmented): Word[] {
  return line.cells.flatMap((cell) =>
    cell.spans.map((w) => ({ text: cell.text.slice(w.start, w.end), x0: w.x0, x1: w.x1, conf: w.conf })),
  );
}

/** The column a cell overlaps most. */
export function widest<T extends { x0: number; x1: number }>(columns: T[], s: { x0: number; x1: number }): T | null {
  let best: T | null = null;
  let bestOv = 0;
  for (const c of columns) {
    const ov = overlap(c, s);
    if (ov > bestOv) {
      bestOv = ov;
      best = c;
    }
  }
  return best;
}

/** A figure, or a word standing for none (`Nil` under a call column). */
export const isFigure = (s: Segment) => s.kind === 'amount' || (s.kind === 'text' && isNoneWord(s.text));
/** Text that only a figure's currency or sign could be: codes, debit/credit marks and signs (`-USD`, `DR`). */
export const isFigureMark = (text: string) => {
  const toks = text.split(/[\s()+\-−]+/).filter(Boolean);
  return toks.length > 0 && toks.every((t) => isCurrencyCode(t) || SIGN_MARKS.has(t.toLowerCase()));
};
const SIGN_MARKS: ReadonlySet<string> = new Set([...DEBIT_MARKS, ...CREDIT_MARKS].map((m) => m.toLowerCase()));
const RULE = /^[\s\-=_–—.*]+$/;
export const isRule = (l: Segmented) =>
  l.segs.length > 0 && l.segs.every((s) => s.kind === 'text' && RULE.test(s.text));
export const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
export const near = (a: Segmented, b: Segmented, f: number) =>
  a.page === b.page && b.top - a.bottom <= Math.max(a.height, b.height) * f;

/**
 * The account a run of text is, read whole: an account-shaped token and nothing else (a date, an
 * amount with decimals or grouping, a year and a word are not accounts).
 */
export function wholeAccount(text: string): { value: string; quality: number } | null {
  const t = text.trim();
  // A figure with decimals (`414.68-`, `(12.50)`) is an amount, however it is signed.
  if (!/\d/.test(t) || /[,;:()]/.test(t) || /\d[.]\d{1,2}\W*$/.test(t)) return null;
  // A lower-case word run on after the digits is another title printed over the number's end (see `unglue`).
  if (GLUED.test(t)) return null;
  const tok = readAccountToken(t);
  if (!tok) return null;
  if (tok.value !== normalizeAccount(t).replace(/[.\-/]+$/, '')) return null;
  const digits = tok.value.replace(/\D/g, '');
  if (digits.length < 4 || /^(?:19|20)\d{2}$/.test(digits)) return null;
  return tok;
}

export interface AccountCell {
  value: string;
  quality: number;
  conf: number;
  x0: number;
  x1: number;
  segs: Segment[];
  /** The cell as the scan printed it, where a misread glyph was mended to read the account. */
  mended?: string;
}

/** The cell a segment stands in, read as an account (digit groups printed apart are one cell). */
export function accountCellOf(line: Segmented, seg: Segment): AccountCell | null {
  if (seg.kind === 'date') return null;
  const cellSegs = line.segs.filter((s) => s.cell === seg.cell);
  if (cellSegs.some((s) => s.kind === 'date')) return null;
  const whole = wholeAccount(line.cells[seg.cell]?.text ?? '');
  if (whole)
    return {
      ...whole,
      conf: Math.min(...cellSegs.map((s) => s.conf)),
      x0: Math.min(...cellSegs.map((s) => s.x0)),
      x1: Math.max(...cellSegs.map((s) => s.x1)),
      segs: cellSegs,
    };
  const alone = wholeAccount(seg.text);
  if (alone) return { ...alone, conf: seg.conf, x0: seg.x0, x1: seg.x1, segs: [seg] };
  return speckLed(line.cells[seg.cell]?.text ?? '', cellSegs) ?? scanMended(line.cells[seg.cell]?.text ?? '', cellSegs);
}

/** Certainty of a scanned account cell read only once a glyph the scan misread is mended. */
const MENDED_CONF = 0.5;
const markLetter = new Map(MARK_LETTERS.map(([m, l]) => [m, l]));
const SPECK = new Set(SPECK_MARKS);

/**
 * A scanned account cell that reads as an account once one glyph the scan misread is mended: a letter
 * read as the mark it looks like before the digits (`$8795394` for `S8795394`), or a speck read as a
 * mark between two of the number's glyphs (`U937959%4`). The row is kept, not lost; its account is
 * read below review (which glyph the scan saw is a guess).
 */
function scanMended(text: string, segs: Segment[]): AccountCell | null {
  if (segs.length === 0 || segs.some((s) => s.conf >= 1)) return null;
  const chars = [...text.trim()];
  const letter = markLetter.get(chars[0] ?? '');
  if (letter && /\d/.test(chars[1] ?? '')) chars[0] = letter;
  const specks = chars.flatMap((c, i) => (SPECK.has(c) ? [i] : []));
  const inside = (i: number) => /[A-Z0-9]/i.test(chars[i - 1] ?? '') && /[\sA-Z0-9]/i.test(chars[i + 1] ?? '');
  if (specks.length > 1 || (specks.length === 1 && !inside(specks[0]!))) return null;
  if (!letter && specks.length === 0) return null;
  const whole = wholeAccount(chars.filter((c) => !SPECK.has(c)).join(''));
  if (!whole) return null;
  const conf = Math.min(MENDED_CONF, ...segs.map((s) => s.conf));
  const box = { x0: Math.min(...segs.map((s) => s.x0)), x1: Math.max(...segs.map((s) => s.x1)) };
  return { ...whole, conf, ...box, segs, mended: text.trim() };
}

/**
 * A scanned account cell read with a lone opening bracket before the number (`(G9655942`, no closing
 * one): a speck the scan read as a mark, not a figure in brackets. The number is the row's account, so
 * the row is not lost; fields/account.identity.ts puts it below review. Text-layer cells print what they print.
 */
function speckLed(text: string, segs: Segment[]): AccountCell | null {
  const m = /^\s*[([{]\s?([A-Z0-9][^()[\]{}]*)$/.exec(text);
  const whole = m && segs.length > 0 && segs.every((s) => s.conf < 1) ? wholeAccount(m[1]!) : null;
  if (!whole) return null;
  const conf = Math.min(...segs.map((s) => s.conf));
  return { ...whole, conf, x0: Math.min(...segs.map((s) => s.x0)), x1: Math.max(...segs.map((s) => s.x1)), segs };
}

export function titled(x0: number, x1: number, title: string, conf: number): Column {
  const ctx = contextOf(title);
  const match = title ? matchLabel(title, FIELD_TARGETS) : null;
  // A prior/change/household title is not its field; `Total` alone is a total, `Portfolio Equity Total` a field.
  const demoted = ctx === 'distractor' || ctx === 'combined' || (ctx === 'total' && !match) ? `${title} column` : null;
  return { x0, x1, title, conf, match, demoted };
}

/**
 * A title drawn over the end of the one before it (`M4962172` and a right-aligned `Household
 * Combined` that overflows its column) reads as one word, `M4962172Household`: account numbers are
 * printed in capitals and digits, so a lower-case word run on after the digits is the next title.
 * Each part keeps its share of the word's box.
 */
const GLUED = /^(.*\d)([^\p{L}\p{N}\s]?[A-Z]?[a-z]{2,}.*)$/u;

export function unglue(
  text: string,
  box: { x0: number; x1: number; conf: number },
): { text: string; x0: number; x1: number; conf: number }[] {
  const m = GLUED.exec(text);
  if (!m || !wholeAccount(m[1]!)) return [{ text, x0: box.x0, x1: box.x1, conf: box.conf }];
  const cut = box.x0 + ((box.x1 - box.x0) * m[1]!.length) / text.length;
  return [
    { text: m[1]!, x0: box.x0, x1: cut, conf: box.conf },
    { text: m[2]!, x0: cut, x1: box.x1, conf: box.conf },
  ];
}
