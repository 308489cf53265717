import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, FIELD_TARGETS, signed } from '../fields/candidates.ts';
import { type LabelMatch, matchLabel, noneIsNoCall } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { contextOf, isNoneWord } from '../vocabulary/context.match.ts';
import type { FigureContext } from '../vocabulary/fields.context.ts';
import { countColumns } from './count.columns.ts';

/**
 * Grids whose columns are fields, read by geometry alone: a header band (one to three lines of
 * titles, stacked titles joined per column) over rows of figures. A figure belongs to the column
 * whose title it sits under (overlap first, else the band from one title's left edge to the next),
 * and the row's label (or a qualifier printed beside the figure, `prior: 1,234.00`) says whose and
 * which figure it is: an account's row, the current row, a prior/change row (a rival only), a total
 * (never an account). Tiles of key figures (labels over values) are the same grid, one row deep.
 */
export interface GridReading {
  /** Candidates by the line they were read from, so the document walk adds them in reading order. */
  byLine: Map<number, Candidate[]>;
  /** Lines the grids explain (header bands and rows): the walk reads nothing else from them. */
  claimed: Set<number>;
}

interface GridColumn {
  x0: number;
  x1: number;
  text: string;
  conf: number;
  match: LabelMatch | null;
}

const GRID_TARGETS: ReadonlySet<LabelTarget> = new Set([...FIELD_TARGETS, 'account']);
const RULE_LINE = /^[\s\-=_–—.*]+$/;

const isRule = (l: Segmented) => l.segs.length > 0 && l.segs.every((s) => s.kind === 'text' && RULE_LINE.test(s.text));
const textOnly = (l: Segmented) => l.segs.length > 0 && l.segs.every((s) => s.kind === 'text');

/** A figure or a word that stands for nothing (`NONE` under `Call amount`). */
const isFigure = (s: Segment) => s.kind === 'amount' || (s.kind === 'text' && isNoneWord(s.text));

function headerBand(lines: Segmented[], at: number): { columns: GridColumn[]; end: number } | null {
  const first = lines[at]!;
  if (!textOnly(first) || first.segs.length < 2) return null;
  if (first.segs.some((s) => s.text.split(/\s+/).length > 5)) return null;
  const columns: GridColumn[] = first.segs.map((s) => ({
    x0: s.x0,
    x1: s.x1,
    text: s.text,
    conf: s.conf,
    match: null,
  }));
  let end = at;
  for (let k = at + 1; k < lines.length && k <= at + 2; k++) {
    const l = lines[k]!;
    if (l.page !== first.page || !textOnly(l) || l.top - lines[k - 1]!.bottom > first.height * 1.2) break;
    if (l.segs.some((s) => s.text.split(/\s+/).length > 5 || isNoneWord(s.text))) break;
    // A group title over several sub-titles (`Net Liquidation Value` over `Current | Prior Day | Change`):
    // each sub-title in the band from the group's left edge to the next group's is a column of its own.
    const group = l.segs.length > columns.length ? groupsOf(l.segs, columns) : null;
    if (group) {
      columns.splice(0, columns.length, ...group);
      end = k;
      continue;
    }
    // A stacked title continues the column it sits under; a line of whole labels is a new header.
    const under = l.segs.map((s) => columns.find((c) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0) ?? null);
    if (under.some((c) => c === null)) break;
    l.segs.forEach((s, i) => {
      const c = under[i]!;
      c.text = `${c.text} ${s.text}`;
      c.x0 = Math.min(c.x0, s.x0);
      c.x1 = Math.max(c.x1, s.x1);
      c.conf = Math.min(c.conf, s.conf);
    });
    end = k;
  }
  for (const c of columns) {
    const m = matchLabel(c.text, GRID_TARGETS);
    // A prior, change or household column is not the field it names.
    const ctx = contextOf(c.text);
    c.match = m && ctx !== 'distractor' && ctx !== 'combined' ? m : null;
  }
  const fields = columns.filter((c) => c.match && FIELD_TARGETS.has(c.match.target));
  return fields.length >= 2 ? { columns, end } : null;
}

/**
 * Sub-titles under group titles, when some group holds two or more: a column per sub-title, titled by
 * its group and itself (`Net Liquidation Value Prior Day`, a rival only). Null when a sub-title says
 * no context, stands left of every group, or no group holds several.
 */
function groupsOf(subs: Segment[], groups: GridColumn[]): GridColumn[] | null {
  // Only sub-titles that say which figure it is (current, prior, change, year to date) split a title.
  if (subs.some((s) => !contextOf(s.text))) return null;
  const sorted = [...groups].sort((a, b) => a.x0 - b.x0);
  const owner = subs.map((s) => {
    const over = sorted.find((c) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0);
    return over ?? [...sorted].reverse().find((c) => s.x0 >= c.x0) ?? null;
  });
  if (owner.some((o) => o === null)) return null;
  if (!sorted.some((g) => owner.filter((o) => o === g).length >= 2)) return null;
  return subs.map((s, i) => ({
    x0: s.x0,
    x1: s.x1,
    text: `${owner[i]!.text} ${s.text}`,
    conf: Math.min(owner[i]!.conf, s.conf),
    match: null,
  }));
}

/** The column a figure stands in: the widest overlap, else the band from a title's left edge to the next title's. */
function columnOf(s: { x0: number; x1: number }, columns: GridColumn[]): GridColumn | null {
  let best: GridColumn | null = null;
  let bestOv = 0;
  for (const c of columns) {
    const ov = Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0);
    if (ov > bestOv) {
      bestOv = ov;
      best = c;
    }
  }
  if (best) return best;
  const cx = (s.x0 + s.x1) / 2;
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  for (let i = sorted.length - 1; i >= 0; i--) if (cx >= sorted[i]!.x0) return sorted[i]!;
  return null;
}

const CONTEXT_FACTOR: Record<FigureContext | 'plain', number> = {
  current: 1,
  plain: 0.97,
  distractor: 0.3,
  total: 0.6,
  combined: 0.3,
};

/** Reads every field grid of the document. */
export function readFieldGrids(lines: Segmented[]): GridReading {
  const byLine = new Map<number, Candidate[]>();
  const claimed = new Set<number>();
  for (let at = 0; at < lines.length; at++) {
    if (claimed.has(at)) continue;
    const band = headerBand(lines, at);
    if (!band) continue;
    const { columns } = band;
    const accountCol = columns.find((c) => c.match?.target === 'account') ?? null;
    // Figures right above the titles, in their columns, and nothing right below: the titles are
    // captions under their values (`$370,737.35` over `NET LIQUIDATION VALUE`). Each title governs
    // the figure in its column all the same; the one row is the line above.
    const above = lines[at - 1];
    if (
      above &&
      !claimed.has(at - 1) &&
      !(lines[band.end + 1] && lines[band.end + 1]!.top - lines[band.end]!.bottom < lines[at]!.height * 2.5) &&
      above.page === lines[at]!.page &&
      lines[at]!.top - above.bottom < lines[at]!.height * 2.5 &&
      above.segs.some((s) => s.kind === 'amount') &&
      above.segs.filter((s) => s.kind === 'amount').every((s) => band.columns.some((c) => c.x1 > s.x0 && c.x0 < s.x1))
    ) {
      const read = readRow(above, columns, accountCol);
      if (read === 'stop' || read.cands.length < 2) continue;
      for (let k = at - 1; k <= band.end; k++) claimed.add(k);
      byLine.set(at - 1, read.cands);
      at = band.end;
      continue;
    }
    const rows: { index: number; cands: Candidate[] }[] = [];
    let prev = lines[band.end]!;
    let sawAccountRow = false;
    for (let k = band.end + 1; k < lines.length; k++) {
      const row = lines[k]!;
      if (row.page !== prev.page || row.top - prev.bottom > Math.max(prev.height, row.height) * 3.5) break;
      if (isRule(row)) {
        prev = row;
        continue;
      }
      if (!row.segs.some(isFigure)) break;
      const read = readRow(row, columns, accountCol);
      if (read === 'stop') {
        rows.length = 0;
        break;
      }
      if (read.account) sawAccountRow = true;
      rows.push({ index: k, cands: read.cands });
      prev = row;
    }
    // Contracts held (`LONG 12 | SHORT 4`) beside money columns are counts, never a field's figure.
    const counts = countColumns(
      rows.map((r) => lines[r.index]!),
      (s) => columnOf(s, columns),
    );
    const money = (c: Candidate) => {
      const col = c.box ? columnOf(c.box, columns) : null;
      return !col || !counts.has(col);
    };
    // With accounts as rows, a row without one (a total, a footnote) is not an account's figure.
    const kept = rows.map((r) => ({
      ...r,
      cands: r.cands.filter((c) => money(c) && (!sawAccountRow || c.account)),
    }));
    const count = kept.reduce((n, r) => n + r.cands.length, 0);
    if (count < 2) continue;
    for (let k = at; k <= band.end; k++) claimed.add(k);
    for (const r of kept) {
      claimed.add(r.index);
      if (r.cands.length > 0) byLine.set(r.index, r.cands);
    }
    at = Math.max(at, ...kept.map((r) => r.index));
  }
  return { byLine, claimed };
}

function readRow(
  row: Segmented,
  columns: GridColumn[],
  accountCol: GridColumn | null,
): { cands: Candidate[]; account: string | null } | 'stop' {
  const firstField = Math.min(...columns.filter((c) => c.match && c !== accountCol).map((c) => c.x0));
  // The row label: words left of every field column (`Current`, `Prior Day`, `PAGE TOTAL`, a symbol).
  const labelSegs = row.segs.filter((s) => s.kind === 'text' && s.x1 <= firstField + 2 && !isNoneWord(s.text));
  const label = labelSegs.map((s) => s.text).join(' ');
  let account: string | null = null;
  if (accountCol) {
    const cell = row.segs.filter((s) => columnOf(s, columns) === accountCol).map((s) => row.cells[s.cell]!.text)[0];
    account = cell ? (readAccountToken(cell)?.value ?? null) : null;
  }
  // Rows labelled by fields (`Cash`, `Stock` under `Long | Short | Total`) make a two-way table, not a field grid.
  if (label && matchLabel(label, FIELD_TARGETS)) return 'stop';
  const rowContext = contextOf(label);
  // A labelled row that is neither an account, nor a context (current, prior, total…): a position or a
  // breakdown line (`PLTR`, `Futures`), whose figures are not the account's.
  if (label && !account && !rowContext) return { cands: [], account: null };
  if (accountCol && !account && !rowContext) return { cands: [], account: null };
  const cands: Candidate[] = [];
  for (const s of row.segs) {
    if (!isFigure(s)) continue;
    const col = columnOf(s, columns);
    if (!col?.match || !FIELD_TARGETS.has(col.match.target) || col === accountCol) continue;
    const none = s.kind === 'text';
    if (none && !noneIsNoCall(col.match)) continue;
    // A shortfall column's `Nil` is a call of 0, not an excess of 0.
    const field = none ? 'margin_call' : (col.match.target as FieldName);
    // A qualifier printed in the same column just before the figure (`prior: 2,586,464.18`).
    const qualifier = row.segs
      .filter((q) => q.kind === 'text' && q.x1 <= s.x0 + 1 && columnOf(q, columns) === col && !isNoneWord(q.text))
      .map((q) => q.text)
      .join(' ');
    const context = contextOf(qualifier) ?? rowContext;
    if (qualifier && !context) continue;
    const value = none ? 0 : signed(field, s.amount!.value, col.match.negate);
    const factor = CONTEXT_FACTOR[context ?? 'plain'];
    const reason =
      context === 'distractor'
        ? `${qualifier || label} column`
        : context === 'total' || context === 'combined'
          ? `${label} row`
          : undefined;
    cands.push({
      target: field,
      value,
      score: col.match.score * (none ? 0.95 : s.amount!.quality) * factor,
      ocr: Math.min(s.conf, 0.35 + col.conf),
      weight: col.match.synonym.weight * (factor < 0.9 ? factor : 1),
      page: row.page,
      line: row.index,
      source: 'table',
      label: col.text,
      text: s.text,
      box: { x0: s.x0, x1: s.x1, y0: row.top, y1: row.bottom },
      ...(currencyOf(s, col) ? { currency: currencyOf(s, col)! } : {}),
      ...(account ? { account } : {}),
      ...(reason ? { demoted: reason } : {}),
    });
  }
  return { cands, account };
}

/** The figure's own currency, else a code in its column title (`Net equity EUR`). */
function currencyOf(s: Segment, col: GridColumn): string | undefined {
  if (s.kind === 'amount' && s.amount!.currency) return s.amount!.currency;
  // Upper-case codes only: a title word such as `All` is not Albanian lek.
  return col.text.split(/[^A-Za-z]+/).find((w) => /^[A-Z]{3}$/.test(w) && isCurrencyCode(w));
}
