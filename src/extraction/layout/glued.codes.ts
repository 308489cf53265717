import type { AmountMatch } from '../parse/value.parser.ts';

/**
 * Right-aligned columns whose figures lead with their currency code (`USD 46'502'125.19`) can run
 * into each other: `USD 46'502'125.19USD 39'489'696.75USD 38'056'733.54`, with no gap between a
 * figure and the next column's code. The amount reader then takes each glued code as the suffix of
 * the figure before it, and its text and box reach into the next column. Where a cell writes its
 * codes before its figures (its first figure leads with one), a code glued to a figure's end and
 * followed, after a space, by another figure is that figure's code: it leaves the figure before.
 * Where codes follow their figures (`46,502.19USD 39,489.75USD`) nothing moves.
 */

/** A code run onto the last digit (or closing parenthesis) of a figure. */
const GLUED_CODE = /(?<=[\d)])[A-Z]{3,4}$/;
/** A code after a figure and one space: where codes lead their figures, the next figure's when one follows. */
const SPACED_CODE = /(?<=[\d)]) [A-Z]{3,4}$/;
/** A code written before the figure, with or without a space. */
const LEADING_CODE = /^[-−(]?([A-Z]{3,4})\s?[-−(]?\d/;

/** Only a code (and spaces) between two figures. */
const GAP_CODE = /^\s*([A-Z]{3,4})\s+$/;
/** A minus and a code between two figures, the first run onto the figure before (`…403.93-USD 15,706.95`). */
const GAP_SIGNED_CODE = /^([-−])([A-Z]{3,4})\s?$/;

export function ungluedCodes(text: string, amounts: readonly AmountMatch[], minusLeadsCode = false): AmountMatch[] {
  const first = amounts[0];
  if (!first?.currency || !LEADING_CODE.test(first.raw.trimStart())) return [...amounts];
  const out = amounts.map((a) => ({ ...a }));
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const next = out[k + 1]!;
    const raw = a.raw.trimEnd();
    const code = (GLUED_CODE.exec(raw) ?? SPACED_CODE.exec(raw))?.[0];
    if (!code || a.currency !== code.trim() || !/^\s+$/.test(text.slice(a.index + a.length, next.index))) continue;
    out[k] = { ...a, raw: raw.slice(0, -code.length), length: a.length - (a.raw.length - raw.length + code.length) };
  }
  // Right-aligned columns too narrow for their figures run a figure into the next one's sign and code
  // (`117,592,403.93-USD 15,706,553.95`): where the document prints a negative figure alone as
  // `-USD 2,981,890.11` and never as `USD 2,981,890.11-`, the minus is the next figure's sign.
  for (let k = 1; k < out.length && minusLeadsCode; k++) {
    const prev = out[k - 1]!;
    const a = out[k]!;
    const gap = text.slice(prev.index + prev.length, a.index);
    const signed = GAP_SIGNED_CODE.exec(gap);
    if (!signed || !/[\d)]$/.test(prev.raw) || a.raw.trimStart() !== a.raw || a.value < 0) continue;
    out[k] = {
      ...a,
      index: a.index - gap.length,
      length: a.length + gap.length,
      raw: `${gap}${a.raw}`,
      value: -a.value,
      currency: signed[2]!,
    };
  }
  // Each figure's code is the one written before it: in its own text, or alone between it and the figure before.
  return out.map((a, k) => {
    const own = LEADING_CODE.exec(a.raw.trimStart())?.[1];
    const gap = k > 0 ? GAP_CODE.exec(text.slice(out[k - 1]!.index + out[k - 1]!.length, a.index))?.[1] : undefined;
    const code = own ?? gap;
    if (code === undefined || code === a.currency) return a;
    if (amounts[k]!.currency === undefined || !GLUED_CODE.test(amounts[k]!.raw.trimEnd())) return a;
    return { ...a, currency: code };
  });
}

/**
 * Where a none-word (`NONE`, `Nil`) and the next column's leading currency code print with no gap
 * (`NONEUSD 11 917 897,54`), the length of the none-word: it is a figure of 0 of its own, and the
 * code the next figure's. Null for any other word.
 */
export function gluedNoneLength(
  text: string,
  isNone: (word: string) => boolean,
  isCode: (code: string) => boolean,
): number | null {
  if (!/^\p{L}+$/u.test(text)) return null;
  for (const n of [3, 4]) {
    const cut = text.length - n;
    if (cut > 0 && /^[A-Z]+$/.test(text.slice(cut)) && isCode(text.slice(cut)) && isNone(text.slice(0, cut)))
      return cut;
  }
  return null;
}
