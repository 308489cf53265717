/**
 * Which label cell of a line governs a figure printed under that line: the label over it, or, where
 * no label stands over the figure (values right-aligned in wide columns, labels at the left edge),
 * the label whose column band holds it: from its left edge to the next label's left edge. Geometry
 * alone decides; the label's words are never consulted.
 */
export interface Span {
  x0: number;
  x1: number;
}

/** Horizontal slack when a figure and a label overlap (a figure starting a little left of its label). */
const SLACK = 10;

const overlaps = (a: Span, b: Span, slack: number) => Math.min(a.x1, b.x1 + slack) - Math.max(a.x0, b.x0 - slack) > 0;

/** The label (of `labels`, one line's cells) that governs `figure` printed under them, if any. */
export function governingLabel<T extends Span>(labels: readonly T[], figure: Span): T | null {
  const over = labels.filter((l) => overlaps(figure, l, SLACK));
  if (over.length === 1) return over[0]!;
  if (over.length > 1)
    return over.sort((a, b) => Math.abs(a.x0 - figure.x0) - Math.abs(b.x0 - figure.x0) || a.x0 - b.x0)[0]!;
  const sorted = [...labels].sort((a, b) => a.x0 - b.x0);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const l = sorted[i]!;
    if (l.x0 > figure.x0 + 2) continue;
    const next = sorted[i + 1];
    // The figure must end before the next label's band begins.
    return !next || figure.x1 <= next.x0 + 2 ? l : null;
  }
  return null;
}
