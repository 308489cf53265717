import type { FieldName } from '../../contract/fields.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCombinedHeading, readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { TOTAL_ROW_LEADS } from '../vocabulary/document.words.ts';
import { phrasePattern } from '../vocabulary/word.patterns.ts';
import { type Candidate, debitBefore, FIELD_TARGETS, isProse, type LabelHit, signed } from './candidates.ts';

/** A table whose columns are fields (`Account | Net Liq | Maint Req | Excess`), from its title row. */
export interface FieldHeader {
  page: number;
  /** Bottom of the last row read, so a table ends at the first wide gap. */
  bottom: number;
  height: number;
  cols: LabelHit[];
  accountCol: Segment | null;
}

/** A sentence whose figure starts the next line: `…the equity in your margin account was` / `$24,156.79, which…`. */
export function wrappedProse(line: Segmented, prev: Segmented | undefined): Candidate | null {
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'amount' || first.amount!.quality < 0.85) return null;
  if (line.top - prev.bottom > line.height * 1.5) return null;
  const last = prev.segs[prev.segs.length - 1];
  if (last?.kind !== 'text') return null;
  // A sentence, not a caption: a short label beside other cells (a card's title over its figure) governs
  // the figure under it, not the one that starts the next line in another column.
  if (prev.segs.length > 1 && !isProse(last.text)) return null;
  const m = matchLabel(last.text, FIELD_TARGETS, { prose: true });
  if (!m) return null;
  const field = m.target as FieldName;
  return {
    target: field,
    value: signed(field, first.amount!.value, m.negate || (field === 'cash_balance' && debitBefore(last.text))),
    box: { x0: first.x0, x1: first.x1, y0: line.top, y1: line.bottom },
    text: first.text,
    score: m.score * first.amount!.quality * 0.95,
    ocr: Math.min(first.conf, 0.35 + last.conf),
    weight: m.synonym.weight,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: last.text,
  };
}

const TOTAL_ROW_LEAD = new RegExp(String.raw`^\s*${phrasePattern(TOTAL_ROW_LEADS)}`, 'i');

/** One row of a table whose columns are fields: figures go to the row's account (or the current one). */
export function tableRow(line: Segmented, fh: FieldHeader, combined: boolean, claimed: Set<Segment>): Candidate[] {
  const texts = line.segs
    .filter((s) => s.kind === 'text')
    .map((s) => s.text)
    .join(' ');
  const totalRow = TOTAL_ROW_LEAD.test(texts) || isCombinedHeading(texts);
  // With an account column a total row is a household figure; without one it is the account's own total.
  if ((totalRow && fh.accountCol) || combined) return [];
  let account: string | undefined;
  const acctSeg = fh.accountCol
    ? line.segs.find((s) => Math.min(s.x1, fh.accountCol!.x1 + 5) - Math.max(s.x0, fh.accountCol!.x0 - 5) > 0)
    : undefined;
  // The account cell may print its number in groups (`CAL 0109 1372`), read as several segments.
  const acctCell = acctSeg ? line.cells[acctSeg.cell] : undefined;
  if (acctSeg)
    account = readAccountToken(acctCell?.text ?? acctSeg.text)?.value ?? readAccountToken(acctSeg.text)?.value;
  // No account column: rows are a breakdown (by product, by currency) and the total row is the figure.
  const breakdown = !fh.accountCol && !totalRow;
  if (!account && fh.accountCol) {
    for (const s of line.segs) {
      if (s.kind !== 'text') continue;
      const t = readAccountToken(s.text);
      if (t) {
        account = t.value;
        break;
      }
    }
  }
  const out: Candidate[] = [];
  for (const s of line.segs) {
    if (s.kind !== 'amount' || s === acctSeg || s.amount!.quality < 0.7) continue;
    if (account && acctSeg && s.cell === acctSeg.cell) continue;
    let best: LabelHit | null = null;
    let bestOv = 0;
    for (const col of fh.cols) {
      const ov = Math.min(s.x1, col.seg.x1) - Math.max(s.x0, col.seg.x0);
      if (ov > bestOv) {
        bestOv = ov;
        best = col;
      }
    }
    if (!best) {
      let bestD = 45;
      for (const col of fh.cols) {
        const d = Math.abs((s.x0 + s.x1) / 2 - (col.seg.x0 + col.seg.x1) / 2);
        if (d < bestD) {
          bestD = d;
          best = col;
        }
      }
    }
    if (!best) continue;
    claimed.add(s);
    const field = best.match.target as FieldName;
    // `Net equity EUR`, `Call amount (EUR)`: the column title names the figures' currency.
    const titleCurrency = (best.seg.text.match(/\b[A-Z]{3,4}\b/g) ?? []).find(isCurrencyCode);
    out.push({
      ...(titleCurrency && !s.amount!.currency ? { currency: titleCurrency } : {}),
      target: field,
      value: signed(field, s.amount!.value, best.match.negate),
      box: { x0: s.x0, x1: s.x1, y0: line.top, y1: line.bottom },
      text: s.text,
      score: best.match.score * s.amount!.quality * (breakdown ? 0.6 : 0.95),
      ocr: Math.min(s.conf, 0.35 + best.seg.conf),
      weight: breakdown ? 0.6 : best.match.synonym.weight,
      page: line.page,
      line: line.index,
      source: 'table',
      label: best.seg.text,
      ...(account ? { account } : {}),
    });
  }
  return out;
}

/**
 * A label wrapped over two lines (`Maintenance Margin` / `Requirement   259,294.45`): when the line
 * above is nothing but the first half, starting at the same left edge, the halves are read as one.
 */
export function joinWrappedLabel(line: Segmented, prev: Segmented | undefined): Segmented {
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
export function valuesBeforeLabels(line: Segmented, fieldHits: LabelHit[]): Candidate[] | null {
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
