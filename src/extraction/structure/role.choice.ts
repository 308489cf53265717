import type { FieldName } from '../../contract/fields.ts';

/**
 * The figures of a multi-account table's lines as vectors over its accounts, the checks an identity
 * makes on them, and the choice among the assignments they allow (`table.roles.ts`).
 */

export type Vec = ReadonlyMap<string, number>;

export const near = (a: number, b: number) => Math.abs(a - b) <= 0.015 + Math.abs(b) * 1e-9;
/** Least number of accounts an identity must hold on: one account proves little, two or more a structure. */
export const MIN_ACCOUNTS = 2;
/** Assignments within this score of the best one are near ties: where they disagree, nothing is named. */
const TIE = 0.15;
/** True when `f` holds on every account that all vectors give, and there are enough of them. */
export function holds(vs: Vec[], f: (xs: number[]) => boolean): boolean {
  let n = 0;
  for (const a of vs[0]!.keys()) {
    const xs = vs.map((v) => v.get(a));
    if (xs.some((x) => x === undefined)) continue;
    if (!f(xs as number[])) return false;
    n++;
  }
  return n >= MIN_ACCOUNTS;
}

export const allZero = (v: Vec) => [...v.values()].every((x) => x === 0);
export const nonNegative = (v: Vec) => [...v.values()].every((x) => x >= 0);

export interface Candidate {
  parts: [number, FieldName][];
  score: number;
}

/**
 * The best assignments that share no line and no field, best first. Where a near tie gives one of
 * the best's lines another field (or one of its fields another line), that line stays unnamed.
 */
export function pickConsistent(cands: Candidate[]): [number, FieldName][] {
  const out: [number, FieldName][] = [];
  let rest = [...cands].sort((a, b) => b.score - a.score);
  while (rest.length > 0) {
    const best = rest[0]!;
    const ties = rest.filter((c) => c !== best && c.score >= best.score - TIE);
    for (const [i, f] of best.parts) {
      const doubt = ties.some((t) => t.parts.some(([j, g]) => (j === i && g !== f) || (g === f && j !== i)));
      if (!doubt && !out.some(([j, g]) => j === i || g === f)) out.push([i, f]);
    }
    const lines = new Set(best.parts.map(([i]) => i));
    const fields = new Set(best.parts.map(([, f]) => f));
    // Assignments that agree with the best on its shared lines stay possible (equity in two identities).
    rest = rest.filter(
      (c) =>
        c !== best &&
        !ties.includes(c) &&
        c.parts.every(([i, f]) => (lines.has(i) || fields.has(f) ? out.some(([j, g]) => j === i && g === f) : true)),
    );
  }
  return out;
}
