// Internally consistent account figures: equity = long + short + cash, excess = equity - requirement, and so on.

import { r2 } from './money.ts';
import type { Rng } from './prng.ts';

export interface Book {
  lmv: number;
  /** negative */
  smv: number;
  cash: number;
  equity: number;
  maint: number;
  initial: number;
  /** equity - maint */
  excess: number;
  sma: number;
  /** margin (overnight) buying power */
  bp: number;
  dtbp: number;
  /** house / maintenance call: maint - equity when in deficit, else 0 */
  houseCall: number;
  /** Reg T (Fed) call, independent of the house call */
  fedCall: number;
}

export interface BookOpts {
  scale: number;
  shorts?: boolean;
  deficit?: boolean;
  /** Reg T initial rate on longs */
  initialRate?: number;
  /** force a positive cash balance */
  creditCash?: boolean;
  /** fixed figures, e.g. sums of a positions table */
  lmv?: number;
  smv?: number;
  maint?: number;
}

export function makeBook(rng: Rng, o: BookOpts): Book {
  const lmv = o.lmv ?? rng.money(o.scale * 0.6, o.scale * 1.4);
  const smv = o.smv ?? (o.shorts ? -r2(lmv * rng.range(0.06, 0.45)) : 0);
  const maint = o.maint ?? r2(lmv * rng.range(0.25, 0.36) + -smv * rng.range(0.3, 0.4));
  const initial = r2(Math.max(lmv * (o.initialRate ?? 0.5) + -smv * 0.5, maint * rng.range(1.12, 1.3)));
  let cash: number;
  if (o.deficit) {
    // equity lands 2-12 % below the requirement
    const equityTarget = maint * rng.range(0.88, 0.98);
    cash = r2(equityTarget - lmv - smv);
  } else if (o.creditCash || rng.chance(0.55)) {
    cash = rng.money(lmv * 0.01, lmv * 0.22);
  } else {
    cash = -r2(lmv * rng.range(0.05, 0.3));
  }
  if (!o.deficit && lmv + smv + cash < maint * 1.15) {
    // keep a healthy account healthy: equity 15-60 % above the requirement
    cash = r2(maint * rng.range(1.15, 1.6) - lmv - smv);
  }
  const equity = r2(lmv + smv + cash);
  const excess = r2(equity - maint);
  const sma = o.deficit ? 0 : r2(Math.max(0, (equity - initial) * rng.range(0.6, 1.1)) + rng.money(500, 9000));
  const bp = o.deficit ? 0 : r2(2 * Math.min(sma, Math.max(excess, 0)));
  const dtbp = o.deficit ? 0 : r2(4 * Math.max(excess, 0));
  const houseCall = o.deficit ? r2(maint - equity) : 0;
  const fedCall = o.deficit ? r2(Math.max(initial - equity, 0) * rng.range(0.2, 0.6)) : 0;
  return { lmv, smv, cash, equity, maint, initial, excess, sma, bp, dtbp, houseCall, fedCall };
}

export const scaleOf = (rng: Rng): number => rng.pick([40_000, 120_000, 350_000, 900_000, 2_500_000]);
