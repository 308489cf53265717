import type { Segmented } from '../layout/segments.ts';
import { readAccountColumns } from './account.columns.ts';
import type { AccountTables } from './account.figures.ts';
import { readAccountRows } from './account.rows.ts';

/**
 * Tables of several accounts, read by structure before any label: one row per account (an account
 * cell at the row's start, figures in columns under titles) and one column per account (account
 * numbers over the columns, field labels heading the rows, perhaps a combined/household column).
 * Who a figure belongs to comes from the table's geometry, never from a label's wording: a row or
 * column without an account cell (a page or report total, a household column) is never an
 * account, and a date or a total is never read as one. Which field a figure is comes from the
 * title that governs its cell; a figure whose title names no field is an unread cell, and the
 * account it belongs to is flagged for review instead of losing it silently.
 */

/** Reads every multi-account table of the document. */
export function readAccountTables(lines: Segmented[]): AccountTables {
  const out: AccountTables = { byLine: new Map(), claimed: new Set(), accounts: [] };
  for (let at = 0; at < lines.length; at++) {
    if (out.claimed.has(at)) continue;
    const end = readAccountRows(lines, at, out) ?? readAccountColumns(lines, at, out);
    if (end !== null) at = end;
  }
  return out;
}
