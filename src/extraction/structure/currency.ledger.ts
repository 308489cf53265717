import type { Segment, Segmented } from '../layout/segments.ts';
import { contextOf } from '../vocabulary/context.match.ts';
import { currencyCode } from './currency.sections.ts';

/** Most lines a per-currency sub-ledger runs below its first row before its total. */
const LEDGER_ROWS = 8;

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

const headOf = (l: Segmented): string | null => (l.segs[0]?.kind === 'text' ? l.segs[0].text.trim() : null);

/**
 * A figure under a column title, in a row headed by a currency (`HUF`, `EUR`, `USD` rows of a
 * per-currency sub-ledger, each in its own currency): the report is the ledger's total row in the base
 * currency, the per-currency rows are its components. The total row is headed by a total word, or
 * prints its figures alone with the total word on a line of its own above them (a label wrapped round
 * the figures: `Total` / figures / `EUR`). Null where the figure's row names no currency, or no total
 * row closes the ledger; `unread` where the total row prints nothing that reads as a figure in the
 * figure's column (a scan's slip): the currency row's figure is only a part, and the total is lost.
 */
export function ledgerTotal(
  lines: readonly Segmented[],
  at: number,
  seg: Segment,
): { line: Segmented; seg: Segment } | 'unread' | null {
  const row = lines[at]!;
  const head = headOf(row);
  if (!head || !currencyCode(head)) return null;
  let totalAbove = false;
  for (let j = at + 1; j < lines.length && j <= at + LEDGER_ROWS; j++) {
    const l = lines[j]!;
    if (l.page !== row.page) return null;
    const figures = l.segs.filter((s) => s.kind === 'amount');
    const text = headOf(l);
    if (figures.length === 0) {
      // A line of words only: the total's label wrapped above its figures, or the ledger has ended.
      if (!text || l.segs.length !== 1) return null;
      if (contextOf(text) === 'total') totalAbove = true;
      else if (!currencyCode(text)) return null;
      continue;
    }
    const under = figures.find((f) => overlap(f, seg) > 0);
    if (text && contextOf(text) === 'total') return under ? { line: l, seg: under } : 'unread';
    if (!text && totalAbove) return under ? { line: l, seg: under } : 'unread';
    // Another currency's row: the ledger goes on.
    if (!text || !currencyCode(text)) return null;
  }
  return null;
}
