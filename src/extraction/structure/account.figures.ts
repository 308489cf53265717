import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, signed } from '../fields/candidates.ts';
import { noneIsNoCall } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { labelClarity } from '../solver/label.clarity.ts';
import type { Column } from './account.cells.ts';
import { assignRoles } from './table.roles.ts';

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
  /** The cell as the scan printed it, where the account was read only by mending a misread glyph. */
  mended?: string;
}

export function accountEntry(
  out: AccountTables,
  value: string,
  conf: number,
  at: number,
  mended?: string,
): TableAccount {
  let a = out.accounts.find((x) => x.value === value);
  if (!a) {
    a = { value, conf, at, unread: [], ...(mended ? { mended } : {}) };
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
  const none = s.kind === 'text';
  if (none && !noneIsNoCall(m)) return null;
  // A shortfall column's `Nil` is a call of 0, not an excess of 0.
  const field = none ? 'margin_call' : (m.target as FieldName);
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

export interface TableCell {
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
export function emit(table: TableLine[], out: AccountTables): void {
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
