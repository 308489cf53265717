import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import { affinity } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';

/** What the identity fills work with: the values already read, and the figures they place. */

export interface Known {
  value: number;
  /** Trusted: read under a clear label or confirmed by an identity. */
  trusted: boolean;
  /** The figure it was read from, so it is not used twice. */
  page: number;
  line: number;
}

export interface Filled {
  field: FieldName;
  figure: OpenFigure;
  value: number;
  conf: number;
  identity: string;
  /** A near rival assignment existed: the roles are a guess. */
  ambiguous: boolean;
  /** Other printed figures (buying power, an initial requirement) said which part is which. */
  sided?: boolean;
}

export const key = (v: number) => Math.round(v * 100);

/** Confidence of a figure placed by the identities alone; lower where the roles were close. */
export const FILLED_CONF = 0.72;
export const AMBIGUOUS_CONF = 0.55;

export type Slot =
  | 'total_equity'
  | 'requirement'
  | 'excess_liquidity'
  | 'cash_balance'
  | 'long_market_value'
  | 'short_market_value';

export interface Assignment {
  parts: Map<Slot, { figure: OpenFigure | null; value: number }>;
  identity: string;
  score: number;
  sided?: boolean;
}
/**
 * Without a deficit, a call printed as 0 or as a word for nothing (`NIL`) under a label that speaks
 * of calls more than of any other field is no call: a call of 0.
 */
/** Least share of a label's wording that must speak of calls for a 0 under it to be the call (`TRADE … TOTAL` is not). */
const NO_CALL_AFFINITY = 0.5;

export function noCall(
  known: Map<FieldName, Known>,
  pool: OpenFigure[],
  used: (f: OpenFigure) => boolean,
  excess: number | undefined,
): Filled[] {
  if (excess === undefined || excess < 0 || known.has('margin_call')) return [];
  const zeros = pool.filter(
    (f) =>
      !used(f) &&
      f.value === 0 &&
      affinity(f.label, 'margin_call') >= NO_CALL_AFFINITY &&
      FIELD_NAMES.every((g) => g === 'margin_call' || affinity(f.label, g) < affinity(f.label, 'margin_call')),
  );
  if (zeros.length === 0) return [];
  const labels = new Set(zeros.map((f) => f.label.toLowerCase()));
  return [filled('margin_call', zeros[0]!, 0, 'no call without a deficit', labels.size > 1)];
}

export function filled(
  field: FieldName,
  figure: OpenFigure,
  value: number,
  identity: string,
  ambiguous: boolean,
): Filled {
  return { field, figure, value, identity, ambiguous, conf: ambiguous ? AMBIGUOUS_CONF : FILLED_CONF };
}

/** Highest-scoring assignment, and whether another one (other figures in other parts) came close. */
export function pickBest(list: Assignment[]): { best: Assignment; ambiguous: boolean } | null {
  if (list.length === 0) return null;
  const sorted = [...list].sort((a, b) => b.score - a.score);
  const best = sorted[0]!;
  const sig = (a: Assignment) => [...a.parts.values()].map((p) => key(p.value)).join('|');
  const rival = sorted.find((a) => sig(a) !== sig(best));
  return { best, ambiguous: !!rival && rival.score >= best.score - 0.25 };
}

/** One figure per printed place (a figure read twice, beside and under labels, counts once). */
export function dedupe(pool: OpenFigure[]): OpenFigure[] {
  const seen = new Set<string>();
  return pool.filter((f) => {
    const k = `${f.page}:${f.line}:${f.box.x0.toFixed(0)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
