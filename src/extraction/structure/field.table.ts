import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, FIELD_TARGETS, type LabelHit, labelHits, signed } from '../fields/candidates.ts';
import { rowValues } from '../fields/label.values.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCombinedHeading, readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { TOTAL_ROW_LEADS } from '../vocabulary/document.words.ts';
import { phrasePattern } from '../vocabulary/word.patterns.ts';
import { inCountColumn, POSITION_FIELDS } from './count.columns.ts';

/**
 * Tables whose columns are fields, headed by one line of field labels (`Account | Net Liq | Maint Req |
 * Excess`), where the field grid (field.grid.ts) declines them: rows labelled by fields (`Cash`, `Stock`),
 * an account found by its number anywhere in the row, a breakdown (by product, by currency) whose total
 * row is the figure. Each figure belongs to the title over it (the widest overlap, else the nearest
 * centre); its row's account cell says whose it is. The table lasts while rows with figures and no
 * field label follow within a few line heights, on the same page, up to another title line.
 */
export interface FieldTables {
  /** Title lines, with the readings of labels on them that name no field (`As of 11/26/2026`). */
  titles: Map<number, Candidate[]>;
  /** Rows, with their figures' readings (an account's, or the one account's being read). */
  rows: Map<number, Candidate[]>;
}

interface FieldHeader {
  page: number;
  /** Bottom of the last row read, so a table ends at the first wide gap. */
  bottom: number;
  height: number;
  cols: LabelHit[];
  accountCol: Segment | null;
  /** Columns whose rows print counts (contracts, lots: bare integers beside money with cents), not money. */
  counts: Set<LabelHit>;
  /** Columns that printed money. */
  money: Set<LabelHit>;
  /** The title line, and whether a row of figures followed it. */
  at: number;
  read: boolean;
}

const ACCOUNT = new Set(['account'] as const);
const TOTAL_ROW_LEAD = new RegExp(String.raw`^\s*${phrasePattern(TOTAL_ROW_LEADS)}`, 'i');

/**
 * Reads the document's field tables. `skip` names lines another part of the structure model explains;
 * `read` gives a line as the walk reads it; `ends` names lines that end a table (column titles).
 */
export function readFieldTables(
  lines: Segmented[],
  skip: (at: number) => boolean,
  read: (at: number) => Segmented,
  ends: (at: number) => boolean,
): FieldTables {
  const titles = new Map<number, Candidate[]>();
  const rows = new Map<number, Candidate[]>();
  let fh: FieldHeader | null = null;
  // A title line no row of figures follows (its titles go on below it, wrapped round the next lines'
  // titles) heads no table here: its labels are read as labels, each over or beside its own figure.
  const close = () => {
    if (fh && !fh.read) titles.delete(fh.at);
    fh = null;
  };
  lines.forEach((printed, at) => {
    if (skip(at)) return;
    const prev = lines[at - 1];
    if (prev && prev.page !== printed.page) close();
    if (ends(at)) {
      close();
      return;
    }
    const line = read(at);
    const hasAmounts = line.segs.some((s) => s.kind === 'amount');
    const hits = labelHits(line);
    const fieldHits = hits.filter((h) => FIELD_TARGETS.has(h.match.target));
    if (!hasAmounts && fieldHits.length >= 2) {
      close();
      const accountCol = line.segs.find((s) => s.kind === 'text' && matchLabel(s.text, ACCOUNT)?.score) ?? null;
      fh = {
        page: line.page,
        cols: fieldHits,
        accountCol,
        bottom: line.bottom,
        height: line.height,
        counts: new Set(),
        money: new Set(),
        at,
        read: false,
      };
      titles.set(
        at,
        hits.filter((h) => !FIELD_TARGETS.has(h.match.target)).flatMap((h) => rowValues(line, h, hits, null)),
      );
      return;
    }
    if (fh && line.top - fh.bottom > fh.height * 3.5) close();
    if (fh && hasAmounts && fieldHits.length === 0) {
      fh.bottom = line.bottom;
      fh.read = true;
      rows.set(at, tableRow(lines, at, fh));
    }
  });
  close();
  return { titles, rows };
}

/** One row of a table whose columns are fields: figures go to the row's account (or the current one). */
function tableRow(lines: readonly Segmented[], at: number, fh: FieldHeader): Candidate[] {
  const line = lines[at]!;
  const texts = line.segs
    .filter((s) => s.kind === 'text')
    .map((s) => s.text)
    .join(' ');
  const totalRow = TOTAL_ROW_LEAD.test(texts) || isCombinedHeading(texts);
  // With an account column a total row is a household figure; without one it is the account's own total.
  if (totalRow && fh.accountCol) return [];
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
  // A bare integer beside figures with cents is a count (`LONG 40  SETTLE 6,198.50`): its column holds no money,
  // and a figure found under its title further down (a block below the table) is not that field's.
  const cents = line.segs.some((s) => s.kind === 'amount' && s.amount!.quality >= 1);
  for (const s of line.segs) {
    if (s.kind !== 'amount' || s === acctSeg) continue;
    if (account && acctSeg && s.cell === acctSeg.cell) continue;
    const best = columnOf(s, fh.cols);
    if (s.amount!.quality < 0.7) {
      // In a cell of its own under the title (not a number inside a name: `S&P 500`).
      const own = line.cells[s.cell]?.text.trim() === s.text.trim();
      if (best && own && cents && overlaps(s, best.seg) && !fh.money.has(best)) fh.counts.add(best);
      continue;
    }
    if (!best || fh.counts.has(best)) continue;
    // Contracts held under `Long | Short` titles (`0 | 1.200`): counts, grouped or not, never money.
    if (POSITION_FIELDS.has(best.match.target) && inCountColumn(lines, at, s)) continue;
    fh.money.add(best);
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

const overlaps = (a: Segment, b: Segment) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);

/** The title over a figure: the widest overlap, else the nearest centre (within 45 points). */
function columnOf(s: Segment, cols: readonly LabelHit[]): LabelHit | null {
  let best: LabelHit | null = null;
  let bestOv = 0;
  for (const col of cols) {
    const ov = Math.min(s.x1, col.seg.x1) - Math.max(s.x0, col.seg.x0);
    if (ov > bestOv) {
      bestOv = ov;
      best = col;
    }
  }
  if (best) return best;
  let bestD = 45;
  for (const col of cols) {
    const d = Math.abs((s.x0 + s.x1) / 2 - (col.seg.x0 + col.seg.x1) / 2);
    if (d < bestD) {
      bestD = d;
      best = col;
    }
  }
  return best;
}
