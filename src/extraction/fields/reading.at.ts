import type { Segmented } from '../layout/segments.ts';
import type { OpenFigure } from '../solver/open.figures.ts';
import type { Candidate } from './candidates.ts';
import { asQuoted, quotedStart } from './quoted.message.ts';
import { readUnitScales, scaleCandidate, type UnitScale } from './unit.scale.ts';

/** What the whole document says about how its readings are to be taken. */
export interface ReadingContext {
  /** First line of an older message quoted below the new one (a printed e-mail thread), or null. */
  quoted: number | null;
  /** The units the document states (`All figures in GBP '000`). */
  scales: UnitScale[];
}

export function readingContext(lines: readonly Segmented[]): ReadingContext {
  return { quoted: quotedStart(lines), scales: readUnitScales(lines) };
}

const isCandidate = (r: Candidate | OpenFigure): r is Candidate => 'target' in r;

/**
 * A reading as the document means it; every reading (a labelled candidate or an open figure) goes
 * through here, so an adjustment is written once. In an older quoted message a candidate ranks lower
 * and an open figure is none (null); a figure under a stated unit is read in the currency itself.
 */
export function readingAt<T extends Candidate | OpenFigure>(r: T, at: ReadingContext): T | null {
  let out: T = r;
  if (at.quoted !== null && r.line >= at.quoted) {
    if (!isCandidate(r)) return null;
    out = asQuoted(r, at.quoted) as T;
  }
  return scaleCandidate(out, at.scales);
}

/** The readings as the document means them (those that are none left out). */
export function readingsAt<T extends Candidate | OpenFigure>(rs: readonly T[], at: ReadingContext): T[] {
  return rs.flatMap((r) => readingAt(r, at) ?? []);
}
