import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, FIELD_TARGETS, signed } from '../fields/candidates.ts';
import { type LabelMatch, matchLabel } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { normalizeAccount, readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { labelClarity } from '../solver/label.clarity.ts';
import { contextOf, isNoneWord } from '../vocabulary/fields.context.ts';
import { CREDIT_MARKS, DEBIT_MARKS } from '../vocabulary/number-formats.ts';
import { assignRoles } from './table.roles.ts';

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
export interface AccountTables {
  /** Candidates by line position, each naming its account. */
  byLine: Map<number, Candidate[]>;
  /** Line positions the tables explain (titles, account rows, totals): nothing else reads them. */
  claimed: Set<number>;
  /** Every account a table holds, in reading order, with the cells it could not read. */
  accounts: TableAccount[];
}

export interface TableAccount {
  value: string;
  /** Certainty of the account cell (shape × OCR). */
  conf: number;
  /** Position of the line the account was first seen on. */
  at: number;
  /** What the table prints for this account that names no field: the report must be reviewed. */
  unread: string[];
}

interface Column {
  x0: number;
  x1: number;
  title: string;
  conf: number;
  match: LabelMatch | null;
  /** A prior/change/household column: its figures are not the account's current ones. */
  demoted: string | null;
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  conf: number;
}

/** The words of a line, each with its own box, in reading order (top line first in a header band). */
function wordsOf(line: Segmented): Word[] {
  return line.cells.flatMap((cell) =>
    cell.spans.map((w) => ({ text: cell.text.slice(w.start, w.end), x0: w.x0, x1: w.x1, conf: w.conf })),
  );
}

/** The column a cell overlaps most. */
function widest<T extends { x0: number; x1: number }>(columns: T[], s: { x0: number; x1: number }): T | null {
  let best: T | null = null;
  let bestOv = 0;
  for (const c of columns) {
    const ov = overlap(c, s);
    if (ov > bestOv) {
      bestOv = ov;
      best = c;
    }
  }
  return best;
}

/** A figure, or a word standing for none (`Nil` under a call column). */
const isFigure = (s: Segment) => s.kind === 'amount' || (s.kind === 'text' && isNoneWord(s.text));
/** Text that only a figure's currency or sign could be: codes, debit/credit marks and signs (`-USD`, `DR`). */
const isFigureMark = (text: string) => {
  const toks = text.split(/[\s()+\-−]+/).filter(Boolean);
  return toks.length > 0 && toks.every((t) => isCurrencyCode(t) || SIGN_MARKS.has(t.toLowerCase()));
};
const SIGN_MARKS: ReadonlySet<string> = new Set([...DEBIT_MARKS, ...CREDIT_MARKS].map((m) => m.toLowerCase()));
const RULE = /^[\s\-=_–—.*]+$/;
const isRule = (l: Segmented) => l.segs.length > 0 && l.segs.every((s) => s.kind === 'text' && RULE.test(s.text));
const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
const near = (a: Segmented, b: Segmented, f: number) =>
  a.page === b.page && b.top - a.bottom <= Math.max(a.height, b.height) * f;

/**
 * The account a run of text is, read whole: an account-shaped token and nothing else (a date, an
 * amount with decimals or grouping, a year and a word are not accounts).
 */
export function wholeAccount(text: string): { value: string; quality: number } | null {
  const t = text.trim();
  // A figure with decimals (`414.68-`, `(12.50)`) is an amount, however it is signed.
  if (!/\d/.test(t) || /[,;:()]/.test(t) || /\d[.]\d{1,2}\W*$/.test(t)) return null;
  // A lower-case word run on after the digits is another title printed over the number's end (see `unglue`).
  if (GLUED.test(t)) return null;
  const tok = readAccountToken(t);
  if (!tok) return null;
  if (tok.value !== normalizeAccount(t).replace(/[.\-/]+$/, '')) return null;
  const digits = tok.value.replace(/\D/g, '');
  if (digits.length < 4 || /^(?:19|20)\d{2}$/.test(digits)) return null;
  return tok;
}

interface AccountCell {
  value: string;
  quality: number;
  conf: number;
  x0: number;
  x1: number;
  segs: Segment[];
}

/** The cell a segment stands in, read as an account (digit groups printed apart are one cell). */
function accountCellOf(line: Segmented, seg: Segment): AccountCell | null {
  if (seg.kind === 'date') return null;
  const cellSegs = line.segs.filter((s) => s.cell === seg.cell);
  if (cellSegs.some((s) => s.kind === 'date')) return null;
  const whole = wholeAccount(line.cells[seg.cell]?.text ?? '');
  if (whole)
    return {
      ...whole,
      conf: Math.min(...cellSegs.map((s) => s.conf)),
      x0: Math.min(...cellSegs.map((s) => s.x0)),
      x1: Math.max(...cellSegs.map((s) => s.x1)),
      segs: cellSegs,
    };
  const alone = wholeAccount(seg.text);
  return alone ? { ...alone, conf: seg.conf, x0: seg.x0, x1: seg.x1, segs: [seg] } : null;
}

function titled(x0: number, x1: number, title: string, conf: number): Column {
  const ctx = contextOf(title);
  const match = title ? matchLabel(title, FIELD_TARGETS) : null;
  // A prior/change/household title is not its field; `Total` alone is a total, `Portfolio Equity Total` a field.
  const demoted = ctx === 'distractor' || ctx === 'combined' || (ctx === 'total' && !match) ? `${title} column` : null;
  return { x0, x1, title, conf, match, demoted };
}

const ACCOUNT_TITLE: ReadonlySet<LabelTarget> = new Set(['account']);

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

function accountEntry(out: AccountTables, value: string, conf: number, at: number): TableAccount {
  let a = out.accounts.find((x) => x.value === value);
  if (!a) {
    a = { value, conf, at, unread: [] };
    out.accounts.push(a);
  }
  a.conf = Math.max(a.conf, conf);
  return a;
}

/**
 * The figure as printed, without a currency code the number reader took from a crowded neighbour
 * cell (`61,65,997.31 USD` where the next column prints `USD 7,19,796.16`): text and box of the number.
 */
function printedFigure(s: Segment): { text: string; x0: number; x1: number } {
  const code = s.kind === 'amount' ? s.amount!.currency : undefined;
  if (!code) return { text: s.text, x0: s.x0, x1: s.x1 };
  const per = (s.x1 - s.x0) / Math.max(1, s.text.length);
  let start = 0;
  let end = s.text.length;
  if (s.text.startsWith(`${code} `)) start = code.length + 1;
  if (s.text.endsWith(` ${code}`)) end -= code.length + 1;
  if (start >= end) return { text: s.text, x0: s.x0, x1: s.x1 };
  return { text: s.text.slice(start, end), x0: s.x0 + start * per, x1: s.x0 + end * per };
}

function candidate(
  row: Segmented,
  s: Segment,
  col: Column,
  account: string,
  extra: { label: string; ocr: number },
): Candidate | null {
  const m = col.match!;
  const field = m.target as FieldName;
  const none = s.kind === 'text';
  if (none && field !== 'margin_call') return null;
  const factor = col.demoted ? 0.3 : 0.97;
  return {
    target: field,
    value: none ? 0 : signed(field, s.amount!.value, m.negate),
    score: m.score * (none ? 0.95 : s.amount!.quality) * factor,
    ocr: Math.min(s.conf, extra.ocr),
    weight: m.synonym.weight * (col.demoted ? factor : 1),
    page: row.page,
    line: row.index,
    source: 'table',
    label: extra.label,
    text: printedFigure(s).text,
    box: { x0: printedFigure(s).x0, x1: printedFigure(s).x1, y0: row.top, y1: row.bottom },
    account,
    ...(currencyOf(s, col.title) ? { currency: currencyOf(s, col.title)! } : {}),
    ...(col.demoted ? { demoted: col.demoted } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the cells: a title names the field of the cells it governs; the identities name the rest

interface TableCell {
  account: TableAccount;
  seg: Segment;
  row: Segmented;
  /** Position of the row in the document's lines. */
  at: number;
  /** The currency its row prints in a cell of its own. */
  code?: string;
}

/** A column of a row-per-account table, or a row of a column-per-account one: one field for every account. */
interface TableLine {
  col: Column;
  cells: TableCell[];
  /** Where the cells stand, for a person (`under "Excess"`, `in the row "Cash"`). */
  where: string;
}

const cellValue = (c: TableCell) => (c.seg.kind === 'amount' ? c.seg.amount!.value : 0);

/**
 * Candidates for every cell whose line names a field, by its title or by the part the identities give
 * it on every account of the table (`table.roles.ts`); the cells of a line nothing names are unread.
 */
function emit(table: TableLine[], out: AccountTables): void {
  const live = table.filter((l) => !l.col.demoted);
  const roles = assignRoles(
    live.map((l) => {
      const m = l.col.match;
      const field = m ? (m.target as FieldName) : null;
      return {
        title: l.col.title,
        match: field ? { field, clear: labelClarity(l.col.title, field).clear, score: m!.score } : null,
        values: new Map(l.cells.map((c) => [c.account.value, cellValue(c)] as const)),
      };
    }),
  );
  live.forEach((l, k) => {
    const role = roles.get(k);
    const byLabel = l.col.match && (!role || role.field === l.col.match.target);
    for (const cell of l.cells) {
      if (!byLabel && !role) {
        cell.account.unread.push(`${cell.seg.text} ${l.where}`);
        continue;
      }
      const c = byLabel
        ? candidate(cell.row, cell.seg, l.col, cell.account.value, { label: l.col.title, ocr: 0.35 + l.col.conf })
        : inferredCandidate(cell, role!.field, l, role!.how === 'lean' ? LEAN_SCORE : INFERRED_SCORE);
      if (!c) continue;
      if (!c.currency && cell.code) c.currency = cell.code;
      out.byLine.set(cell.at, [...(out.byLine.get(cell.at) ?? []), c]);
    }
  });
}

/** Score of a figure the identities named (its confidence stays below approval even when they confirm it). */
const INFERRED_SCORE = 0.6;
/** Score of a figure named only by the wording of a title the vocabulary does not know. */
const LEAN_SCORE = 0.5;

/** A figure whose field only the identities tell: below automatic approval even when they confirm it. */
function inferredCandidate(cell: TableCell, field: FieldName, line: TableLine, score: number): Candidate {
  const s = cell.seg;
  const none = s.kind === 'text';
  return {
    target: field,
    value: none ? 0 : signed(field, s.amount!.value, false),
    score: score * (none ? 0.95 : s.amount!.quality),
    ocr: s.conf,
    weight: 0.9,
    page: cell.row.page,
    line: cell.row.index,
    source: 'table',
    label: line.col.title || field,
    text: printedFigure(s).text,
    box: { x0: printedFigure(s).x0, x1: printedFigure(s).x1, y0: cell.row.top, y1: cell.row.bottom },
    account: cell.account.value,
    ...(currencyOf(s, line.col.title) ? { currency: currencyOf(s, line.col.title)! } : {}),
  };
}

/** The figure's own currency, else an upper-case code in its title (`Net equity EUR`). */
function currencyOf(s: Segment, title: string): string | undefined {
  if (s.kind === 'amount' && s.amount!.currency) return s.amount!.currency;
  return title.split(/[^A-Za-z]+/).find((w) => /^[A-Z]{3}$/.test(w) && isCurrencyCode(w));
}

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
  return { at, account, figures, stray, words, crowded: crowded.length > 0, ...(code ? { code } : {}) };
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

function readAccountRows(lines: Segmented[], at: number, out: AccountTables): number | null {
  const first = accountRow(lines, at);
  if (!first) return null;
  const rows: AccountRow[] = [first];
  const others: number[] = [];
  const left = first.account.x0;
  let last = at;
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!near(lines[last]!, line, 3.5)) break;
    if (isRule(line)) continue;
    const r = accountRow(lines, k);
    if (r && Math.abs(r.account.x0 - left) <= 12) {
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
  const distinct = new Set(rows.map((r) => r.account.value));
  const spans = columnsOf(rows);
  if (distinct.size < 2 || spans.length < 2) return null;
  // Titles: the text-only lines right above the first row, joined per column from top to bottom.
  const header: number[] = [];
  for (let k = at - 1; k >= 0 && header.length < 3; k--) {
    const l = lines[k]!;
    const below = lines[header.length ? header[header.length - 1]! : at]!;
    // The band's own lines sit close together (stacked titles); the band may stand a little above the rows.
    const gap = header.length ? 1.2 : 2.5;
    if (out.claimed.has(k) || !near(l, below, gap) || l.segs.some((s) => s.kind !== 'text') || l.segs.length === 0)
      break;
    header.push(k);
  }
  header.reverse();
  // Rows with a name column are accounts only under an account title (else a CUSIP or a code may lead a positions table).
  if (rows.some((r) => r.words.length > 0 || r.crowded)) {
    const span = {
      x0: Math.min(...rows.map((r) => r.account.x0)) - 2,
      x1: Math.max(...rows.map((r) => r.account.x1)) + 2,
    };
    const title = header
      .flatMap((k) => wordsOf(lines[k]!))
      .filter((w) => overlap(w, span) > 0)
      .map((w) => w.text)
      .join(' ');
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
  for (const k of [...header, ...rows.map((r) => r.at), ...others]) out.claimed.add(k);
  const cellsOf = new Map<Column, TableCell[]>(columns.map((c) => [c, []]));
  for (const r of rows) {
    const acct = accountEntry(out, r.account.value, r.account.quality * r.account.conf, r.at);
    for (const s of r.figures) {
      const col = widest(columns, s);
      if (col)
        cellsOf
          .get(col)!
          .push({ account: acct, seg: s, row: lines[r.at]!, at: r.at, ...(r.code ? { code: r.code } : {}) });
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
 * A title drawn over the end of the one before it (`M4962172` and a right-aligned `Household
 * Combined` that overflows its column) reads as one word, `M4962172Household`: account numbers are
 * printed in capitals and digits, so a lower-case word run on after the digits is the next title.
 * Each part keeps its share of the word's box.
 */
const GLUED = /^(.*\d)([A-Z]?[a-z]{2,}.*)$/;

export function unglue(
  text: string,
  box: { x0: number; x1: number; conf: number },
): { text: string; x0: number; x1: number; conf: number }[] {
  const m = GLUED.exec(text);
  if (!m || !wholeAccount(m[1]!)) return [{ text, x0: box.x0, x1: box.x1, conf: box.conf }];
  const cut = box.x0 + ((box.x1 - box.x0) * m[1]!.length) / text.length;
  return [
    { text: m[1]!, x0: box.x0, x1: cut, conf: box.conf },
    { text: m[2]!, x0: cut, x1: box.x1, conf: box.conf },
  ];
}

function readAccountColumns(lines: Segmented[], at: number, out: AccountTables): number | null {
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
