import type { Candidate } from '../fields/candidates.ts';
import type { Segmented } from '../layout/segments.ts';
import { leaning } from './label.clarity.ts';

/** Most words of a label or a column title; longer text is prose, which labels no figure. */
const MAX_LABEL_WORDS = 7;

const isShortLabel = (text: string) => {
  const ws = text.split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  if (ws.length === 0 || ws.length > MAX_LABEL_WORDS) return false;
  return leaning(text) === 'short_market_value' || ws.some((w) => leaning(w) === 'short_market_value');
};

/**
 * True when the document prints no short market value anywhere: no candidate for it, and no label
 * or column title whose wording, or any word of it, leans to the short value. Such a statement
 * holds no short positions, so equity = cash + long. A short label printed without a readable
 * figure leaves the short unknown: this is then false.
 */
export function printsNoShort(lines: Segmented[], doc: Candidate[]): boolean {
  if (doc.some((c) => c.target === 'short_market_value')) return false;
  let none = seen.get(lines);
  if (none === undefined) {
    none = !lines.some((l) => l.segs.some((s) => s.kind === 'text' && isShortLabel(s.text)));
    seen.set(lines, none);
  }
  return none;
}

/** Per document: every section of it asks alike. */
const seen = new WeakMap<Segmented[], boolean>();
