import type { FieldName } from '../../contract/fields.ts';
import type { EquityParts } from './equity.parts.ts';
import { AMBIGUOUS_CONF, FILLED_CONF } from './filled.figures.ts';
import type { OpenFigure } from './open.figures.ts';

/** The fields a reading by the identities alone (`identities.alone.ts`) places, with their confidence and reason. */

export interface AlonePart {
  field: FieldName;
  figure: OpenFigure;
  value: number;
  conf: number;
  /** Why the figure is this field, in a reviewer's words. */
  reason: string;
}

export interface AloneReading {
  parts: AlonePart[];
  points: number;
  /** The identities and corroboration that carried it. */
  evidence: string[];
}

export interface Scored {
  e: OpenFigure;
  m: OpenFigure;
  x: OpenFigure;
  ecls: EquityParts | null;
  call: OpenFigure | null;
  bp: OpenFigure | null;
  /** The initial requirement, printed beside the maintenance one and above it. */
  init: OpenFigure | null;
  points: number;
  evidence: string[];
  /** Requirement and excess told apart by printed evidence (buying power), not print order. */
  sided: boolean;
}

/**
 * The fields of a reading, each with its confidence and reason. `guess` says why the reading's column was
 * chosen among others that satisfy the identities as well, where only print order chose it: every part is
 * then held at `AMBIGUOUS_CONF`.
 */
export function partsOf(s: Scored, guess: string | null = null): AlonePart[] {
  const why = (what: string) => `its label is not one the vocabulary knows; ${what}${guess ? `; ${guess}` : ''}`;
  const order = s.sided ? 'told apart by sign or by buying power on the excess' : 'told apart by print order only';
  const out: AlonePart[] = [
    {
      field: 'total_equity',
      figure: s.e,
      value: s.e.value,
      conf: FILLED_CONF,
      reason: why('it is the sum of the parts'),
    },
    {
      field: 'maintenance_requirement',
      figure: s.m,
      value: s.m.value,
      conf: s.sided ? FILLED_CONF : AMBIGUOUS_CONF,
      reason: why(`equity − it = the excess (${order})`),
    },
    {
      field: 'excess_liquidity',
      figure: s.x,
      value: s.x.value,
      conf: s.sided ? FILLED_CONF : AMBIGUOUS_CONF,
      reason: why(`equity − the requirement = it (${order})`),
    },
  ];
  if (s.call)
    out.push({
      field: 'margin_call',
      figure: s.call,
      value: Math.abs(s.call.value),
      conf: FILLED_CONF,
      reason: why(s.call.value === 0 ? 'a 0 beside a positive excess is no call' : 'it is the deficit'),
    });
  if (s.init)
    out.push({
      field: 'initial_requirement',
      figure: s.init,
      value: s.init.value,
      conf: AMBIGUOUS_CONF,
      reason: why('printed beside the requirement, above it and below the excess'),
    });
  if (s.bp)
    out.push({
      field: 'buying_power',
      figure: s.bp,
      value: s.bp.value,
      conf: FILLED_CONF,
      reason: why('2× or 4× the excess'),
    });
  if (s.ecls) {
    const { c, l, s: sh } = s.ecls;
    // A sign a field never takes tells a part; two parts of one sign are told by print order only.
    const longSure = c.value < 0;
    const shortSure = sh !== null && c.value > 0;
    const sum = why('cash + long + short = equity');
    out.push(
      { field: 'cash_balance', figure: c, value: c.value, conf: AMBIGUOUS_CONF, reason: sum },
      {
        field: 'long_market_value',
        figure: l,
        value: l.value,
        conf: longSure ? FILLED_CONF : AMBIGUOUS_CONF,
        reason: sum,
      },
    );
    if (sh)
      out.push({
        field: 'short_market_value',
        figure: sh,
        value: sh.value,
        conf: shortSure ? FILLED_CONF : AMBIGUOUS_CONF,
        reason: sum,
      });
  }
  return guess ? out.map((p) => ({ ...p, conf: Math.min(p.conf, AMBIGUOUS_CONF) })) : out;
}
