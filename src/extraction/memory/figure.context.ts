import type { Segment, Segmented } from '../layout/segments.ts';
import { normalizeAccount } from '../parse/account.parser.ts';
import { type ColumnKind, classifyHeader, readColumnHeader } from '../structure/column.header.ts';
import { phraseKey, similarPhrases } from './phrase.match.ts';

/**
 * Where a figure sits among its neighbours: the label left of it on its line, the label right above
 * it, the column title of its table. Learning reads these off the taught figure; recall looks for
 * the same ones on a new statement. Both sides use these functions, so they agree by construction.
 */

export const figuresOf = (line: Segmented): Segment[] => line.segs.filter((s) => s.kind === 'amount');

const isLabel = (s: Segment) => s.kind === 'text' && /\p{L}{2}/u.test(s.text) && phraseKey(s.text).length >= 2;

/** A text with fewer than two letters: a scan's speck, a rule, a bullet. */
const speck = (s: Segment) => s.kind === 'text' && (s.text.match(/\p{L}/gu)?.length ?? 0) < 2;

const overlapsX = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** The nearest label left of the figure on its line, if any. */
export function leftLabel(line: Segmented, fig: Segment): Segment | null {
  const before = line.segs.filter((s) => isLabel(s) && s.x1 <= fig.x0 + 1);
  return before.length ? before[before.length - 1]! : null;
}

/** How many lines up a label or column title may be looked for. */
const LOOK_UP = 40;

/**
 * The label right above a figure that has none on its left (a tile): the nearest line above, on the
 * same page and close, whose label overlaps the figure horizontally and which prints no figure there.
 */
export function labelAbove(lines: Segmented[], at: number, fig: Segment): { line: Segmented; seg: Segment } | null {
  const line = lines[at]!;
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const up = lines[i]!;
    if (up.page !== line.page || line.top - up.bottom > Math.max(up.height, line.height) * 3) return null;
    if (figuresOf(up).some((f) => overlapsX(f, fig))) return null;
    const seg = up.segs.find((s) => isLabel(s) && overlapsX(s, fig));
    if (seg) return { line: up, seg };
  }
  return null;
}

/**
 * The column title of a figure: in the nearest line above (same page) that prints only short
 * captions, two or more, the one over the figure.
 */
export function columnTitle(lines: Segmented[], at: number, fig: Segment): Segment | null {
  return titleOver(lines, at, fig)?.seg ?? null;
}

function titleOver(lines: Segmented[], at: number, fig: Segment): { seg: Segment; line: Segmented } | null {
  const line = lines[at]!;
  for (let i = at - 1; i >= Math.max(0, at - LOOK_UP); i--) {
    const up = lines[i]!;
    if (up.page !== line.page) return null;
    if (figuresOf(up).length > 0) continue;
    const labels = up.segs.filter(isLabel);
    // A scan's specks and rules (`_`, `~`, `—`) on a header line are no caption, and do not unmake it.
    if (labels.length < 2 || labels.length !== up.segs.filter((s) => !speck(s)).length) continue;
    if (labels.some((s) => s.text.trim().split(/\s+/).length > 5)) continue;
    const over = labels.find((s) => overlapsX(s, fig));
    if (over) return { seg: over, line: up };
  }
  return null;
}

/**
 * What a figure's column holds, by the meaning of its title rather than its wording: the current
 * value, the prior day's, the change, a period's figure, a currency… (`Current` and `Today's value`
 * are both the current column). Read as the extractor reads column headers, the whole header line
 * at once; a title that says none of these is `other`. Null when the figure has no column title.
 */
export function columnRole(lines: Segmented[], at: number, fig: Segment): { title: Segment; role: ColumnKind } | null {
  const t = titleOver(lines, at, fig);
  if (!t) return null;
  const col = readColumnHeader(t.line)?.columns.find((c) => overlapsX(c, t.seg));
  return { title: t.seg, role: col?.kind ?? classifyHeader(t.seg.text).kind };
}

/** The role a rule's column was taught with (rules stored before roles were kept: read off the title). */
export const roleOfTitle = (title: string): ColumnKind => classifyHeader(title).kind;

/** True when the line prints the account number in a cell left of the figure. */
export function accountLeftOf(line: Segmented, fig: Segment, account: string | null): boolean {
  if (!account) return false;
  const want = normalizeAccount(account);
  return line.cells.some((c) => c.x1 <= fig.x0 + 1 && normalizeAccount(c.text).includes(want));
}

/** True when a printed label is the rule's label. */
export const sameLabel = (printed: string, taught: string) => similarPhrases(phraseKey(printed), phraseKey(taught));

/** Most pieces a scan may cut one label into (`Maintenance  Requirement` read as two words apart). */
const MAX_PIECES = 3;

/**
 * The printings of a label on a line: a text segment that is the label, or a run of adjacent text
 * segments that together are (a scan cut the label into pieces); each with its last piece, which is
 * the one left of its figure.
 */
export function labelsOn(line: Segmented, label: string): { seg: Segment; text: string }[] {
  const out: { seg: Segment; text: string }[] = [];
  line.segs.forEach((seg, i) => {
    if (seg.kind !== 'text') return;
    let text = '';
    for (let k = i; k >= Math.max(0, i - MAX_PIECES + 1); k--) {
      const piece = line.segs[k]!;
      if (piece.kind !== 'text') break;
      text = k === i ? piece.text : `${piece.text} ${text}`;
      if (sameLabel(text, label)) {
        out.push({ seg, text });
        break;
      }
    }
  });
  return out;
}
