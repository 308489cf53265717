import { type Candidate, labelHits } from '../fields/candidates.ts';
import { type LabelMatch, matchLabel } from '../labels/label.matcher.ts';
import { type Segment, type Segmented, sharesColumn } from '../layout/segments.ts';
import { currencyCodeIn, currencyFromCode, isCurrencyName } from '../parse/currency.parser.ts';
import { COLUMN_TITLE_WORDS, HOUSE_FIELD_WORDS, type TitleKind } from '../vocabulary/column.titles.ts';
import { alternation, phrasePattern, phraseRegExp } from '../vocabulary/word.patterns.ts';
import { arithmeticHeader } from './arithmetic.header.ts';
import { titleCurrency } from './currency.sections.ts';
import { dropCountColumns, fieldColumns } from './field.columns.ts';
import { isScannedRule } from './rule.lines.ts';
import { dateCaptions, datedKinds, stubCaption } from './stub.caption.ts';
import { continuesTitles, joinTitles, stackHeaders } from './title.band.ts';

/**
 * Column titles over rows (`Current | Prior Day | Change`, `EURO | US DOLLARS | CONVERTED TO USD`,
 * `Stock | Current Long | Current Short`), read by geometry: which title line governs each line of
 * the page below it, while its table lasts. The title says which figure of a labelled row is current
 * (a prior, change or year-to-date column is a rival only); where titles are themselves fields, the
 * figures of an unlabelled row under them are those fields. A second title line right under a first
 * refines its columns; a page break, or another band of titles well below the table, ends it.
 */
export interface ColumnHeaders {
  /** Lines that are column titles: the walk reads nothing else from them. */
  titles: Set<number>;
  /** The header that governs a line below it (the columns its figures stand in). */
  governing: Map<number, ColumnHeader>;
  /** Figures of unlabelled rows under titles that are fields, by line. */
  byLine: Map<number, Candidate[]>;
}

/** What a table column holds, read from its header. */
export type ColumnKind =
  | 'current'
  | 'base'
  | 'prior'
  | 'change'
  | 'period'
  | 'currency'
  | 'house'
  | 'exchange'
  | 'other';

export interface Column {
  kind: ColumnKind;
  x0: number;
  x1: number;
  text: string;
  currency?: string;
  date?: string;
  /** A column whose title is itself a field (`Current Long`, `Current Short`). */
  field?: LabelMatch;
}

export interface ColumnHeader {
  page: number;
  line: number;
  columns: Column[];
  /** Why the current column is only a guess (it was told by arithmetic, not by a title): its figures go to review. */
  unsure?: string;
}

/** Column title words, whole words in the lower-cased title; a space also matches a hyphen (`year-to-date`). */
const TITLE = Object.fromEntries(
  Object.entries(COLUMN_TITLE_WORDS).map(([kind, words]) => [kind, phraseRegExp(words, '', '[- ]')]),
) as Record<TitleKind, RegExp>;
const HOUSE_TITLE = new RegExp(`^${phrasePattern(COLUMN_TITLE_WORDS.house)}(?! (?:${alternation(HOUSE_FIELD_WORDS)}))`);
const EXCHANGE_TITLE = new RegExp(`^${phrasePattern(COLUMN_TITLE_WORDS.exchange)}`);

/**
 * What a column title says its column holds, and the currency it names for the figures under it
 * (`Amount (₹)`, `Balance USDT`): those figures are in it, whatever their own print shows.
 */
export function classifyHeader(text: string): Omit<Column, 'x0' | 'x1' | 'text'> {
  const kind = titleKind(text);
  const named = kind.currency ? null : titleCurrency(text);
  return named ? { ...kind, currency: named } : kind;
}

function titleKind(text: string): Omit<Column, 'x0' | 'x1' | 'text'> {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (TITLE.prior.test(t)) return { kind: 'prior' };
  if (TITLE.change.test(t)) return { kind: 'change' };
  if (TITLE.period.test(t)) return { kind: 'period' };
  if (TITLE.base.test(t)) {
    const code = currencyCodeIn(t);
    return code ? { kind: 'base', currency: code } : { kind: 'base' };
  }
  // House and exchange/regulatory requirements side by side: the house column is the one enforced.
  if (HOUSE_TITLE.test(t) && t.split(' ').length <= 4) return { kind: 'house' };
  if (EXCHANGE_TITLE.test(t) && t.split(' ').length <= 5) return { kind: 'exchange' };
  const code = currencyFromCode(t.replace(/[()]/g, ''));
  if (code) return { kind: 'currency', currency: code };
  if (isCurrencyName(t)) return { kind: 'currency' };
  if (TITLE.current.test(t)) return { kind: 'current' };
  return { kind: 'other' };
}

/**
 * A line of column titles: no figures, two or more cells, at least one that says what a column
 * holds (Current, Prior Day, Change, YTD, a currency, a date). A line whose cells
 * are field labels is a different table (fields as columns) and is not a header here.
 */
export function readColumnHeader(line: Segmented): ColumnHeader | null {
  // A line with figures is a row; account numbers over columns are read by structure/account.table.ts.
  if (line.segs.some((s) => s.kind === 'amount')) return null;
  // Percentages and other figures (`Margin equity %  100.00%  101.36%`) make a data row, not titles.
  if (line.segs.some((s) => s.kind === 'text' && /^[+\-−(]?\s*\d[\d,.]*\s*%?\)?$/.test(s.text.trim()))) return null;
  if (line.cells.length < 2) return null;
  const columns: Column[] = [];
  const stub = stubCaption(line, (text) => classifyHeader(text).kind);
  const captions = dateCaptions(line);
  for (const seg of line.segs) {
    // `PRIOR BUS DATE 20261204 | BUS DATE 20261207`: a date's caption titles the dated column, whatever its words name.
    if (captions.has(seg)) {
      const kind = classifyHeader(seg.text).kind === 'prior' ? 'prior' : 'current';
      columns.push({ kind, x0: seg.x0, x1: seg.x1, text: seg.text });
      continue;
    }
    if (seg.kind === 'date') {
      // `Previous close 10/14/2026`: the date belongs to the title before it in the same cell.
      const before = columns[columns.length - 1];
      const prevSeg = line.segs[line.segs.indexOf(seg) - 1];
      if (before && prevSeg && prevSeg.kind === 'text' && prevSeg.cell === seg.cell && before.kind !== 'other') {
        before.x1 = seg.x1;
        before.date = seg.date!.iso;
        before.text = `${before.text} ${seg.text}`;
        continue;
      }
      columns.push({ kind: 'current', x0: seg.x0, x1: seg.x1, text: seg.text, date: seg.date!.iso });
      continue;
    }
    // A label with its value (`As of: 11/26/2026`, `Acct #: U123`) is not a column title.
    if (seg !== stub && seg.text.split(' ').length > 5) return null;
    // The table's caption over the row labels titles no column and names no field.
    const c = seg === stub ? { kind: 'other' as const } : classifyHeader(seg.text);
    const found = seg === stub ? null : matchLabel(seg.text);
    // `Base currency equivalent`, `Total in base currency`: a converted total's title, no currency label.
    const label =
      found?.target === 'currency' && c.kind === 'base' && TITLE.base.test(found.words.join(' ')) ? null : found;
    if (
      label &&
      (c.kind === 'other' || label.target === 'date' || label.target === 'account' || label.target === 'currency')
    )
      return null;
    // `Total account value` names a field whole: a key figure's label, not a total column's title.
    if (label && c.kind === 'base' && label.words.length === 0 && label.score >= 0.9) return null;
    columns.push({ ...c, x0: seg.x0, x1: seg.x1, text: seg.text, ...(label ? { field: label } : {}) });
  }
  // Titles, not `Label | value` pairs: some column must describe a column, or two must name fields.
  if (columns.filter((c) => c.kind !== 'other' && !c.field).length === 0 && columns.filter((c) => c.field).length < 2)
    return null;
  const informative = columns.filter((c) => c.kind !== 'other');
  const dated = columns.filter((c) => c.date);
  if (informative.length === 0) return null;
  if (informative.length === 1 && (EXCLUDED_COLUMNS.has(informative[0]!.kind) || dated.length === 1)) return null;
  datedKinds(dated);
  return { page: line.page, line: line.index, columns };
}

/** The header column above a figure: the widest horizontal overlap, else the nearest centre. */
export function columnOf(seg: Pick<Segment, 'x0' | 'x1'>, header: ColumnHeader): Column | null {
  let best: Column | null = null;
  let bestOv = 0;
  for (const c of header.columns) {
    const ov = Math.min(c.x1, seg.x1) - Math.max(c.x0, seg.x0);
    if (ov > bestOv) {
      bestOv = ov;
      best = c;
    }
  }
  if (best) return best;
  const cx = (seg.x0 + seg.x1) / 2;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of header.columns) {
    const d = Math.min(Math.abs((c.x0 + c.x1) / 2 - cx), Math.abs(c.x1 - seg.x1), Math.abs(c.x0 - seg.x0));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= 40 ? best : null;
}

export const EXCLUDED_COLUMNS: ReadonlySet<ColumnKind> = new Set(['prior', 'change', 'period']);

/**
 * Reads the column headers of the document. `skip` names lines another part of the structure model
 * explains (account tables, field grids); `read` gives a line as the walk reads it (a wrapped label joined).
 */
export function readColumnHeaders(
  lines: Segmented[],
  skip: (at: number) => boolean,
  read: (at: number) => Segmented,
): ColumnHeaders {
  const titles = new Set<number>();
  const governing = new Map<number, ColumnHeader>();
  const byLine = new Map<number, Candidate[]>();
  let header: ColumnHeader | null = null;
  // Bottom of the header's table so far (its title line, then each row with figures under it): a header
  // governs the rows of its own block, not figures printed well below it under other titles.
  let bottom = 0;
  // Rows with figures read under the header so far: titles continue only before the first.
  let rows = 0;
  lines.forEach((printed, at) => {
    if (skip(at)) return;
    const prev = lines[at - 1];
    if (prev && prev.page !== printed.page) header = null;
    const line = read(at);
    const hasAmounts = line.segs.some((s) => s.kind === 'amount');
    const titled = readColumnHeader(line);
    // Another band of titles or labels (text only, in two or more cells) below the header's table
    // starts another block: the header no longer says which column is current.
    const another =
      !hasAmounts &&
      line.segs.length >= 2 &&
      line.segs.every((x) => x.kind === 'text') &&
      !isScannedRule(line) &&
      line.top - bottom > line.height * 1.5;
    // Titles the vocabulary does not know: the column whose figures add up is current (a guess, reviewed).
    const guessed = titled || (header && !another) ? null : arithmeticHeader(lines, at, read);
    if (guessed) {
      header = guessed.header;
      for (const k of guessed.band) titles.add(k);
      bottom = read(guessed.band[guessed.band.length - 1]!).bottom;
      return;
    }
    if (titles.has(at)) return;
    if (titled) {
      header = header ? stackHeaders(header, titled) : titled;
      bottom = line.bottom;
      titles.add(at);
      rows = 0;
      // Titles begun on the line above (a stacked title whose first words stand higher).
      const above = lines[at - 1];
      if (above && !skip(at - 1) && !titles.has(at - 1) && !governing.has(at - 1)) {
        const upper = read(at - 1);
        // Only words over a column the title line leaves blank: a caption over a title (`Excess Liquidity` over `Current`) is no title.
        const blank = upper.segs.every((u) => !header!.columns.some((c) => sharesColumn(c, u)));
        if (blank && continuesTitles(upper, header, line.top - upper.bottom)) {
          header = joinTitles(header, upper, true);
          titles.add(at - 1);
        }
      }
      return;
    }
    // Titles continued on the lines under the title line, before its first row.
    if (header && rows === 0 && !hasAmounts && continuesTitles(line, header, line.top - bottom)) {
      header = joinTitles(header, line, false);
      bottom = line.bottom;
      titles.add(at);
      return;
    }
    if (header && another) header = null;
    if (!header) return;
    if (hasAmounts) {
      bottom = line.bottom;
      rows++;
    }
    governing.set(at, header);
    if (hasAmounts && labelHits(line).length === 0) {
      const cands = fieldColumns(line, header);
      if (cands.length > 0) byLine.set(at, cands);
    }
  });
  dropCountColumns(lines, governing, byLine);
  return { titles, governing, byLine };
}
