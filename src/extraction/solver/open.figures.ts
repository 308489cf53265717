import type { Segment, Segmented } from '../layout/segments.ts';
import { contextOf } from '../vocabulary/fields.context.ts';

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
}

const MAX_LABEL_WORDS = 7;

const labelLike = (s: Segment | undefined): s is Segment =>
  !!s && s.kind === 'text' && /\p{L}{2}/u.test(s.text) && s.text.trim().split(/\s+/).length <= MAX_LABEL_WORDS;

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

export function openFigures(lines: Segmented[]): OpenFigure[] {
  const out: OpenFigure[] = [];
  const add = (label: Segment, seg: Segment, line: Segmented) => {
    const ctx = contextOf(label.text);
    if (ctx === 'distractor' || ctx === 'total' || ctx === 'combined') return;
    if (!seg.amount || seg.amount.quality < 0.8) return;
    out.push({
      value: seg.amount.value,
      label: label.text.trim(),
      page: line.page,
      line: line.index,
      box: { x0: seg.x0, y0: line.top, x1: seg.x1, y1: line.bottom },
      text: seg.text,
      ocr: Math.min(seg.conf, label.conf),
    });
  };
  lines.forEach((line, at) => {
    line.segs.forEach((seg, i) => {
      if (seg.kind !== 'amount') return;
      const before = line.segs[i - 1];
      if (before && before.kind === 'text') {
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
  }
  return null;
}
