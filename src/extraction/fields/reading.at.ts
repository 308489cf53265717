import type { Segmented } from '../layout/segments.ts';
import type { OpenFigure } from '../solver/open.figures.ts';
import { movementLines } from '../structure/movement.rows.ts';
import type { Candidate } from './candidates.ts';
import { asOtherDay } from './other.day.ts';
import { asQuoted, quotedStart } from './quoted.message.ts';
import { readUnitScales, scaleCandidate, type UnitScale } from './unit.scale.ts';

/** What the whole document says about how its readings are to be taken. */
export interface ReadingContext {
  /** First line of an older message quoted below the new one (a printed e-mail thread), or null. */
  quoted: number | null;
  /** The units the document states (`All figures in GBP '000`). */
  scales: UnitScale[];
  /** Lines of a movements table (dated rows of what moved on a day): no figure on them is a balance. */
  movements: ReadonlySet<number>;
  /** The lines, for the sentence a figure stands in. */
  lines: readonly Segmented[];
  /** The as-of date the document states, once read: a sentence naming an earlier date speaks of another day. */
  asOf: string | null;
}

export function readingContext(lines: readonly Segmented[]): ReadingContext {
  return {
    quoted: quotedStart(lines),
    scales: readUnitScales(lines),
    movements: movementLines(lines),
    lines,
    asOf: null,
  };
}

const isCandidate = (r: Candidate | OpenFigure): r is Candidate => 'target' in r;

/**
 * A reading as the document means it; every reading (a labelled candidate or an open figure) goes
 * through here, so an adjustment is written once. In an older quoted message a candidate ranks lower
 * and an open figure is none (null); so in a sentence about an earlier day; a figure under a stated
 * unit is read in the currency itself. A figure on a movements table's row is none: what moved on a
 * day is no balance of the report.
 */
export function readingAt<T extends Candidate | OpenFigure>(r: T, at: ReadingContext): T | null {
  if (at.movements.has(r.line) && (!isCandidate(r) || typeof r.value === 'number')) return null;
  let out: T = r;
  if (at.quoted !== null && r.line >= at.quoted) {
    if (!isCandidate(r)) return null;
    out = asQuoted(r, at.quoted) as T;
  }
  const day = asOtherDay(out, at.lines, at.asOf);
  return day && scaleCandidate(day, at.scales);
}

/** The readings as the document means them (those that are none left out). */
export function readingsAt<T extends Candidate | OpenFigure>(rs: readonly T[], at: ReadingContext): T[] {
  return rs.flatMap((r) => readingAt(r, at) ?? []);
}
