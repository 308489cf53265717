import type { FieldName } from '../../contract/fields.ts';
import { isOpenPnl } from '../vocabulary/pnl.words.ts';
import { near } from './accounting.identities.ts';
import { type Filled, filled, type Known } from './filled.figures.ts';
import { affinity, leaning } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';

/** Fields whose wording an equity printed as cash plus open P&L may share (`Margin Balance`, `Equity`). */
const EQUITY_LIKE: ReadonlySet<FieldName | null> = new Set([null, 'total_equity', 'cash_balance']);

/**
 * Derivatives platforms print the account's equity as its cash (wallet, ledger, balance) plus the open
 * positions' unrealised P&L, under names of their own (`Margin Balance`, `Net Liquidating Value`).
 * Where no equity was read, the figure that is exactly a cash figure plus a printed open P&L is the
 * equity: the sum says which is which, not the label (a `Margin Balance` may read as cash). Placed
 * below review confidence, like every figure the identities alone place.
 */
export function equityOverOpenPnl(known: Map<FieldName, Known>, figures: readonly OpenFigure[]): Filled | null {
  if (known.has('total_equity')) return null;
  const pnl = figures.filter((f) => f.value !== 0 && isOpenPnl(f.label));
  if (pnl.length === 0) return null;
  const cash = known.get('cash_balance');
  // The cash as read, or the figures whose labels speak of cash; a figure that is the cash plus a
  // non-zero P&L is never the cash figure itself.
  const cashes: { value: number; page: number }[] = cash
    ? [cash]
    : figures.filter((f) => !isOpenPnl(f.label) && affinity(f.label, 'cash_balance') > 0);
  const found = new Map<string, OpenFigure>();
  for (const u of pnl)
    for (const c of cashes) {
      if (c.page !== u.page) continue;
      for (const e of figures) {
        if (e === u || e.page !== u.page || e.value <= 0 || isOpenPnl(e.label)) continue;
        if (!near(c.value + u.value, e.value) || !EQUITY_LIKE.has(leaning(e.label))) continue;
        found.set(`${e.page}:${e.line}:${Math.round(e.box.x0)}`, e);
      }
    }
  if (found.size === 0) return null;
  const [e] = found.values();
  const values = new Set([...found.values()].map((f) => Math.round(f.value * 100)));
  return filled('total_equity', e!, e!.value, 'equity = cash + open P&L', values.size > 1);
}
