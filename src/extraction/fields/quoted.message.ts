import type { Segmented } from '../layout/segments.ts';
import {
  HEADER_DATE_WORDS,
  HEADER_FROM_WORDS,
  ORIGINAL_MESSAGE_WORDS,
  QUOTE_MARKS,
  REPLY_LEADS,
  REPLY_VERBS,
} from '../vocabulary/message.words.ts';
import { alternation, phrasePattern } from '../vocabulary/word.patterns.ts';
import type { Candidate } from './candidates.ts';

const FROM = new RegExp(`^\\W{0,3}${phrasePattern(HEADER_FROM_WORDS)}\\s*:`, 'i');
const DATED = new RegExp(`${phrasePattern(HEADER_DATE_WORDS)}\\s*:`, 'i');
const WROTE = new RegExp(`${phrasePattern(REPLY_VERBS)}\\s*:?\\s*$`, 'i');
const REPLY_LEAD = new RegExp(`^\\W{0,3}${phrasePattern(REPLY_LEADS)}\\s`, 'i');
const ORIGINAL = new RegExp(`[-_=]{2,}\\s*${phrasePattern(ORIGINAL_MESSAGE_WORDS)}`, 'i');
const QUOTED_LINE = new RegExp(`^\\s*(?:${alternation(QUOTE_MARKS)})`);

/**
 * Index of the first line of an older message printed below the new one, or null: a separator, a
 * reply line, a quoted line, or a `From: … Sent: …` header after the message's own header or after
 * a figure (the first header of a printed e-mail is the new message's).
 */
export function quotedStart(lines: readonly Segmented[]): number | null {
  let header = false;
  let body = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (ORIGINAL.test(text)) return line.index;
    if ((body || header) && QUOTED_LINE.test(text)) return line.index;
    if (WROTE.test(text) && (body || header)) {
      const prev = lines[i - 1];
      return prev && REPLY_LEAD.test(prev.text) && !REPLY_LEAD.test(text) ? prev.index : line.index;
    }
    if (FROM.test(text) && lines.slice(i, i + 3).some((l) => DATED.test(l.text))) {
      if (header || body) return line.index;
      header = true;
      continue;
    }
    if (line.segs.some((s) => s.kind === 'amount')) body = true;
  }
  return null;
}

/** Rank a reading of an older message keeps beside the new message's reading of the field. */
const QUOTED_FACTOR = 0.6;

/**
 * A reading from an older message quoted below the new one ranks below the new message's; read only
 * there, it stays below review (an older date, older figures).
 */
export function asQuoted(c: Candidate, start: number | null): Candidate {
  if (start === null || c.line < start) return c;
  const why = 'read in an older message quoted below the new one';
  return {
    ...c,
    score: c.score * QUOTED_FACTOR,
    weight: c.weight * QUOTED_FACTOR,
    demoted: why,
    unsure: c.unsure ?? why,
  };
}
