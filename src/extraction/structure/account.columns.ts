import type { Segment, Segmented } from '../layout/segments.ts';
import { currencyFromCode, currencyFromName, isCurrencyName } from '../parse/currency.parser.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';
import {
  type AccountCell,
  accountCellOf,
  type Column,
  isFigure,
  isRule,
  near,
  overlap,
  titled,
  unglue,
  wholeAccount,
  widest,
} from './account.cells.ts';
import { type AccountTables, accountEntry, emit } from './account.figures.ts';
import { isRateFigure, isRateLabel } from './rate.rows.ts';

// ---------------------------------------------------------------------------------------------
// One column per account

/**
 * The titles of a line, split where an account number stands among words (`EH352569 Relationship
 * Aggregate` printed close together is an account column beside a household column): account
 * cells, and runs of other words between them.
 */
function titlePieces(line: Segmented): { accounts: AccountCell[]; texts: Segment[] } | null {
  if (line.segs.some((s) => s.kind === 'date')) return null;
  const accounts: AccountCell[] = [];
  const texts: Segment[] = [];
  line.cells.forEach((cell, ci) => {
    const segs = line.segs.filter((s) => s.cell === ci);
    const whole = segs[0] ? accountCellOf(line, segs[0]) : null;
    if (whole && whole.segs.length === segs.length) {
      accounts.push(whole);
      return;
    }
    let run: Segment | null = null;
    for (const w of cell.spans.flatMap((span) => unglue(cell.text.slice(span.start, span.end), span))) {
      const text = w.text;
      const acct = wholeAccount(text);
      if (acct) {
        run = null;
        accounts.push({ ...acct, conf: w.conf, x0: w.x0, x1: w.x1, segs: segs.filter((s) => overlap(s, w) > 0) });
        continue;
      }
      if (run) {
        run.text = `${run.text} ${text}`;
        run.x1 = w.x1;
        run.conf = Math.min(run.conf, w.conf);
      } else {
        run = { kind: 'text', text, x0: w.x0, x1: w.x1, conf: w.conf, cell: ci };
        texts.push(run);
      }
    }
  });
  return { accounts, texts };
}

/**
 * True when the numbers of a title line stand each under a currency's title on the line above, with two
 * currencies or more among those titles (`Sterling | Euro | Sum in GBP` over `1.0000 | 0.8610`):
 * the columns are the currencies of one account, so the numbers are rates or figures, never accounts.
 */
function underCurrencyTitles(lines: Segmented[], at: number, accounts: AccountCell[]): boolean {
  const head = lines[at]!;
  const above = lines[at - 1];
  if (!above || !near(above, head, 3.5)) return false;
  const titles = above.segs.filter((s) => s.kind === 'text' && currencyTitle(s.text));
  if (new Set(titles.map((t) => currencyTitle(t.text))).size < 2) return false;
  return accounts.every((a) => titles.some((t) => overlap(t, a) > 0));
}

/** The currency a column title names when it is nothing but a currency (`EUR`, `Euro`, `US Dollars`). */
function currencyTitle(text: string): string | null {
  const t = text.trim();
  return currencyFromCode(t) ?? (isCurrencyName(t) ? currencyFromName(t) : null);
}

export function readAccountColumns(lines: Segmented[], at: number, out: AccountTables): number | null {
  const head = lines[at]!;
  const pieces = titlePieces(head);
  if (!pieces) return null;
  const { accounts } = pieces;
  // Titles only: a figure in the line makes it a row of some table.
  if (head.segs.some((s) => s.kind === 'amount' && !accounts.some((a) => a.segs.includes(s)))) return null;
  if (new Set(accounts.map((a) => a.value)).size < 2) return null;
  // A word in an account's cell, before the number, is its caption (`Account 4410-0001`): part of that column.
  const captionOf = (t: Segment) =>
    accounts.find((a) => a.segs.some((x) => x.cell === t.cell) && a.x0 >= t.x1 - 0.5 && a.x0 - t.x1 < 12);
  const texts = pieces.texts.filter((t) => {
    const a = captionOf(t);
    if (a) a.x0 = Math.min(a.x0, t.x0);
    return !a;
  });
  const firstX = Math.min(...accounts.map((a) => a.x0));
  const lastX = Math.max(...accounts.map((a) => a.x1));
  // A row of rates (`Rate to GBP  1.0000  0.8610`) is no line of account titles, nor are numbers
  // under currency titles (`Sterling | Euro | Total in GBP`): those columns are one account's currencies.
  if (pieces.texts.some((t) => t.x1 <= firstX && isRateLabel(t.text))) return null;
  if (accounts.every((a) => isRateFigure(a.value))) return null;
  if (underCurrencyTitles(lines, at, accounts)) return null;
  // Words between account numbers are labels of label/value pairs (`Account U123  Report Date 20250324`), not titles.
  if (texts.some((t) => t.x0 > firstX && t.x1 < lastX)) return null;
  // Other titles right of the account columns (a household or total column) are columns that are no account.
  const others: Column[] = texts
    .filter((s) => s.x0 >= firstX)
    .map((s) => ({ ...titled(s.x0, s.x1, s.text, s.conf), demoted: `${s.text} column` }));
  const columns: (Column & { account?: AccountCell })[] = [
    ...accounts.map((a) => ({
      x0: a.x0,
      x1: a.x1,
      title: a.value,
      conf: a.conf,
      match: null,
      demoted: null,
      account: a,
    })),
    ...others,
  ].sort((a, b) => a.x0 - b.x0);
  const colOf = (s: Segment) => widest(columns, s);
  const rows: { at: number; label: string; figures: Segment[] }[] = [];
  const skipped: number[] = [];
  let last = at;
  // The first half of a label wrapped over two lines (`Net Liquidation` / `Value  760,600.45 …`).
  let pending: { at: number; text: string } | null = null;
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!near(lines[last]!, line, 3.5)) break;
    if (isRule(line)) continue;
    const figures = line.segs.filter((s) => isFigure(s) && s.x1 > firstX - 2 && colOf(s)?.account);
    const textOnly = line.segs.every((s) => s.kind === 'text' && !isNoneWord(s.text));
    if (figures.length === 0) {
      if (!textOnly || pending) break;
      // Words under the account numbers before any row (`Custodial | Trust`) complete the titles.
      if (rows.length === 0 && line.segs.every((s) => s.x0 >= firstX - 2)) {
        skipped.push(k);
        last = k;
        continue;
      }
      if (!line.segs.every((s) => s.x1 <= firstX)) break;
      const text = line.segs.map((s) => s.text).join(' ');
      // A label wraps either way: its tail under the row above (`Margin Buying  332,902.18` / `Power`)
      // or its head over the row below; the line belongs to the nearer row.
      const prev = rows[rows.length - 1];
      const next = lines[k + 1];
      const gapUp = prev && prev.at === last ? line.top - lines[prev.at]!.bottom : Number.POSITIVE_INFINITY;
      const gapDown = next && next.page === line.page ? next.top - line.bottom : Number.POSITIVE_INFINITY;
      if (prev && gapUp < gapDown) {
        prev.label = `${prev.label} ${text}`.trim();
        skipped.push(k);
      } else pending = { at: k, text };
      last = k;
      continue;
    }
    const own = line.segs
      .filter((s) => s.kind === 'text' && s.x1 <= firstX && !isNoneWord(s.text))
      .map((s) => s.text)
      .join(' ');
    const label = pending ? `${pending.text} ${own}`.trim() : own;
    if (pending) skipped.push(pending.at);
    pending = null;
    // A row of exchange rates between the accounts' rows holds ratios, no figure of theirs.
    if (isRateLabel(label)) {
      skipped.push(k);
      last = k;
      continue;
    }
    rows.push({ at: k, label, figures });
    last = k;
  }
  // A table of accounts: rows that give figures to two accounts or more.
  const across = rows.filter((r) => new Set(r.figures.map((f) => colOf(f)!.account!.value)).size >= 2);
  if (across.length < 2) return null;
  out.claimed.add(at);
  for (const k of skipped) out.claimed.add(k);
  for (const r of rows) out.claimed.add(r.at);
  const entries = new Map(accounts.map((a) => [a.value, accountEntry(out, a.value, a.quality * a.conf, at)]));
  emit(
    rows.map((r) => {
      const line = lines[r.at]!;
      return {
        col: titled(0, 0, r.label, Math.min(1, ...line.segs.filter((s) => s.x1 <= firstX).map((s) => s.conf))),
        cells: r.figures.map((seg) => ({
          account: entries.get(colOf(seg)!.account!.value)!,
          seg,
          row: line,
          at: r.at,
        })),
        where: r.label ? `in the row "${r.label}"` : 'in a row without a label',
      };
    }),
    out,
  );
  return last;
}
