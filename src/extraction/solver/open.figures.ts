import { locate } from '../layout/lines.builder.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { underEarlierDate } from '../structure/dated.columns.ts';
import { governingLabel } from '../structure/label.band.ts';
import { isRateLabel } from '../structure/rate.rows.ts';
import { isRuleLine } from '../structure/rule.lines.ts';
import { namesInstrument } from '../vocabulary/account.identifiers.ts';
import { contextOf, isNoneWord, isTotalOnly } from '../vocabulary/context.match.ts';
import { joinedPieces } from './split.figures.ts';

/**
 * Every figure printed with a label beside or above it, whatever the label says: the raw material
 * of the identities when a statement's labels are words the vocabulary has never seen. A figure
 * right of a text cell on its line takes that text as its label; a line of figures under a line of
 * labels pairs each figure with the label it stands under (tiles, cards, label-above forms).
 * Labels of prior, change or total figures are left out: those figures are never the report's.
 */
export interface OpenFigure {
  value: number;
  label: string;
  page: number;
  line: number;
  box: { x0: number; y0: number; x1: number; y1: number };
  text: string;
  /** OCR confidence of the figure (1 for a text layer). */
  ocr: number;
  /**
   * The grid column the figure stands in (`page:x` of its title, or of the figure's right edge), for a
   * figure in a row of several under column titles: the identities hold within one column.
   */
  column?: string;
  /** The text of that column's title, where one stands over it (an account number in a column per account). */
  columnTitle?: string;
}

const MAX_LABEL_WORDS = 7;
/**
 * A label in a language that writes each syllable as a word (`Giá trị ký quỹ duy trì yêu cầu`) runs to more
 * words, each short: up to this many words, where all of them hold no more letters than seven words of four.
 */
const MAX_SYLLABLE_WORDS = 10;
const MAX_LABEL_LETTERS = 28;

const shortLabel = (text: string): boolean => {
  const words = text.trim().split(/\s+/);
  if (words.length <= MAX_LABEL_WORDS) return true;
  return words.length <= MAX_SYLLABLE_WORDS && (text.match(/\p{L}/gu) ?? []).length <= MAX_LABEL_LETTERS;
};

const labelLike = (s: Segment | undefined): s is Segment =>
  !!s && s.kind === 'text' && /\p{L}{2}/u.test(s.text) && shortLabel(s.text) && !isNoneWord(s.text);

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

export function openFigures(lines: Segmented[]): OpenFigure[] {
  const out: OpenFigure[] = [];
  const add = (label: Segment, seg: Segment, line: Segmented, column?: { title: Segment | null; key: string }) => {
    const ctx = contextOf(label.text);
    if (ctx === 'distractor' || ctx === 'combined' || (ctx === 'total' && isTotalOnly(label.text))) return;
    // A row of exchange rates holds ratios, never money.
    if (isRateLabel(label.text)) return;
    // A word that stands for nothing (`NIL` under `Call Outstanding`) is a figure of 0.
    const none = seg.kind === 'text' && isNoneWord(seg.text);
    if (!none && (!seg.amount || seg.amount.quality < 0.8)) return;
    // A figure under a prior, change or period column title is never the report's.
    const colCtx = column?.title ? contextOf(column.title.text) : null;
    if (colCtx === 'distractor' || colCtx === 'combined') return;
    out.push({
      value: none ? 0 : seg.amount!.value,
      label: label.text.trim(),
      page: line.page,
      line: line.index,
      box: { x0: seg.x0, y0: line.top, x1: seg.x1, y1: line.bottom },
      text: seg.text,
      ocr: Math.min(seg.conf, label.conf),
      ...(column ? { column: column.key } : {}),
      ...(column?.title ? { columnTitle: column.title.text } : {}),
    });
  };
  lines.forEach((line, at) => {
    // The dashes of a rule under column titles are no nil figures.
    if (isRuleLine(line)) return;
    // A grid row: a label first, then only figures. Each figure is the row label's, in its column.
    const head = line.segs[0];
    const figures = line.segs.slice(1).filter((s) => s.kind === 'amount');
    const gridRow =
      labelLike(head) &&
      figures.length >= 2 &&
      line.segs
        .slice(1)
        .every(
          (s) =>
            s.kind !== 'text' ||
            /^[A-Z]{2,5}$/.test(s.text.trim()) ||
            (s.text.trim().split(/\s+/).length <= 2 && !/\p{L}{3}/u.test(s.text)),
        );
    line.segs.forEach((seg, i) => {
      if (seg.kind !== 'amount' && !(seg.kind === 'text' && isNoneWord(seg.text))) return;
      // A figure OCR cut in two is offered whole as well, beside its pieces.
      const joined = joinedPieces(line.segs[i - 1], seg);
      if (gridRow && head) {
        if (underEarlierDate(lines, at, seg)) return;
        // A position's row (`PKO BP (PKO)` under `Instrument`): its figures are the instrument's, not the account's.
        if (instrumentRow(lines, at, head)) return;
        const title = columnTitle(lines, at, seg);
        const column = { title, key: `${line.page}:${Math.round(title ? title.x1 : seg.x1)}` };
        add(head, seg, line, column);
        if (joined) add(head, joined, line, column);
        return;
      }
      const before = line.segs[i - 1];
      if (joined && labelLike(line.segs[i - 2])) add(line.segs[i - 2]!, joined, line);
      // A word for nothing before it (`NONE`) is another figure of the line, not its label.
      if (before && before.kind === 'text' && !isNoneWord(before.text)) {
        if (labelLike(before)) add(before, seg, line);
        return;
      }
      // A figure with no label beside it: the label right above it, on a line of labels only.
      const over = labelAbove(lines, at, seg);
      if (over) add(over, seg, line);
    });
  });
  return out;
}

/** A grid row whose label stands under a title naming instruments (`Instrument`, `Symbol`), and is no total. */
function instrumentRow(lines: Segmented[], at: number, head: Segment): boolean {
  const stub = columnTitle(lines, at, head);
  return stub !== null && namesInstrument(stub.text) && contextOf(head.text) !== 'total';
}

/**
 * The column title over a figure of a grid row: walking up through the grid's rows (lines that
 * start with a label and hold figures) to the first lines of text only, the title cell that
 * overlaps the figure most (two-line titles: the lowest line that has one).
 */
function columnTitle(lines: Segmented[], at: number, seg: Segment): Segment | null {
  const line = lines[at]!;
  let k = at - 1;
  while (k >= 0 && lines[k]!.page === line.page && lines[k]!.segs.some((s) => s.kind === 'amount')) k--;
  for (let j = k; j >= Math.max(0, k - 2); j--) {
    const up = lines[j]!;
    if (up.page !== line.page || up.segs.some((s) => s.kind === 'amount')) return null;
    const over = up.segs
      .filter((s) => s.kind === 'text')
      .map((s) => ({ s, o: overlap(s, seg) }))
      .filter((x) => x.o > 0)
      .sort((a, b) => b.o - a.o)[0];
    if (over) {
      // A title on two lines reads whole: the cell right above it in the same column joins it.
      const upper = j > 0 ? lines[j - 1]!.segs.find((s) => s.kind === 'text' && overlap(s, over.s) > 0) : undefined;
      const joinable =
        upper && lines[j - 1]!.page === line.page && !lines[j - 1]!.segs.some((s) => s.kind === 'amount');
      if (joinable) return { ...over.s, text: `${upper.text} ${over.s.text}` };
      return numberTitle(up, over.s, seg) ?? over.s;
    }
  }
  return null;
}

/** A number run together with a title's words in one cell: `30160789Household Combined`, `59-2469-37 Relationship Aggregate`. */
const NUMBER_THEN_WORDS = /^(\S*\d)(?=\s|\p{Lu}\p{Ll})([\s\p{L}]*\p{L}{3}[\s\p{L}]*)$/u;

/**
 * A title cell that prints a number and then words (a stacked title of the next column pulled onto the
 * number's line): a figure under the number has the number for its title, one under the words the words.
 */
function numberTitle(line: Segmented, title: Segment, seg: Segment): Segment | null {
  const m = NUMBER_THEN_WORDS.exec(title.text);
  const cell = line.cells[title.cell];
  const from = cell ? cell.text.indexOf(title.text) : -1;
  if (!m || !cell || from < 0) return null;
  const number = locate(cell, from, from + m[1]!.length);
  const words = locate(cell, from + m[1]!.length, from + title.text.length);
  const [text, box] = overlap(number, seg) >= overlap(words, seg) ? [m[1]!, number] : [m[2]!.trim(), words];
  return { ...title, text, x0: box.x0, x1: box.x1 };
}

function labelAbove(lines: Segmented[], at: number, seg: Segment): Segment | null {
  const line = lines[at]!;
  for (let k = at - 1; k >= Math.max(0, at - 2); k--) {
    const up = lines[k]!;
    if (up.page !== line.page || line.top - up.bottom > line.height * 3) return null;
    if (up.segs.some((s) => s.kind === 'amount')) return null;
    const over = up.segs
      .filter(labelLike)
      .map((s) => ({ s, o: overlap(s, seg) }))
      .filter((x) => x.o > 0)
      .sort((a, b) => b.o - a.o)[0];
    if (over) return over.s;
    // A row of labels over a row of figures: a figure right-aligned in a wide column belongs to the
    // label whose band holds it.
    const labels = up.segs.filter((s) => s.kind === 'text');
    const figures = line.segs.filter((s) => s.kind === 'amount');
    if (k === at - 1 && labels.length >= 2 && figures.length === line.segs.length && figures.length <= labels.length) {
      const band = governingLabel(labels, seg);
      if (band && labelLike(band)) return band;
    }
  }
  return null;
}

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/** A document's lines indexed once for `accountFigures`, which every account of the document asks. */
export interface AccountLines {
  lines: Segmented[];
  /** Each cell's squashed text, on lines that print an account number: where it stands and which accounts share its line. */
  cells: Map<string, { page: number; top: number; cell: Segment; onLine: ReadonlySet<string> }[]>;
  /** Positions of the lines by the squashed text of their first cell. */
  heads: Map<string, number[]>;
}

export function indexAccountLines(lines: Segmented[], accounts: readonly string[]): AccountLines {
  const known = new Set(accounts.map(squash).filter((a) => a.length >= 4));
  const cells: AccountLines['cells'] = new Map();
  const heads: AccountLines['heads'] = new Map();
  lines.forEach((l, at) => {
    const texts = l.segs.map((x) => squash(x.text));
    if (texts.length) {
      const same = heads.get(texts[0]!) ?? [];
      same.push(at);
      heads.set(texts[0]!, same);
    }
    const onLine = new Set(texts.filter((t) => known.has(t)));
    if (onLine.size === 0) return;
    l.segs.forEach((cell, k) => {
      const list = cells.get(texts[k]!) ?? [];
      list.push({ page: l.page, top: l.top, cell, onLine });
      cells.set(texts[k]!, list);
    });
  });
  return { lines, cells, heads };
}

/**
 * The open figures of one account in a statement with several, printed a column per account: the
 * grid figures under the cell that prints its number on a line of account numbers side by side
 * (or in a column titled with it). Figures elsewhere may be any account's, so none of them.
 */
export function accountFigures(open: OpenFigure[], index: AccountLines, account: string | null): OpenFigure[] {
  const own = account ? squash(account) : '';
  if (own.length < 4) return [];
  // A line names the account among others: it prints another account's number too.
  const heads = (index.cells.get(own) ?? []).filter((h) => [...h.onLine].some((a) => a !== own));
  return [
    ...open.filter(
      (f) =>
        f.column !== undefined &&
        ((f.columnTitle !== undefined && squash(f.columnTitle).includes(own)) ||
          heads.some((h) => h.page === f.page && f.box.y0 > h.top && overlap(h.cell, f.box) > 0)),
    ),
    ...rowFigures(index, own),
  ];
}

/** A row per account: the figures of the row its number heads, each labelled by its column title. */
function rowFigures({ lines, heads }: AccountLines, own: string): OpenFigure[] {
  const out: OpenFigure[] = [];
  for (const at of heads.get(own) ?? []) {
    const line = lines[at]!;
    const cells = line.segs.slice(1).filter((x) => (x.amount && x.amount.quality >= 0.8) || isNoneWord(x.text));
    if (cells.length < 2) continue;
    for (const seg of cells) {
      const title = columnTitle(lines, at, seg);
      if (!title || !labelLike(title)) continue;
      const ctx = contextOf(title.text);
      if (ctx === 'distractor' || ctx === 'combined') continue;
      out.push({
        value: seg.amount && !isNoneWord(seg.text) ? seg.amount.value : 0,
        label: title.text.trim(),
        page: line.page,
        line: line.index,
        box: { x0: seg.x0, y0: line.top, x1: seg.x1, y1: line.bottom },
        text: seg.text,
        ocr: Math.min(seg.conf, title.conf),
      });
    }
  }
  return out;
}
