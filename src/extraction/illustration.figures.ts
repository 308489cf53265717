import type { Evidence } from '../contract/reading.ts';
import type { ExtractedAccount } from './fields/fields.extractor.ts';
import type { Segmented } from './layout/segments.ts';
import { ILLUSTRATION_HEADINGS, SUPPOSITION_WORDS } from './vocabulary/document.kinds.ts';
import { foldedPhrases, foldedWords, holdsPhrase } from './vocabulary/word.patterns.ts';

const SUPPOSITION = foldedPhrases(SUPPOSITION_WORDS);
const HEADING = foldedPhrases(ILLUSTRATION_HEADINGS);
/** Text lines above a block of figure rows that may title it: a heading, then the table's column titles. */
const HEADING_LINES = 2;

const textOf = (line: Segmented) =>
  line.segs
    .filter((s) => s.kind === 'text')
    .map((s) => s.text)
    .join(' ');
const hasFigures = (line: Segmented) => line.segs.some((s) => s.kind === 'amount');

/** The line a value's evidence box stands in. */
function lineOf(lines: readonly Segmented[], ev: Evidence): number {
  const mid = (ev.bbox[1] + ev.bbox[3]) / 2;
  return lines.findIndex((l) => l.page === ev.page - 1 && l.top <= mid && mid <= l.bottom);
}

/** Whether the text lines just above the block of figure rows holding line `at` title it as an illustration. */
function underIllustrationHeading(lines: readonly Segmented[], at: number): boolean {
  const page = lines[at]!.page;
  let k = at;
  while (k > 0 && lines[k - 1]!.page === page && hasFigures(lines[k - 1]!)) k--;
  for (let n = 1; n <= HEADING_LINES; n++) {
    const above = lines[k - n];
    if (!above || above.page !== page || hasFigures(above)) return false;
    if (holdsPhrase(foldedWords(textOf(above)), HEADING)) return true;
  }
  return false;
}

/**
 * Whether a value was printed as a supposition: in a line whose words suppose or estimate (`Margin call
 * you would receive`, `would have been about`), or in a table a heading titles as an example.
 */
function supposed(lines: readonly Segmented[], ev: Evidence): boolean {
  const at = lineOf(lines, ev);
  if (at < 0) return false;
  const words = foldedWords(`${ev.label ?? ''} ${textOf(lines[at]!)}`);
  return holdsPhrase(words, SUPPOSITION) || underIllustrationHeading(lines, at);
}

/**
 * Whether every figure read from the document is an illustration or an estimate: a margin disclosure's
 * worked example, a notice's estimate of what a requirement would have been. Such a document states no
 * account's position and is no statement (a statement's figures are the account's, whatever example or
 * estimate it prints beside them). Values placed without a printed box do not count either way.
 */
export function onlyIllustrations(lines: readonly Segmented[], accounts: readonly ExtractedAccount[]): boolean {
  const printed = accounts.flatMap((a) => Object.values(a.fields).flatMap((r) => (r?.evidence ? [r.evidence] : [])));
  return printed.length > 0 && printed.every((ev) => supposed(lines, ev));
}
