import type { Segment, Segmented } from '../layout/segments.ts';
import type { OpenFigure } from '../solver/open.figures.ts';
import { OTHER_DAY_PHRASES } from '../vocabulary/prose.words.ts';
import { phraseRegExp } from '../vocabulary/word.patterns.ts';
import type { Candidate } from './candidates.ts';

const OTHER_DAY = phraseRegExp(OTHER_DAY_PHRASES);
/** A sentence's end: a full stop, question or exclamation mark before a space or the end of the text. */
const SENTENCE_END = /[.!?](?=\s|$)(?!.*[.!?](?:\s|$))/s;
/** Words a sentence needs before its figure to be a sentence (not a table's label cell). */
const SENTENCE_WORDS = 5;

/**
 * The words and dates of the sentence a figure stands in, from the sentence's start up to the figure:
 * in the figure's own cell (a sentence holds its words and figures in one run; a table's label has a
 * cell of its own), and in the last cell of the line above where the sentence began there. Null when
 * the cell has no words before the figure, or too few to be a sentence.
 */
function sentenceBefore(
  lines: readonly Segmented[],
  line: number,
  x0: number,
): { text: string; dates: string[] } | null {
  const own = lines.find((l) => l.index === line);
  if (!own) return null;
  const whole = x0 === Number.POSITIVE_INFINITY;
  const figure = whole ? own.segs.at(-1) : own.segs.find((s) => Math.abs(s.x0 - x0) < 0.5);
  if (!figure) return null;
  const parts: string[] = [];
  const dates: string[] = [];
  // `closing`: the sentence's own end (a reading that is the whole sentence, `no call was due.`) ends nothing.
  const take = (segs: readonly Segment[], closing: boolean): boolean => {
    for (let i = segs.length - 1; i >= 0; i--) {
      const s = segs[i]!;
      if (s.kind === 'date') {
        dates.push(s.date!.iso);
        parts.unshift(s.text);
        continue;
      }
      if (s.kind !== 'text') continue;
      const text = closing && i === segs.length - 1 ? s.text.replace(/[.!?]\s*$/, '') : s.text;
      const end = text.search(SENTENCE_END);
      parts.unshift(end >= 0 ? text.slice(end + 1) : text);
      if (end >= 0) return true;
    }
    return false;
  };
  const cell = own.segs.filter((s) => s.cell === figure.cell && (whole || s.x1 <= x0 + 0.5));
  if (!cell.some((s) => s.kind === 'text')) return null;
  const ended = take(cell, whole);
  const above = lines[lines.indexOf(own) - 1];
  const last = above?.segs.at(-1);
  if (!ended && figure.cell === own.segs[0]!.cell && above && last && above.page === own.page) {
    if (own.top - above.bottom < own.height * 1.5)
      take(
        above.segs.filter((s) => s.cell === last.cell),
        false,
      );
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.split(' ').length >= SENTENCE_WORDS ? { text, dates } : null;
}

/**
 * Why a figure in a sentence is another day's, or null: the sentence speaks of an earlier day
 * (`for comparison`, `the previous close`) or names a date before the report's as-of date.
 */
export function otherDay(lines: readonly Segmented[], line: number, x0: number, asOf: string | null): string | null {
  const sentence = sentenceBefore(lines, line, x0);
  if (!sentence) return null;
  if (OTHER_DAY.test(sentence.text)) return `read in a sentence about another day ("${sentence.text}")`;
  const earlier = asOf ? sentence.dates.find((d) => d < asOf) : undefined;
  return earlier ? `read in a sentence dated ${earlier}, before the report's ${asOf}` : null;
}

/**
 * A reading from a sentence about an earlier day is that day's figure, never the report's: it is none
 * (null), as a figure of an older quoted message is, so that an identity may still place the report's
 * own figure where no label named it.
 */
export function asOtherDay<T extends Candidate | OpenFigure>(
  r: T,
  lines: readonly Segmented[],
  asOf: string | null,
): T | null {
  if ('target' in r && (r.target === 'date' || r.target === 'currency')) return r;
  return otherDay(lines, r.line, r.box?.x0 ?? Number.POSITIVE_INFINITY, asOf) ? null : r;
}
