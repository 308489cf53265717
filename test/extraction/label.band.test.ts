import { describe, expect, it } from 'vitest';
import { governingLabel } from '../../src/extraction/structure/label.band.ts';

const span = (x0: number, x1: number) => ({ x0, x1 });

describe('governingLabel', () => {
  const labels = [span(40, 110), span(217, 288), span(395, 476)];

  it('takes the label over the figure', () => {
    expect(governingLabel(labels, span(45, 90))).toBe(labels[0]);
    expect(governingLabel(labels, span(400, 470))).toBe(labels[2]);
  });

  it('takes the label whose column band holds a figure right-aligned far from its words', () => {
    // Labels at the left edge of 177-pt columns, figures right-aligned at the column's right edge.
    expect(governingLabel(labels, span(186, 203))).toBe(labels[0]);
    expect(governingLabel(labels, span(343, 381))).toBe(labels[1]);
    expect(governingLabel(labels, span(500, 558))).toBe(labels[2]);
  });

  it('prefers the label a figure reaches over the band it starts in, and gives a figure left of every label to none', () => {
    expect(governingLabel(labels, span(150, 260))).toBe(labels[1]);
    expect(governingLabel(labels, span(0, 20))).toBeNull();
  });
});
