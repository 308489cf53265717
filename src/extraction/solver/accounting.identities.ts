import type { FieldName } from '../../contract/fields.ts';

/** Worth of a satisfied identity, against log(rank ratio) of a lower-ranked value: it settles near ties between labels, never overrules a clearly better label. */
export const IDENTITY_BONUS = 0.5;
export const CALL_BONUS = 0.25;

export const near = (a: number, b: number) => Math.abs(a - b) <= 0.015 + Math.abs(b) * 1e-9;

export type Values = Partial<Record<FieldName, number>>;

/** The identities that hold among the given values, each with the fields it ties together. */
export interface Identity {
  name: string;
  fields: FieldName[];
  bonus: number;
  /** False where holding proves little (no call while there is no deficit). */
  confirms?: false;
  /** True where the identity ties two printings of one amount (call = deficit): a misread common to both keeps it. */
  mirror?: true;
}

/**
 * Identities whose every field the values give, and which do not hold: each field of one is in
 * doubt unless another identity confirms it. Equity is checked only with all four of its parts, as
 * a statement may leave out a zero short value, or, with `shortZero` (the document prints no short
 * value anywhere, no label and no column), with the short as 0.
 */
export function identitiesBroken(v: Values, shortZero = false): Identity[] {
  const out: Identity[] = [];
  const holding = new Set(identitiesHolding(v, shortZero).map((h) => h.name));
  const { total_equity: e, cash_balance: c, long_market_value: l } = v;
  const s = shortOf(v, shortZero);
  const { maintenance_requirement: m, initial_requirement: i, excess_liquidity: x, margin_call: call } = v;
  if (
    e !== undefined &&
    c !== undefined &&
    l !== undefined &&
    s !== undefined &&
    !holding.has('equity = cash + long + short')
  )
    out.push({
      name: 'equity = cash + long + short',
      fields: equityFields(v),
      bonus: 0,
    });
  if (e !== undefined && x !== undefined && m !== undefined && !near(e - m, x) && !(i !== undefined && near(e - i, x)))
    out.push({
      name: 'excess = equity − requirement',
      fields: ['total_equity', 'maintenance_requirement', 'excess_liquidity'],
      bonus: 0,
    });
  if (call !== undefined && x !== undefined) {
    const futures = e !== undefined && i !== undefined && call > 0 && near(call, i - e);
    if (!futures && ((x < 0 && call > 0 && !near(call, -x)) || (x >= 0 && call > 0)))
      out.push({ name: 'call = deficit', fields: ['margin_call', 'excess_liquidity'], bonus: 0 });
  }
  return out;
}

/** The short value for equity = cash + long + short: as read, or 0 where the document prints none. */
export const shortOf = (v: Values, shortZero: boolean) => v.short_market_value ?? (shortZero ? 0 : undefined);

/** The fields equity = cash + long + short ties together: a short the document never prints is none of them. */
const equityFields = (v: Values): FieldName[] =>
  v.short_market_value === undefined
    ? ['total_equity', 'cash_balance', 'long_market_value']
    : ['total_equity', 'cash_balance', 'long_market_value', 'short_market_value'];

export function identitiesHolding(v: Values, shortZero = false): Identity[] {
  const out: Identity[] = [];
  const { total_equity: e, cash_balance: c, long_market_value: l } = v;
  const s = shortOf(v, shortZero);
  const { maintenance_requirement: m, initial_requirement: i, excess_liquidity: x, margin_call: call } = v;
  if (e !== undefined && c !== undefined && l !== undefined && s !== undefined && near(c + l + s, e) && e !== 0)
    out.push({
      name: 'equity = cash + long + short',
      fields: equityFields(v),
      bonus: IDENTITY_BONUS,
    });
  if (e !== undefined && x !== undefined && e !== 0) {
    if (m !== undefined && near(e - m, x))
      out.push({
        name: 'excess = equity − maintenance',
        fields: ['total_equity', 'maintenance_requirement', 'excess_liquidity'],
        bonus: IDENTITY_BONUS,
      });
    else if (i !== undefined && near(e - i, x))
      out.push({
        name: 'excess = equity − initial',
        fields: ['total_equity', 'initial_requirement', 'excess_liquidity'],
        bonus: IDENTITY_BONUS,
      });
  }
  if (call !== undefined && x !== undefined) {
    if (x < 0 && call > 0 && near(call, -x))
      out.push({
        name: 'call = deficit',
        fields: ['margin_call', 'excess_liquidity'],
        bonus: CALL_BONUS,
        mirror: true,
      });
    else if (x >= 0 && call === 0)
      out.push({ name: 'no call without a deficit', fields: ['margin_call'], bonus: CALL_BONUS, confirms: false });
  } else if (call !== undefined && call > 0 && e !== undefined && i !== undefined && near(call, i - e)) {
    // Futures: the call restores initial margin.
    out.push({
      name: 'call = initial − equity',
      fields: ['margin_call', 'initial_requirement', 'total_equity'],
      bonus: CALL_BONUS,
    });
  }
  return out;
}

/**
 * Parts an identity cannot tell apart: a sum holds whichever addend is which (equity = cash + long
 * + short), and so does a difference's two sides (equity = requirement + excess). Within a group, a
 * part is placed by its own clear label, or by every interchangeable partner's clear label, or by a
 * sign the partner's field cannot take (a short value is never positive, a requirement never negative).
 */
const INTERCHANGEABLE: Record<string, readonly FieldName[]> = {
  'equity = cash + long + short': ['cash_balance', 'long_market_value', 'short_market_value'],
  'excess = equity − maintenance': ['maintenance_requirement', 'excess_liquidity'],
  'excess = equity − initial': ['initial_requirement', 'excess_liquidity'],
};
const SIGN_OF: Partial<Record<FieldName, 1 | -1>> = {
  maintenance_requirement: 1,
  initial_requirement: 1,
  long_market_value: 1,
  short_market_value: -1,
};
export const fits = (f: FieldName, v: number) => !SIGN_OF[f] || v === 0 || Math.sign(v) === SIGN_OF[f];

/** True when the identity places `f` itself, not only the group of parts it belongs to. */
export function pinned(f: FieldName, id: Identity, v: Values, clear: (f: FieldName) => boolean): boolean {
  const group = INTERCHANGEABLE[id.name];
  if (!group?.includes(f) || clear(f)) return true;
  return group.every((g) => {
    if (g === f || v[g] === undefined || clear(g)) return true;
    // Swapped, would each value still fit the other's field?
    return !(fits(f, v[g]!) && fits(g, v[f]!));
  });
}

export function holdsWith(values: Values, f: FieldName, v: number, identity: string, shortZero = false): boolean {
  return identitiesHolding({ ...values, [f]: v }, shortZero).some((h) => h.name === identity);
}
