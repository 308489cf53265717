import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Known } from '../../src/extraction/solver/filled.figures.ts';
import { fillByIdentities } from '../../src/extraction/solver/identity.fill.ts';
import { affinity } from '../../src/extraction/solver/label.clarity.ts';
import { figureBuilder } from './support/figures.builder.ts';

const { fig } = figureBuilder();
const known = (entries: [FieldName, number][]) =>
  new Map<FieldName, Known>(entries.map(([f, value]) => [f, { value, trusted: true, page: 0, line: 900 }]));
const placed = (out: ReturnType<typeof fillByIdentities>) => Object.fromEntries(out.map((o) => [o.field, o.value]));

describe('fillByIdentities', () => {
  it('places equity and requirement under unknown labels where they make the printed excess', () => {
    const out = fillByIdentities(known([['excess_liquidity', 510_705.2]]), [
      fig('Worth of the Book at Liquidation', 624_987.51),
      fig('Floor the House Keeps', 114_282.31),
      fig('Something Else Entirely', 52_662.95),
    ]);
    // Equity is the sum; the requirement is the part that is never negative.
    expect(placed(out)).toMatchObject({ total_equity: 624_987.51 });
    expect(out.every((o) => o.conf < 0.8)).toBe(true);
    expect(out[0]!.identity).toBe('excess = equity − requirement');
  });

  it('places the equity where the figure available above the initial margin makes it, with both requirements read, and that figure as no excess', () => {
    // A derivatives platform: what stays available above the initial margin confirms the equity; with the
    // maintenance margin printed, it is available funds, not the excess (which is over the maintenance one).
    const out = fillByIdentities(
      known([
        ['maintenance_requirement', 6_200],
        ['initial_requirement', 12_400],
        ['cash_balance', 48_210.55],
      ]),
      [fig('Margin Balance', 45_095.35), fig('Unrealized PnL', -3_115.2), fig('Available Balance', 32_695.35)],
    );
    expect(placed(out)).toEqual({ total_equity: 45_095.35 });
    expect(out.every((o) => o.conf < 0.8)).toBe(true);
  });

  it('places cash, long and short where they add up to the equity, the short printed negative', () => {
    const out = fillByIdentities(known([['total_equity', 1_000]]), [
      fig('Cash Kept Aside', 300),
      fig('Long Things at Market', 900),
      fig('Short Things at Market', -200),
      fig('Cash Kept Elsewhere', 17),
    ]);
    expect(placed(out)).toEqual({ cash_balance: 300, long_market_value: 900, short_market_value: -200 });
  });

  it('never places a profit or loss on positions as the short value', () => {
    // Cash + collateral + an unrealised loss add up to the equity, but a P/L is not a market value.
    const out = fillByIdentities(
      known([
        ['total_equity', 7_915_500],
        ['cash_balance', 3_200_000],
      ]),
      [fig('Collateral Securities after haircut', 5_840_000), fig('Unrealized P/L on positions', -1_124_500)],
    );
    expect(placed(out).short_market_value).toBeUndefined();
  });

  it('places nothing from zeros, figures whose labels say nothing of the part, or trusted figures', () => {
    expect(
      fillByIdentities(known([['total_equity', 1_000]]), [fig('Deposits', 0), fig('Ending Value', 1_000)]),
    ).toEqual([]);
    expect(fillByIdentities(known([['excess_liquidity', 100]]), [fig('Fed Call', 400), fig('Deposits', 300)])).toEqual(
      [],
    );
  });

  it('takes the call as the deficit', () => {
    const out = fillByIdentities(
      known([
        ['total_equity', 900],
        ['maintenance_requirement', 1_000],
      ]),
      [fig('Excess (Shortfall)', -100), fig('Call Now Due', 100)],
    );
    expect(placed(out)).toEqual({ excess_liquidity: -100, margin_call: 100 });
  });

  it('lets one part of an identity be silent where the other parts argue it, never two', () => {
    // `Leaving a margin of` says nothing of an excess, but equity and requirement speak and the cents agree.
    const one = fillByIdentities(new Map(), [
      fig('The account net worth came to', 223_373.1),
      fig('Against a house minimum of', 68_127.48),
      fig('Leaving a zorp of', 155_245.62),
    ]);
    expect(placed(one)).toEqual({
      total_equity: 223_373.1,
      maintenance_requirement: 68_127.48,
      excess_liquidity: 155_245.62,
    });
    expect(fillByIdentities(known([['total_equity', 1_000]]), [fig('Zorp Blim', 400), fig('Quux Frob', 600)])).toEqual(
      [],
    );
  });

  it('never takes a maintenance requirement above the initial one', () => {
    const out = fillByIdentities(known([['total_equity', 1_000]]), [
      fig('Initial Zorp', 300),
      fig('Zorp Maintenance Floor', 800),
      fig('Excess Zorp', 200),
    ]);
    // The labels alone would make 800 the requirement; the initial requirement of 300 rules it out.
    expect(placed(out).maintenance_requirement).not.toBe(800);
    expect(placed(out).maintenance_requirement ?? 0).toBeLessThanOrEqual(300);
  });

  it('places buying power as 2× or 4× the excess or the SMA, and a zero under a buying-power label in a deficit', () => {
    expect(placed(fillByIdentities(known([['excess_liquidity', 250.5]]), [fig('Zorp Capacity', 1_002)]))).toEqual({
      buying_power: 1_002,
    });
    expect(placed(fillByIdentities(known([['excess_liquidity', 250.5]]), [fig('Zorp Capacity', 750)]))).toEqual({});
    expect(
      placed(fillByIdentities(known([['excess_liquidity', -40]]), [fig('Zorp Buying Power', 0), fig('Zorp', 40)])),
    ).toMatchObject({ buying_power: 0 });
  });

  it('weighs a label by the words it shares with a field', () => {
    expect(affinity('Floor the House Keeps', 'maintenance_requirement')).toBeGreaterThan(0);
    expect(affinity('Fed Call', 'cash_balance')).toBe(0);
  });
});
