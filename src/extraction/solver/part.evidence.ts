import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import { affinity } from './label.clarity.ts';

/**
 * Which side of `equity = requirement + excess` is which, where the identity holds either way and
 * no label says: other printed figures that obey generic accounting tell, never the labels of the
 * two parts themselves.
 *
 * - Buying power is margin leverage on the excess (Reg T overnight 2×, day trading 4×); it is never
 *   leverage on the requirement. A figure that is 2× or 4× one part and not the other names that part
 *   the excess.
 * - The maintenance requirement is never above the initial one: a printed initial requirement that
 *   one part exceeds and the other does not names the smaller part the requirement.
 *
 * (A margin call, the third piece of evidence, exists only where the requirement is above the
 * equity; with both parts positive and below the equity the swap changes no deficit, so it never tells.)
 */

/** Margin leverage on a buying-power base: Reg T overnight (2×) and day-trading (4×) buying power. */
export const LEVERAGE = [2, 4] as const;

const near = (a: number, b: number) => Math.abs(a - b) <= 0.015 + Math.abs(b) * 1e-9;

/** True when `value` is buying power on `base`: 2× or 4× a positive base. */
export const levered = (value: number, base: number) => base > 0 && LEVERAGE.some((k) => near(value, k * base));

/** A label that may stand over buying power: none of its words leans more to another field (`Purchasing Capacity`, `Available to Buy`). */
export const mayBeBuyingPower = (label: string) =>
  FIELD_NAMES.every((g) => g === 'buying_power' || affinity(label, g) <= affinity(label, 'buying_power'));

export interface SideEvidence {
  /** Printed figures that may be buying power (other than the two parts). */
  levered: readonly number[];
  /** Printed initial requirements (maintenance is never above one). */
  initial: readonly number[];
}

/** Verdict of one kind of evidence: +1 as given, −1 the other way round, 0 it does not tell. */
type Vote = -1 | 0 | 1;

function leverageVote(req: number, exc: number, bps: readonly number[]): Vote {
  const onExc = bps.some((b) => levered(b, exc));
  const onReq = bps.some((b) => levered(b, req));
  return onExc === onReq ? 0 : onExc ? 1 : -1;
}

function initialVote(req: number, exc: number, initials: readonly number[]): Vote {
  let vote: Vote = 0;
  for (const raw of initials) {
    const i = Math.abs(raw);
    const reqFits = req <= i + 0.005;
    const excFits = exc <= i + 0.005;
    if (reqFits === excFits) continue;
    const v: Vote = reqFits ? 1 : -1;
    if (vote !== 0 && vote !== v) return 0;
    vote = v;
  }
  return vote;
}

/**
 * +1 when the printed evidence says `req` is the requirement and `exc` the excess, −1 when it says
 * the reverse, 0 when it says nothing or contradicts itself. Only positive parts are judged (a
 * negative one is told apart by its sign: a requirement is never negative).
 */
export function requirementSide(req: number, exc: number, ev: SideEvidence): Vote {
  if (!(req > 0 && exc > 0) || near(req, exc)) return 0;
  const votes = [leverageVote(req, exc, ev.levered), initialVote(req, exc, ev.initial)].filter((v) => v !== 0);
  if (votes.length === 0) return 0;
  return votes.every((v) => v === votes[0]) ? votes[0]! : 0;
}

/**
 * The verdict on a report's chosen values: `requirement` (maintenance, or initial where it is the
 * one in the identity) against the excess, with the report's buying power, the printed figures that
 * may be buying power and, when `initialTrusted` (its label clear), the initial requirement as evidence.
 */
export function chosenSide(
  v: Partial<Record<FieldName, number>>,
  requirement: 'maintenance_requirement' | 'initial_requirement',
  printed: readonly { value: number; label: string }[],
  initialTrusted: boolean,
): Vote {
  const req = v[requirement];
  const exc = v.excess_liquidity;
  if (req === undefined || exc === undefined) return 0;
  const bp = v.buying_power;
  return requirementSide(req, exc, {
    levered: [
      ...(bp !== undefined ? [bp] : []),
      ...printed
        .filter((f) => f.value > 0 && ![req, exc, v.total_equity].some((p) => p !== undefined && near(p, f.value)))
        .filter((f) => mayBeBuyingPower(f.label))
        .map((f) => f.value),
    ],
    initial:
      requirement === 'maintenance_requirement' && initialTrusted && v.initial_requirement !== undefined
        ? [v.initial_requirement]
        : [],
  });
}
