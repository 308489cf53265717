import { matchLabel } from '../labels/label.matcher.ts';
import { type Segmented, sharesColumn } from '../layout/segments.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';
import { type Column, type ColumnHeader, classifyHeader } from './column.header.ts';

/**
 * Column titles printed over several lines (`U.S. dollar account in` / `CAD` / `(at 1.4012)` beside
 * `Combined in` / `CAD`): a line of words only, right above or right under a title line and before the
 * first row, whose words all stand over the figure columns (right of the row labels), continues the
 * titles: each word joins the title it stands over, or titles a column the title line left blank.
 */

/** Whether `line`, next to a title band ending (or starting) `gap` away, is more of its titles. */
export function continuesTitles(line: Segmented, header: ColumnHeader, gap: number): boolean {
  if (line.page !== header.page || line.segs.length === 0 || gap > line.height * 1.2) return false;
  const left = Math.min(...header.columns.map((c) => c.x0));
  return line.segs.every((s) => {
    if (s.kind !== 'text' || s.x0 < left - 2 || s.text.includes(':')) return false;
    // A word for none in a cell (`None` under `Amount`) is a nil figure: the line is a row, not titles.
    if (isNoneWord(s.text) && /\p{L}/u.test(s.text)) return false;
    // A label with its value (`Account 4410-0001`, `Currency CAD`) is no title.
    const label = matchLabel(s.text);
    return !label || label.target === 'account'
      ? !/\d/.test(s.text)
      : label.target !== 'date' && label.target !== 'currency';
  });
}

/** The header with the words of a continuing line (`above`: printed over the title line) joined to its columns. */
export function joinTitles(header: ColumnHeader, line: Segmented, above: boolean): ColumnHeader {
  const columns = header.columns.map((c) => ({ ...c }));
  for (const s of line.segs) {
    const col = columns.find((c) => sharesColumn(c, s));
    if (!col) {
      columns.push({ ...titleKind(classifyHeader(s.text), null), x0: s.x0, x1: s.x1, text: s.text });
      continue;
    }
    const text = above ? `${s.text} ${col.text}` : `${col.text} ${s.text}`;
    Object.assign(col, titleKind(classifyHeader(text), col), {
      text,
      x0: Math.min(col.x0, s.x0),
      x1: Math.max(col.x1, s.x1),
    });
  }
  columns.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns };
}

/** The kind the joined words tell; words that tell nothing (`account`) leave the kind the title had. */
function titleKind(told: Omit<Column, 'x0' | 'x1' | 'text'>, had: Column | null): Omit<Column, 'x0' | 'x1' | 'text'> {
  if (!had) return told;
  if (told.kind === 'other') return { kind: had.kind, ...(had.currency ? { currency: had.currency } : {}) };
  return { ...told, ...(told.currency || !had.currency ? {} : { currency: had.currency }) };
}

/** A second title line right under a first (`EURO | US DOLLARS | CONVERTED TO USD` over `(EUR) | (USD) | (USD)`). */
export function stackHeaders(upper: ColumnHeader, lower: ColumnHeader): ColumnHeader {
  if (upper.page !== lower.page || lower.line !== upper.line + 1) return lower;
  const columns = lower.columns.map((c) => {
    const above = upper.columns.find((u) => sharesColumn(u, c));
    if (!above) return c;
    const keep = above.kind === 'base' || above.kind === 'prior' || c.kind === 'other' || c.kind === above.kind;
    return keep ? { ...c, kind: above.kind, ...(above.currency ? { currency: above.currency } : {}) } : c;
  });
  return { ...lower, columns };
}
