import type { Segmented } from '../layout/segments.ts';

/**
 * A rule drawn with characters, as line printers and plain-text reports draw them: a line of dash
 * (or equals, underscore) runs only, under column titles or over a total. A dash alone may stand for
 * a nil figure (`—` under `Call`), but a line of runs with two or more cells, or one long run, is
 * drawn, not printed as a value: its dashes are no figures of 0.
 */
const RUN = /^[-=_–—]+$/;
/** Shortest run in a rule of several cells; the shortest rule of one cell. */
const MIN_RUN = 3;
const MIN_ALONE = 6;

export function isRuleLine(line: Segmented): boolean {
  const runs = line.segs.map((s) => s.text.trim());
  if (runs.length === 0 || !line.segs.every((s, i) => s.kind === 'text' && RUN.test(runs[i]!))) return false;
  const longest = Math.max(...runs.map((r) => r.length));
  return runs.length >= 2 ? longest >= MIN_RUN : longest >= MIN_ALONE;
}

/** A dash run as a scan gives it back: the marks of a rule, a tilde among them. */
const SCANNED_RUN = /^[-=_–—~]+$/;

/**
 * A rule a scan read in part as stray letters (`meemeanmane   -   -   -   ~`): a line of text only,
 * at least half of whose pieces are dash runs. It draws a rule under a section title; it is no band
 * of titles or labels, and the columns over it go on below it.
 */
export function isScannedRule(line: Segmented): boolean {
  const segs = line.segs;
  if (segs.length < 2 || !segs.every((s) => s.kind === 'text')) return false;
  return segs.filter((s) => SCANNED_RUN.test(s.text.trim())).length * 2 >= segs.length;
}
