import { matchLabel } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { namesInstrument } from '../vocabulary/account.identifiers.ts';
import {
  type AccountCell,
  accountCellOf,
  type Column,
  isFigure,
  isFigureMark,
  isRule,
  near,
  overlap,
  titled,
  type Word,
  widest,
  wordsOf,
} from './account.cells.ts';
import { type AccountTables, accountEntry, emit, type TableCell } from './account.figures.ts';

const ACCOUNT_TITLE: ReadonlySet<LabelTarget> = new Set(['account']);

// ---------------------------------------------------------------------------------------------
// One row per account

interface AccountRow {
  at: number;
  account: AccountCell;
  figures: Segment[];
  /** Text in the row that is neither the account nor a figure (a cell the reader cannot split). */
  stray: Segment[];
  /** Words between the account and its figures (a name or registration column). */
  words: Segment[];
  /** Upper-case text among the figures that no figure explains (kept as a stray cell). */
  crowded: boolean;
  /** The currency code the row prints in a cell of its own. */
  code?: string;
  /** Figures read on a line of their own (the row's end on a skewed scan): that line's position. */
  tailOf: Map<Segment, number>;
}

/** A row that starts with an account cell, followed by two or more figures and little else. */
function accountRow(lines: Segmented[], at: number): AccountRow | null {
  const line = lines[at]!;
  const first = line.segs[0];
  if (!first) return null;
  const account = accountCellOf(line, first);
  if (!account) return null;
  const rest = line.segs.filter((s) => !account.segs.includes(s));
  const figures = rest.filter(isFigure);
  // Figures the number reader could not split (`USD 2,69,537.72 USD` where columns crowd) are
  // stray cells of the row; words (a name, a registration) may stand between the account and its figures.
  // A currency code or a debit/credit mark left alone by the split (`-USD`, `DR`) belongs to a figure
  // beside it, and may carry its sign: a stray cell too, never a name column.
  // A code alone in a cell (`USD` under `Ccy`) is the row's currency.
  const codes = rest.filter((s) => s.kind === 'text' && isCurrencyCode(s.text.trim()));
  const cells = rest.filter((s) => !codes.includes(s));
  const stray = cells.filter((s) => !isFigure(s) && (/\d/.test(s.text) || isFigureMark(s.text)));
  let words = cells.filter((s) => !isFigure(s) && !/\d/.test(s.text) && !isFigureMark(s.text));
  if (figures.length === 0 || figures.length + stray.length < 2) return null;
  if (rest.some((f) => f.x0 < account.x1)) return null;
  // Upper-case text among the figures (`NONEUSD` where a nil cell runs into its neighbour's code) is a
  // cell the reader cannot split: stray, so the account is flagged, and only under an account title.
  const firstFigure = Math.min(...figures.map((f) => f.x0));
  const crowded = words.filter((w) => w.x0 >= firstFigure && !/\p{Ll}/u.test(w.text));
  if (crowded.length > 0) {
    stray.push(...crowded);
    words = words.filter((w) => !crowded.includes(w));
  }
  if (words.length > 0) {
    if (words.length > 2 || figures.length < 2 || words.some((w) => w.x1 > firstFigure)) return null;
  }
  const code = new Set(codes.map((s) => s.text.trim())).size === 1 ? codes[0]!.text.trim() : undefined;
  const row = { at, account, figures, stray, words, crowded: crowded.length > 0, tailOf: new Map<Segment, number>() };
  return { ...row, ...(code ? { code } : {}) };
}

/**
 * The end of a row that a skewed scan read as a line of its own: figures alone, on a line that
 * overlaps the row's height (its top less than a line's height away, above or below), every one
 * right of the row's figures. A text layer's rows never overlap so: it is the row's end.
 */
function isRowTail(row: Segmented, line: Segmented): boolean {
  const figures = row.segs.filter(isFigure);
  const after = figures.length > 0 ? Math.max(...figures.map((f) => f.x1)) : Number.POSITIVE_INFINITY;
  return (
    line.page === row.page &&
    line.segs.length > 0 &&
    line.segs.every((s) => isFigure(s) && s.x0 > after) &&
    Math.abs(line.top - row.top) < Math.max(row.height, line.height)
  );
}

/** Takes a row's end, read as a line of its own, into the row. */
function takeTail(row: AccountRow, lines: Segmented[], k: number): void {
  for (const s of lines[k]!.segs) {
    row.figures.push(s);
    row.tailOf.set(s, k);
  }
}

/**
 * The columns of an account table, from its rows' cells: figures aligned on their right edges (or
 * else their left edges) form a column, which spans all of them. Alignment keeps crowded columns
 * apart where their cells nearly touch.
 */
function columnsOf(rows: AccountRow[]): { x0: number; x1: number }[] {
  const cells = rows.flatMap((r) => [...r.figures, ...r.stray]);
  const cluster = (edge: (s: Segment) => number) => {
    const groups: Segment[][] = [];
    for (const c of [...cells].sort((a, b) => edge(a) - edge(b))) {
      const g = groups.find((x) => Math.abs(edge(x[0]!) - edge(c)) <= 3);
      if (g) g.push(c);
      else groups.push([c]);
    }
    return groups;
  };
  const widest = Math.max(...rows.map((r) => r.figures.length + r.stray.length));
  const byRight = cluster((s) => s.x1);
  const byLeft = cluster((s) => s.x0);
  const groups = byRight.length <= Math.max(widest, byLeft.length) ? byRight : byLeft;
  const spans = groups.map((g) => ({ x0: Math.min(...g.map((s) => s.x0)), x1: Math.max(...g.map((s) => s.x1)) }));
  return spans.sort((a, b) => a.x0 - b.x0);
}

/** A row of figures in the table's columns whose first cell is not an account: a total, never an account. */
function otherRow(line: Segmented, columns: { x0: number; x1: number }[]): boolean {
  const figures = line.segs.filter(isFigure);
  return figures.length >= 2 && figures.every((f) => columns.some((c) => overlap(c, f) > 0));
}

export function readAccountRows(lines: Segmented[], at: number, out: AccountTables): number | null {
  const first = accountRow(lines, at);
  if (!first) return null;
  const rows: AccountRow[] = [first];
  const others: number[] = [];
  /** Lines read as the end of the row next to them (a skewed scan's row split in two). */
  const tails: number[] = [];
  const tailAt = (row: number, k: number) =>
    k >= 0 && k < lines.length && !out.claimed.has(k) && isRowTail(lines[row]!, lines[k]!);
  if (tailAt(at, at - 1)) {
    takeTail(first, lines, at - 1);
    tails.push(at - 1);
  }
  const left = first.account.x0;
  let last = at;
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!near(lines[last]!, line, 3.5)) break;
    if (isRule(line)) continue;
    // The end of the row above (or of the row below, on a scan skewed the other way).
    if (tailAt(last, k) || (k + 1 < lines.length && tailAt(k + 1, k))) {
      if (tailAt(last, k) && rows[rows.length - 1]!.at === last) takeTail(rows[rows.length - 1]!, lines, k);
      tails.push(k);
      continue;
    }
    const r = accountRow(lines, k);
    if (r && Math.abs(r.account.x0 - left) <= 12) {
      if (tails.includes(k - 1) && !rows.some((x) => x.tailOf.has(lines[k - 1]!.segs[0]!))) takeTail(r, lines, k - 1);
      rows.push(r);
      last = k;
      continue;
    }
    if (otherRow(line, columnsOf(rows))) {
      others.push(k);
      last = k;
      continue;
    }
    break;
  }
  // A line taken as a row's end that no row or total took (the table ended below it) is no tail.
  const taken = (k: number) =>
    rows.some((r) => r.tailOf.has(lines[k]!.segs[0]!)) || others.some((o) => Math.abs(o - k) === 1);
  tails.splice(0, tails.length, ...tails.filter(taken));
  last = Math.max(last, ...tails);
  const distinct = new Set(rows.map((r) => r.account.value));
  const spans = columnsOf(rows);
  if (distinct.size < 2 || spans.length < 2) return null;
  // Titles: the text-only lines right above the first row, joined per column from top to bottom.
  // A skewed scan may split a band of two-line titles into four lines.
  const header: number[] = [];
  const top = Math.min(at, ...tails);
  for (let k = top - 1; k >= 0 && header.length < (tails.length > 0 ? 4 : 3); k--) {
    const l = lines[k]!;
    const below = lines[header.length ? header[header.length - 1]! : top]!;
    // The band's own lines sit close together (stacked titles); the band may stand a little above the rows.
    const gap = header.length ? 1.2 : 2.5;
    if (out.claimed.has(k) || !near(l, below, gap) || l.segs.some((s) => s.kind !== 'text') || l.segs.length === 0)
      break;
    header.push(k);
  }
  header.reverse();
  const span = {
    x0: Math.min(...rows.map((r) => r.account.x0)) - 2,
    x1: Math.max(...rows.map((r) => r.account.x1)) + 2,
  };
  const titleOver = (band: number[]) =>
    band
      .flatMap((k) => wordsOf(lines[k]!))
      .filter((w) => overlap(w, span) > 0)
      .map((w) => w.text)
      .join(' ');
  const title = titleOver(header);
  // Codes under an instrument's title (`Series`, `Symbol`) lead a positions table's rows: no accounts.
  if (namesInstrument(title) || namesInstrument(titleOver(stubTitles(lines, at, left)))) return null;
  // Rows with a name column are accounts only under an account title (else a CUSIP or a code may lead a positions table).
  if (rows.some((r) => r.words.length > 0 || r.crowded)) {
    // Crowded figures alone (no name column) need less: one word of the title that names an account (`Account Reference`).
    const names = (t: string) => matchLabel(t, ACCOUNT_TITLE)?.target === 'account';
    const named = names(title) || (!rows.some((r) => r.words.length > 0) && title.split(/\s+/).some(names));
    if (!title || !named) return null;
  }
  // Word by word: a title printed close to the next one (`Net Liq. Acct Maint. Level`) is split between the columns it spans.
  const titleWords = header.flatMap((k) => wordsOf(lines[k]!));
  const parts = new Map<{ x0: number; x1: number }, Word[]>(spans.map((sp) => [sp, []]));
  for (const w of titleWords) {
    let sp = widest(spans, w);
    if (!sp) {
      const d = (x: { x0: number; x1: number }) => Math.max(x.x0 - w.x1, w.x0 - x.x1);
      const nearest = [...spans].sort((a, b) => d(a) - d(b))[0]!;
      if (d(nearest) <= 12) sp = nearest;
    }
    if (sp) parts.get(sp)!.push(w);
  }
  const columns: Column[] = spans.map((sp) => {
    const ws = parts.get(sp)!;
    return titled(sp.x0, sp.x1, ws.map((p) => p.text).join(' '), Math.min(1, ...ws.map((p) => p.conf)));
  });
  for (const k of [...header, ...rows.map((r) => r.at), ...others, ...tails]) out.claimed.add(k);
  const cellsOf = new Map<Column, TableCell[]>(columns.map((c) => [c, []]));
  for (const r of rows) {
    const acct = accountEntry(out, r.account.value, r.account.quality * r.account.conf, r.at, r.account.mended);
    for (const s of r.figures) {
      const col = widest(columns, s);
      const line = r.tailOf.get(s) ?? r.at;
      if (col)
        cellsOf
          .get(col)!
          .push({ account: acct, seg: s, row: lines[line]!, at: line, ...(r.code ? { code: r.code } : {}) });
    }
    for (const s of r.stray) acct.unread.push(`"${s.text}"`);
  }
  emit(
    columns.map((col) => ({
      col,
      cells: cellsOf.get(col)!,
      where: col.title ? `under "${col.title}"` : 'under an untitled column',
    })),
    out,
  );
  return Math.max(last, ...header);
}

/**
 * The text lines over the first column of the rows from `at`, past rows above that print figures from
 * the same left edge (a positions table's first rows, whose code the account reader did not take).
 */
function stubTitles(lines: Segmented[], at: number, left: number): number[] {
  let k = at - 1;
  while (
    k >= 0 &&
    near(lines[k]!, lines[k + 1]!, 3.5) &&
    lines[k]!.segs.some(isFigure) &&
    Math.abs((lines[k]!.segs[0]?.x0 ?? -99) - left) <= 12
  )
    k--;
  const title = lines[k];
  return title && k < at - 1 && near(title, lines[k + 1]!, 2.5) && title.segs.every((x) => x.kind === 'text')
    ? [k]
    : [];
}
