import type { NumberLocale } from '../parse/value.parser.ts';
import type { Cell } from './lines.builder.ts';

/** Widest gap between two digit groups of one figure (share of the line height): a word space, not a column. */
const GROUP_GAP = 0.6;

/**
 * A scan's thin-space group mark is often too thin for OCR to keep: `3 412 880,50` comes out as
 * `3412 880,50`, and the amount reader then stops at the first space and reads two parts. Where
 * a figure with decimals has a lead run of four to six digits (no group of a spaced figure is that
 * long: at least one space before it was lost) followed by groups of exactly three, each a word
 * space from the last (not a column apart), the digits are one figure. The spaces move in front,
 * so positions hold; `at` lists the mended figures, which stay a guess until a cross-check agrees.
 */
export function mendLostSpaceGroups(cell: Cell, text: string, locale: NumberLocale): { text: string; at: number[] } {
  const decimal = locale === 'comma' ? ',' : '.';
  const re = new RegExp(`(?<![\\d.,'’])(\\d{4,6})((?: \\d{3})+)(\\${decimal}\\d{2})(?![\\d.,'’])`, 'g');
  const limit = GROUP_GAP * (cell.y1 - cell.y0);
  const at: number[] = [];
  const out = text.replace(re, (m, lead: string, groups: string, cents: string, offset: number) => {
    const spans = cell.spans.filter((w) => w.end > offset && w.start < offset + m.length);
    if (spans.some((w, i) => i > 0 && w.x0 - spans[i - 1]!.x1 > limit + 1e-6)) return m;
    const digits = `${lead}${groups.replace(/ /g, '')}`;
    const pad = ' '.repeat(m.length - digits.length - cents.length);
    at.push(offset + pad.length);
    return `${pad}${digits}${cents}`;
  });
  return { text: out, at };
}
