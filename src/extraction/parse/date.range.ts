import type { Segment } from '../layout/segments.ts';
import { DATE_RANGE_WORDS } from '../vocabulary/prose.words.ts';
import { foldedWords } from '../vocabulary/word.patterns.ts';

const CONNECTORS: ReadonlySet<string> = new Set(DATE_RANGE_WORDS.flatMap(foldedWords));

/** A cell between two dates that joins them into a period: a dash alone, or a range word (`to`, `bis`). */
function joinsRange(s: Segment | undefined): boolean {
  if (s?.kind !== 'text') return false;
  const t = s.text.trim();
  if (/^[-–—~]+$/u.test(t)) return true;
  const words = foldedWords(t);
  return words.length === 1 && CONNECTORS.has(words[0]!);
}

/**
 * The dates of a line that open a period (`1.11.2026 - 30.11.2026`, `01/11/2026 to 30/11/2026`): a
 * period's start is never the date a statement is drawn up as of; its end is.
 */
export function periodStarts(segs: readonly Segment[]): ReadonlySet<Segment> {
  const out = new Set<Segment>();
  segs.forEach((s, i) => {
    if (s.kind === 'date' && joinsRange(segs[i + 1]) && segs[i + 2]?.kind === 'date') out.add(s);
  });
  return out;
}
