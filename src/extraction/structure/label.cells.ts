import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, FIELD_TARGETS, isProse, type LabelHit, labelHits, signed } from '../fields/candidates.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { rtlFigures } from './rtl.rows.ts';

/**
 * Label cells on a line, and the figures on that line each governs, where the cells are not simply
 * `label  figure`: a label wrapped over two lines is one cell, and a label printed after its figure
 * (`$107,492.57  Total Equity`) governs the figure before it.
 */

/**
 * A label wrapped over two lines (`Maintenance Margin` / `Requirement   259,294.45`): when the line
 * above is nothing but the first half, starting at the same left edge, the halves are one label cell.
 */
function joinWrappedLabel(line: Segmented, prev: Segmented | undefined): Segmented {
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'text') return line;
  if (!line.segs.some((s) => s.kind === 'amount')) return line;
  if (prev.segs.length !== 1 || prev.segs[0]!.kind !== 'text') return line;
  const top = prev.segs[0]!;
  if (Math.abs(top.x0 - first.x0) > 4 || line.top - prev.bottom > line.height * 1.2) return line;
  if (top.text.split(' ').length > 4 || /[.:]$/.test(top.text.trim())) return line;
  const text = `${top.text} ${first.text}`;
  const joined = matchLabel(text, FIELD_TARGETS);
  if (!joined) return line;
  const alone = matchLabel(first.text, FIELD_TARGETS);
  if (alone && alone.score >= joined.score) return line;
  const seg: Segment = { ...first, text, x0: Math.min(top.x0, first.x0), x1: Math.max(top.x1, first.x1) };
  return { ...line, segs: [seg, ...line.segs.slice(1)] };
}

/** The clause a line of prose ends with: the words after its last sentence end. */
const lastClause = (text: string): string =>
  text
    .split(/[.!?](?=\s|$)/)
    .at(-1)!
    .trim();

/**
 * A sentence whose label runs over a line break before its figure (`… so that the net equity in the` /
 * `account stood at €162,480.20.`): the clause the paragraph's line above ends with and the words before
 * the figure are one label cell, where together they name a field and the words alone name none.
 */
function joinWrappedSentence(line: Segmented, prev: Segmented | undefined): Segmented {
  const [first, figure] = line.segs;
  if (!prev || prev.page !== line.page || first?.kind !== 'text' || figure?.kind !== 'amount') return line;
  const last = prev.segs.at(-1);
  // The line above may be a paragraph's first line, indented.
  const indent = prev.segs[0]!.x0 - first.x0;
  if (last?.kind !== 'text' || indent < -6 || indent > Math.max(6, line.height * 4)) return line;
  if (line.top - prev.bottom > line.height * 1.2) return line;
  const clause = lastClause(last.text);
  const text = `${clause} ${first.text}`;
  if (!clause || !isProse(text)) return line;
  const joined = matchLabel(text, FIELD_TARGETS, { prose: true });
  if (!joined) return line;
  // Words that name a field alone (`deficit of`) are their own label: the clause above only qualifies them.
  if (matchLabel(first.text, FIELD_TARGETS, { prose: isProse(first.text) })) return line;
  return { ...line, segs: [{ ...first, text }, ...line.segs.slice(1)] };
}

/**
 * A two-line label beside a figure printed between its lines (`保證金盈餘/(不足) Margin` over
 * `Surplus/(Shortfall)`, the figure on the line between them): when the lines above and below end in
 * text cells at the same left edge, no figure follows either, and on the line between nothing stands
 * from that edge to a figure, the two halves, if they name a field together, label that figure.
 */
function labelAroundFigure(line: Segmented, above: Segmented | undefined, below: Segmented | undefined): Segmented {
  if (!above || !below || above.page !== line.page || below.page !== line.page) return line;
  if (line.top - above.bottom > line.height * 0.5 || below.top - line.bottom > line.height * 0.5) return line;
  const top = above.segs.at(-1);
  if (top?.kind !== 'text') return line;
  const at = below.segs.findIndex((b) => b.kind === 'text' && Math.abs(b.x0 - top.x0) <= 4);
  const bottom = below.segs[at];
  if (!bottom || at !== below.segs.length - 1) return line;
  const i = line.segs.findIndex((a) => a.kind === 'amount' && a.x0 > Math.max(top.x1, bottom.x1));
  const figure = line.segs[i];
  if (!figure || line.segs.slice(0, i).some((s) => s.x1 > top.x0 - 4)) return line;
  if (line.segs[i - 1]?.kind === 'text') return line;
  const text = `${top.text} ${bottom.text}`;
  const joined = matchLabel(text, FIELD_TARGETS);
  const alone = matchLabel(top.text, FIELD_TARGETS);
  if (!joined || (alone && alone.score >= joined.score)) return line;
  const seg: Segment = {
    ...top,
    text,
    x1: Math.max(top.x1, bottom.x1),
    conf: Math.min(top.conf, bottom.conf),
    cell: figure.cell,
  };
  return { ...line, segs: [...line.segs.slice(0, i), seg, ...line.segs.slice(i)] };
}

export interface LabelCells {
  /** The document's lines with their label cells joined: the lines as field reading reads them. */
  lines: Segmented[];
  /** Lines whose figures are printed before their labels, with the figures each label governs. */
  before: Map<number, Candidate[]>;
}

/**
 * A label wrapped around its row (`Market value – long` / `310,455.00  96,870.00 …` / `positions`): a
 * row of two figures or more with no label of its own, the label's first half on the line above, left of the
 * figures, and maybe its tail on the line below at the same left edge. The halves are the row's label
 * cell, so the row's figures are read under the column titles like any labelled row.
 */
function labelAroundRow(lines: Segmented[], at: number): Segmented | null {
  const line = lines[at]!;
  const prev = lines[at - 1];
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'amount') return null;
  // A row of a table's columns: one figure under a label is a label over its value (`SMA (Reg. T)` / `7,143,281.23`).
  if (line.segs.filter((s) => s.kind === 'amount').length < 2) return null;
  const alone = (l: Segmented | undefined) =>
    l && l.page === line.page && l.segs.length === 1 && l.segs[0]!.kind === 'text' ? l.segs[0]! : null;
  const top = alone(prev);
  if (!top || top.x1 >= first.x0 || line.top - prev.bottom > line.height * 1.2) return null;
  if (top.text.split(' ').length > 6 || /[.:]$/.test(top.text.trim())) return null;
  const next = lines[at + 1];
  let tail = alone(next);
  // The line below is this row's tail unless it heads a row of its own (a figure line right after it).
  const after = lines[at + 2];
  if (!tail || Math.abs(tail.x0 - top.x0) > 4 || next!.top - line.bottom > line.height * 1.2) tail = null;
  else if (after && after.page === line.page && after.segs[0]?.kind === 'amount') tail = null;
  for (const text of tail ? [`${top.text} ${tail.text}`, top.text] : [top.text]) {
    if (!matchLabel(text, FIELD_TARGETS)) continue;
    const seg: Segment = { ...top, text, x1: Math.max(top.x1, tail?.x1 ?? top.x1), cell: -1 };
    return { ...line, segs: [seg, ...line.segs] };
  }
  return null;
}

/** Reads the label cells of every line. */
export function readLabelCells(lines: Segmented[]): LabelCells {
  const joined = lines.map(
    (line, at) =>
      labelAroundRow(lines, at) ??
      labelAroundFigure(
        joinWrappedSentence(joinWrappedLabel(line, lines[at - 1]), lines[at - 1]),
        lines[at - 1],
        lines[at + 1],
      ),
  );
  const before = new Map<number, Candidate[]>();
  joined.forEach((line, at) => {
    if (startsWithRowNumber(joined, at)) return;
    const read = valuesBeforeLabels(
      line,
      labelHits(line).filter((h) => FIELD_TARGETS.has(h.match.target)),
    );
    if (read) before.set(at, read);
  });
  // A right-to-left page's row: the label at the right governs the figure at the left.
  for (const [at, read] of rtlFigures(joined)) if (!before.has(at)) before.set(at, read);
  return { lines: joined, before };
}

const ROW_NUMBER = /^\s*(\d{1,3})\.?\s*$/;

/** The row number a line starts with (`8  Margin Call  NIL`): a bare integer, printed first. */
const leadNumber = (line: Segmented | undefined): { n: number; x0: number; x1: number } | null => {
  const first = line?.segs[0];
  const m = first && ROW_NUMBER.exec(first.text);
  return m ? { n: Number(m[1]), x0: first.x0, x1: first.x1 } : null;
};

/**
 * A numbered table's row number is no figure: the line starts with a bare integer that the line
 * above or below, in the same column (left- or right-aligned), continues by one (`7 …`, `8 Margin Call  NIL`).
 */
export function startsWithRowNumber(lines: readonly Segmented[], at: number): boolean {
  const own = leadNumber(lines[at]);
  if (!own) return false;
  return [-1, 1].some((d) => {
    const other = lines[at + d];
    const n = other && other.page === lines[at]!.page ? leadNumber(other) : null;
    return n !== null && n.n === own.n + d && (Math.abs(n.x0 - own.x0) <= 6 || Math.abs(n.x1 - own.x1) <= 6);
  });
}

const candidateFrom = (line: Segmented, s: Segment, hit: LabelHit, factor: number): Candidate => {
  const field = hit.match.target as FieldName;
  return {
    target: field,
    value: signed(field, s.amount!.value, hit.match.negate),
    box: { x0: s.x0, x1: s.x1, y0: line.top, y1: line.bottom },
    text: s.text,
    score: hit.match.score * s.amount!.quality * factor,
    ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
    weight: hit.match.synonym.weight,
    page: line.page,
    line: line.index,
    source: 'row',
    label: hit.seg.text,
    x: s.x0,
    ...(s.amount!.currency ? { currency: s.amount!.currency } : {}),
  };
};

/**
 * Figures printed before their labels on one line (`$107,492.57  Total Equity`): the line starts
 * with a figure, every label follows one, and there are as many figures as labels.
 */
function valuesBeforeLabels(line: Segmented, fieldHits: LabelHit[]): Candidate[] | null {
  if (fieldHits.length === 0 || line.segs[0]?.kind !== 'amount') return null;
  const amounts = line.segs.filter((s) => s.kind === 'amount');
  if (amounts.length !== fieldHits.length) return null;
  const out: Candidate[] = [];
  for (const hit of fieldHits) {
    const s = line.segs[hit.index - 1];
    // Close to its label: a figure far to the left belongs to another panel of the page.
    if (s?.kind !== 'amount' || hit.prose || hit.seg.x0 - s.x1 > Math.max(60, line.height * 6)) return null;
    out.push(candidateFrom(line, s, hit, 0.97));
  }
  return out;
}
