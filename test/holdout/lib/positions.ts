// Holdings tables: quantities x prices whose sums become the long / short market values on the summary.

import { r2 } from './money.ts';
import { tickers } from './people.ts';
import type { Rng } from './prng.ts';

export interface Position {
  sym: string;
  desc: string;
  qty: number;
  price: number;
  mv: number;
  reqPct: number;
  req: number;
}

export function makePositions(rng: Rng, scale: number, nLong: number, nShort: number): Position[] {
  const names = tickers(rng, nLong + nShort);
  return names.map(([sym, desc], i) => {
    const short = i >= nLong;
    const price = rng.money(8, 640);
    const target = (scale / Math.max(nLong, 1)) * rng.range(0.3, 1.7) * (short ? 0.5 : 1);
    const qty =
      Math.max(1, Math.round(target / price / (price > 100 ? 1 : 10)) * (price > 100 ? 1 : 10)) * (short ? -1 : 1);
    const mv = r2(qty * price);
    const reqPct = short ? rng.pick([30, 30, 40, 50]) : rng.pick([25, 25, 30, 30, 35, 50, 100]);
    return { sym, desc, qty, price, mv, reqPct, req: r2(Math.abs(mv) * (reqPct / 100)) };
  });
}

export const sumOf = (ps: Position[], f: (p: Position) => number): number => r2(ps.reduce((a, p) => a + f(p), 0));
