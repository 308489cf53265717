// One account's figures, in integer cents, that satisfy the accounting identities every margin
// statement shares: equity = cash + long + short; excess = equity − requirement; call = deficit.
import { FIELD_NAMES } from '../../src/contract/fields.ts';
import type { Rng } from './random.ts';

export const MONEY_FIELDS = FIELD_NAMES;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export type Figures = Record<MoneyField, number>;

const cents = (rng: Rng, lo: number, hi: number) => rng.int(lo * 100, hi * 100);

/** `deficit` forces the requirement above equity, so a call is due. */
export function drawFigures(rng: Rng, opts: { deficit: boolean; scale?: number }): Figures {
  const scale = opts.scale ?? rng.pick([1, 10, 100]);
  const long = cents(rng, 20_000 * scale, 900_000 * scale);
  const short = rng.chance(0.6) ? -cents(rng, 1_000 * scale, Math.floor(long / 100 / 3)) : 0;
  // Cash may be a debit (borrowed on margin), but never so deep that equity goes negative.
  const cash = rng.chance(0.5)
    ? cents(rng, 100 * scale, 200_000 * scale)
    : -rng.int(0, Math.floor((long + short) * 0.55));
  const equity = cash + long + short;
  const gross = long - short;
  const maint = opts.deficit
    ? equity + rng.int(100 * scale, Math.max(200 * scale, Math.floor(equity * 0.3)))
    : Math.floor(Math.min(equity * rng.next() * 0.9, gross * (0.15 + rng.next() * 0.35)));
  const initial = Math.floor(maint * (1.2 + rng.next() * 0.6));
  const excess = equity - maint;
  const call = excess < 0 ? -excess : 0;
  const buying = Math.max(0, excess) * rng.pick([2, 4]);
  const sma = cents(rng, 0, 80_000 * scale);
  return {
    total_equity: equity,
    maintenance_requirement: maint,
    initial_requirement: initial,
    excess_liquidity: excess,
    margin_call: call,
    buying_power: buying,
    cash_balance: cash,
    long_market_value: long,
    short_market_value: short,
    sma,
  };
}

/** The identities, checked on any set of figures (the generator's own self-test). */
export function identitiesHold(f: Figures): boolean {
  return (
    f.total_equity === f.cash_balance + f.long_market_value + f.short_market_value &&
    f.excess_liquidity === f.total_equity - f.maintenance_requirement &&
    f.margin_call === Math.max(0, -f.excess_liquidity)
  );
}
