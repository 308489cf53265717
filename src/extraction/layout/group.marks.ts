import { APOSTROPHE_GROUP_MARKS } from '../vocabulary/number-formats.ts';
import { APOSTROPHE_LOOKALIKES } from '../vocabulary/ocr.glyphs.ts';

const esc = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');
const TICKS = `[${[...APOSTROPHE_GROUP_MARKS, ...APOSTROPHE_LOOKALIKES].map(esc).join('')}]`;
/** A gap between two digit groups: a tick (with a space beside it or not), a lone space or a comma. */
const GAP = `(?: ?${TICKS} ?|[ ,])`;
const FIGURE = new RegExp(
  `(?<![\\d.,\\w${TICKS.slice(1, -1)}])(\\d{1,3}(?:${GAP}\\d{3})+)([.,])(\\d{2})(?![\\d.,]|${TICKS})`,
  'gu',
);
const TICK = new RegExp(TICKS, 'u');
const PLAIN = new Set<string>(APOSTROPHE_GROUP_MARKS);

/**
 * A scan of a figure grouped by apostrophes (`1'962'400.00`) reads its ticks as look-alikes: a quote,
 * a backtick, a space, a comma, or a tick with a space beside it (`1'628"309.90`, `508" 400.00`,
 * `1,962'400.00`, `1'962 400.00`). Where a figure with decimals keeps at least one tick, its first group holds one to
 * three digits and every later group three (and its first gap is no lone space), the groups make it one figure whatever each gap was read
 * as: the gaps become apostrophes. A figure of plain apostrophes only, or of commas or spaces only, is
 * left as it is (the amount reader knows it). The text keeps its length (spaces move in front);
 * `at` lists the mended figures.
 */
export function mendLookalikeGroupMarks(text: string): { text: string; at: number[] } {
  const at: number[] = [];
  const out = text.replace(FIGURE, (m, int: string, decimal: string, cents: string, offset: number) => {
    const gaps = int.split(/\d+/).filter(Boolean);
    if (!gaps.some((g) => TICK.test(g))) return m;
    if (gaps.every((g) => PLAIN.has(g))) return m;
    // `2 962'400.00` may be a count before a figure: a lone space never opens one.
    if (gaps[0] === ' ') return m;
    // The decimal mark printed as a gap too: which is which is not certain.
    if (gaps.some((g) => g.includes(decimal))) return m;
    const closed = `${int.split(/\D+/).join("'")}${decimal}${cents}`;
    const pad = ' '.repeat(m.length - closed.length);
    at.push(offset + pad.length);
    return `${pad}${closed}`;
  });
  return { text: out, at };
}
