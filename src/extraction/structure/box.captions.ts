import type { LabelHit } from '../fields/candidates.ts';
import type { Segment, Segmented } from '../layout/segments.ts';

/**
 * Numbered form boxes: a caption printed in the top of a ruled box, the box's number at the box's right
 * edge on the caption's line (`NAKİT BAKİYE   7`), sometimes with a formula of other boxes' numbers
 * (`EQUITY (7 + 8 + 9)   10`), and the value below the caption inside the same box, right-aligned at
 * that edge. The numbers on the caption's line are no figures of the label: its value is the one below.
 * Geometry and the shape of the numbers decide; the caption's words are never consulted.
 */

/** A box number or a reference to one: up to three bare digits, no group or decimal mark, in or out of a bracket. */
const BOX_NUMBER = /^[(\s]*\d{1,3}[)\s]*[-+−=×x]?[)\s]*$/;
/** What joins box numbers in a formula: operators and brackets. */
const OPERATOR = /^[\s()+\-−=×x]+$/;

/** A cell under the caption that may be the box's value: a money-shaped figure, a date, words (a code, `None`). */
const isValueCell = (s: Segment) => (s.kind !== 'amount' || s.amount!.quality >= 0.85) && !BOX_NUMBER.test(s.text);

/**
 * The box a caption (`hit`, a label of line `at`) heads, as the span from the caption's left edge to the
 * box number's right edge, when every cell after the caption up to the next label is a box number or a
 * formula of them, and the line right below prints a value that ends at the box number's right edge.
 */
export function captionBox(
  lines: readonly Segmented[],
  at: number,
  hit: LabelHit,
  hits: readonly LabelHit[],
): { x0: number; x1: number } | null {
  const line = lines[at]!;
  const next = hits.find((h) => h.index > hit.index);
  const after = line.segs.slice(hit.index + 1, next ? next.index : line.segs.length);
  // The box ends where another caption (words, whether a label or not) begins.
  const end = after.findIndex((s) => s.kind !== 'amount' && !OPERATOR.test(s.text));
  const cells = end < 0 ? after : after.slice(0, end);
  const numbers = cells.filter((s) => s.kind === 'amount');
  if (numbers.length === 0 || hit.prose) return null;
  if (!numbers.every((s) => BOX_NUMBER.test(s.text))) return null;
  const corner = numbers[numbers.length - 1]!;
  const below = lines[at + 1];
  if (!below || below.page !== line.page || below.top - line.bottom > line.height * 3.5) return null;
  const slack = Math.max(3, line.height * 0.6);
  const value = below.segs.find((s) => Math.abs(s.x1 - corner.x1) <= slack && s.x0 >= hit.seg.x0 - slack);
  if (!value || !isValueCell(value)) return null;
  return { x0: hit.seg.x0, x1: corner.x1 };
}
