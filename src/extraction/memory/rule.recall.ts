import type { FieldName } from '../../contract/fields.ts';
import type { Candidate } from '../fields/candidates.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import {
  accountLeftOf,
  columnRole,
  columnTitle,
  figuresOf,
  labelAbove,
  labelsOn,
  leftLabel,
  roleOfTitle,
  sameLabel,
} from './figure.context.ts';
import type { PageSize } from './layout.fingerprint.ts';
import type { LearnedRule } from './layout.rule.ts';

/** A field found again by a learned rule: the candidate it gives the solver, and the rule. */
export interface Recalled {
  cand: Candidate;
  rule: LearnedRule;
  /**
   * Found by the label alone, where the column the rule was taught with could not be found again (a
   * scan lost the header, or the taught title was not this figure's column): the figure in the
   * taught place among the line's. It only confirms what the document's own reading says.
   */
  loose?: true;
}

interface Hit {
  at: number;
  /** The figure; null for a cell the account's row leaves blank under the rule's column (a zero). */
  fig: Segment | null;
  label: string;
  /** Where the blank cell is (the column title's span), for the evidence. */
  span?: { x0: number; x1: number };
  loose?: true;
}

/** The figure a rule points at on one anchoring line, or null when the line does not hold it as taught. */
export function figureOn(
  lines: Segmented[],
  at: number,
  rule: LearnedRule,
  anchorX: number | null,
  pages: readonly PageSize[],
): Segment | null {
  const figs = figuresOf(lines[at]!);
  if (figs.length === 0) return null;
  if (rule.column) {
    // The column title decides; a statement without it is not printed as taught.
    const under = figs.filter((f) => {
      const title = columnTitle(lines, at, f);
      return title !== null && sameLabel(title.text, rule.column!);
    });
    if (under.length === 1) return under[0]!;
    // One title over several columns: the one standing where the taught one stood.
    if (under.length > 1) {
      const nearest = nearestColumn(lines, at, under, rule, pages);
      if (nearest) return nearest;
    }
    // Titled otherwise today (`Today's value` for `Current`): the column that means what the taught one did.
    // Only then: where the table still prints the taught title, a figure under another title is another
    // column's (a scan that lost this column's figure must not hand the rule its neighbour's).
    if (under.length === 0 && !titleAbove(lines, at, rule.column)) {
      const byRole = sameRole(lines, at, figs, rule, pages);
      if (byRole) return byRole;
    }
    if (under.length > 1 || rule.anchor !== 'account') return null;
    // An account's row where no figure's nearest caption line is the title (a scan's specks between
    // header and rows read as captions): the figure under the title itself, on the header that prints it.
    const span = titleAbove(lines, at, rule.column);
    const below = span ? figs.filter((f) => overlaps(f, span)) : [];
    return below.length === 1 ? below[0]! : null;
  }
  if (figs.length === rule.figures) return figs[rule.ordinal] ?? null;
  // Another count of figures on the line: the one where the taught figure stood, if one clearly is.
  if (anchorX === null) return null;
  const right = figs.filter((f) => f.x0 >= anchorX);
  return rule.ordinal === 0 && right.length > 0 ? right[0]! : null;
}

/** How far (page widths) a column title may sit from the taught one's place and still be its column. */
const COLUMN_REACH = 0.06;

/**
 * Among figures under columns of one title, the one whose title stands where the taught column's did
 * (its centre; the figure's left edge for rules stored without it): the nearest, when it is near and
 * clearly nearer than the next. Null otherwise.
 */
function nearestColumn(
  lines: Segmented[],
  at: number,
  figs: Segment[],
  rule: LearnedRule,
  pages: readonly PageSize[],
): Segment | null {
  const line = lines[at]!;
  const width = (pages[line.page] ?? pages[0] ?? { width: 612 }).width;
  const off = (f: Segment) => {
    if (rule.columnX === undefined) return Math.abs(f.x0 / width - rule.x);
    const t = columnTitle(lines, at, f);
    return t ? Math.abs((t.x0 + t.x1) / 2 / width - rule.columnX) : Number.POSITIVE_INFINITY;
  };
  const [best, next] = [...figs].sort((a, b) => off(a) - off(b));
  return off(best!) <= COLUMN_REACH && off(next!) - off(best!) > 0.02 ? best! : null;
}

/**
 * The figure in the taught place on a line whose columns could not be told by their titles: the
 * taught one of as many figures as taught, else the one nearest the taught place (0..1 of the page's
 * width) when it is near and clearly nearer than the next. Null otherwise.
 */
function taughtPlace(line: Segmented, rule: LearnedRule, pages: readonly PageSize[]): Segment | null {
  const figs = figuresOf(line);
  if (figs.length === 0) return null;
  if (figs.length === rule.figures) return figs[rule.ordinal] ?? null;
  const width = (pages[line.page] ?? pages[0] ?? { width: 612 }).width;
  const off = (f: Segment) => Math.abs(f.x0 / width - rule.x);
  const [best, next] = [...figs].sort((a, b) => off(a) - off(b));
  return off(best!) <= COLUMN_REACH && (!next || off(next) - off(best!) > 0.02) ? best! : null;
}

/** How far (page widths) a figure may sit from the taught one and still be taken for its column by role. */
const ROLE_REACH = 0.25;

/**
 * The figure whose column title means what the rule's did (its role: current, prior, change …),
 * among the line's figures: the only one, or the one nearest the taught place when several columns
 * share the role. Null when the rule's title says no role (`other`), or no column has it.
 */
function sameRole(
  lines: Segmented[],
  at: number,
  figs: Segment[],
  rule: LearnedRule,
  pages: readonly PageSize[],
): Segment | null {
  const role = rule.role ?? roleOfTitle(rule.column!);
  if (role === 'other') return null;
  const same = figs.filter((f) => columnRole(lines, at, f)?.role === role);
  if (same.length <= 1) return same[0] ?? null;
  const line = lines[at]!;
  const width = (pages[line.page] ?? pages[0] ?? { width: 612 }).width;
  const off = (f: Segment) => Math.abs(f.x0 / width - rule.x);
  const [best, next] = [...same].sort((a, b) => off(a) - off(b));
  return off(best!) <= ROLE_REACH && off(next!) - off(best!) > 0.02 ? best! : null;
}

/** Every place on the document where a rule's anchor is printed, with the figure it points at. */
function hits(lines: Segmented[], rule: LearnedRule, account: string | null, pages: readonly PageSize[]): Hit[] {
  const out: Hit[] = [];
  lines.forEach((line, at) => {
    if (rule.anchor === 'account') {
      const fig = figureOn(lines, at, rule, null, pages);
      if (fig && accountLeftOf(line, fig, account)) out.push({ at, fig, label: rule.column ?? '' });
      else if (!fig) {
        const span = blankUnder(lines, at, rule, account);
        if (span) out.push({ at, fig: null, label: rule.column ?? '', span });
      }
      return;
    }
    for (const { seg, text } of labelsOn(line, rule.label!)) {
      if (rule.anchor === 'left') {
        const fig = figureOn(lines, at, rule, seg.x1, pages);
        if (fig && leftLabel(line, fig) === seg) out.push({ at, fig, label: text });
        else if (rule.column) {
          // The taught column is not found again: the figure in the taught place, if it is this label's.
          const loose = taughtPlace(line, rule, pages);
          if (loose && leftLabel(line, loose) === seg) out.push({ at, fig: loose, label: text, loose: true });
        }
      } else {
        // A tile: the figure is on one of the next lines, under the label.
        for (let k = at + 1; k <= Math.min(lines.length - 1, at + 3); k++) {
          const below = figuresOf(lines[k]!).find((f) => labelAbove(lines, k, f)?.seg === seg);
          if (below) {
            out.push({ at: k, fig: below, label: seg.text });
            break;
          }
        }
      }
    }
  });
  return out;
}

/**
 * A table with one row per account prints nothing in a cell that is nil (no short positions, no
 * call): on the account's row, which prints figures in other columns of the table, the rule's
 * column title stands over no figure. The span of that title, or null.
 */
function blankUnder(
  lines: Segmented[],
  at: number,
  rule: LearnedRule,
  account: string | null,
): { x0: number; x1: number } | null {
  const line = lines[at]!;
  const figs = figuresOf(line);
  if (!rule.column || figs.length === 0 || !accountLeftOf(line, figs[0]!, account)) return null;
  const span = titleAbove(lines, at, rule.column);
  return span && !line.segs.some((s) => overlaps(s, span)) ? span : null;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/**
 * The span of a column title on the nearest line above (same page) that prints it and no figure: the
 * table's header, looked for by the title itself.
 */
function titleAbove(lines: Segmented[], at: number, title: string): { x0: number; x1: number } | null {
  const page = lines[at]!.page;
  for (let i = at - 1; i >= Math.max(0, at - 40); i--) {
    const up = lines[i]!;
    if (up.page !== page) return null;
    if (figuresOf(up).length > 0) continue;
    const seg = up.segs.find((s) => s.kind === 'text' && sameLabel(s.text, title));
    if (seg) return { x0: seg.x0, x1: seg.x1 };
  }
  return null;
}

/**
 * The candidates a layout's rules give on a new statement of it: per rule, the figure printed where
 * the taught one was (same anchor, same column title, nearest to the taught place). A rule whose
 * anchor or column the statement does not print gives nothing; the extractor then reads the field
 * as it would without memory.
 */
export function recallFields(
  doc: { lines: Segmented[]; pages: PageSize[] },
  rules: readonly LearnedRule[],
  account: string | null,
): Map<FieldName, Recalled> {
  const out = new Map<FieldName, Recalled>();
  for (const rule of rules) {
    if (rule.anchor === 'account' && !account) continue;
    const found = hits(doc.lines, rule, account, doc.pages);
    if (found.length === 0) continue;
    const place = (h: Hit) => {
      const line = doc.lines[h.at]!;
      const size = doc.pages[line.page] ?? doc.pages[0] ?? { width: 612, height: 792 };
      return Math.abs(line.page - rule.page) * 10 + Math.abs(line.top / size.height - rule.y);
    };
    // A hit found by its column (or where the rule has none) before one found by its place alone.
    const best = [...found].sort((a, b) => (a.loose ? 1 : 0) - (b.loose ? 1 : 0) || place(a) - place(b))[0]!;
    const line = doc.lines[best.at]!;
    if (!best.fig) {
      // A blank cell: zero. On a scan, the cell may have lost its figure to the reading, so a person looks.
      const scanned = line.segs.some((s) => s.conf < 1);
      out.set(rule.field, {
        rule,
        cand: {
          target: rule.field,
          value: 0,
          score: 0.9,
          ocr: scanned ? 0.5 : 1,
          weight: 1,
          page: line.page,
          line: line.index,
          source: 'row',
          label: best.label,
          box: { x0: best.span!.x0, y0: line.top, x1: best.span!.x1, y1: line.bottom },
          text: '',
        },
      });
      continue;
    }
    const printed = best.fig.amount!.value;
    out.set(rule.field, {
      rule,
      ...(best.loose ? { loose: true as const } : {}),
      cand: {
        target: rule.field,
        value: Math.round(printed * rule.sign * 100) / 100,
        score: Math.min(1, best.fig.amount!.quality),
        ocr: best.fig.conf,
        weight: 1,
        page: line.page,
        line: line.index,
        source: 'row',
        label: best.label,
        box: { x0: best.fig.x0, y0: line.top, x1: best.fig.x1, y1: line.bottom },
        text: best.fig.text,
      },
    });
  }
  return out;
}
