import { readAccountToken } from '../parse/account.parser.ts';
import { contextOf } from '../vocabulary/context.match.ts';
import type { Scored } from './alone.parts.ts';

/**
 * Readings by the identities alone (`identities.alone.ts`) that tie: the same statement printed in
 * several grid columns (this period and an earlier one, each adding up). Which column is the
 * statement's is told by structure, never guessed silently:
 *
 * - a column title the vocabulary reads as the current figures, over one column only;
 * - otherwise the first printed column (a statement prints its own figures before the ones it compares
 *   them with), every part then held below review with the reason.
 *
 * No choice where a tied reading stands outside a grid column, where one column holds two readings, or
 * where a column title looks like an account identifier (a column per account is no earlier period).
 */
export interface ColumnChoice {
  reading: Scored;
  /** Why the column was chosen where print order alone chose it (the reason each part carries), else null. */
  guess: string | null;
}

/** Whether two readings read the statement differently (another equity, or other figures in its parts). */
export const rivals = (s: Scored, t: Scored) =>
  s.e !== t.e || new Set([s.m, s.x]).size !== new Set([s.m, s.x, t.m, t.x]).size;

export function chooseColumn(tied: Scored[]): ColumnChoice | null {
  const byColumn = new Map<string, Scored>();
  for (const s of tied) {
    const col = s.e.column;
    if (col === undefined) return null;
    const had = byColumn.get(col);
    if (had && rivals(had, s)) return null;
    if (!had) byColumn.set(col, s);
  }
  const readings = [...byColumn.values()];
  if (readings.length < 2) return null;
  const title = (s: Scored) => s.e.columnTitle ?? '';
  if (readings.some((s) => readAccountToken(title(s)) !== null)) return null;
  const current = readings.filter((s) => contextOf(title(s)) === 'current');
  if (current.length === 1) return { reading: current[0]!, guess: null };
  // All on one page (oneBlock): the leftmost column is printed first.
  const first = [...readings].sort((a, b) => a.e.box.x0 - b.e.box.x0)[0]!;
  return {
    reading: first,
    guess: `the first printed of ${readings.length} columns that each satisfy the identities (no title says which is the statement's)`,
  };
}
