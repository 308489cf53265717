import type { OpenFigure } from '../../../src/extraction/solver/open.figures.ts';

/**
 * Open figures for the solver's tests, each on a line of its own numbered from 1 by this builder (one
 * builder per test file, so no file shares a counter with another). `nextLine` numbers a line a test
 * builds itself (a candidate, a grid row) from the same count; `extra` replaces any part of a figure.
 */
export function figureBuilder() {
  let line = 0;
  const nextLine = () => ++line;
  const fig = (label: string, value: number, extra: Partial<OpenFigure> = {}): OpenFigure => ({
    value,
    label,
    page: 0,
    line: nextLine(),
    box: { x0: 0, y0: 0, x1: 10, y1: 10 },
    text: String(value),
    ocr: 1,
    ...extra,
  });
  return { fig, nextLine };
}
