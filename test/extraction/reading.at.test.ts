import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { type ReadingContext, readingAt, readingsAt } from '../../src/extraction/fields/reading.at.ts';
import type { OpenFigure } from '../../src/extraction/solver/open.figures.ts';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const candidate = (line: number, value: number): Candidate => ({
  target: 'total_equity',
  value,
  score: 0.9,
  ocr: 1,
  weight: 1,
  page: 0,
  line,
  source: 'row',
  label: 'Net Liquidation Value',
});
const figure = (line: number, value: number): OpenFigure => ({
  value,
  label: 'Cash Held',
  page: 0,
  line,
  box,
  text: String(value),
  ocr: 1,
});
// An older message from line 20 on; a unit of thousands stated on line 2 of the first page's head.
const at: ReadingContext = {
  quoted: 20,
  scales: [{ factor: 1e3, page: 0, line: 2, text: "in USD '000", document: true }],
  movements: new Set(),
  lines: [],
  asOf: null,
};

describe('every reading taken the way the document means it', () => {
  it('scales a figure of the new message and keeps its rank', () => {
    expect(readingAt(candidate(5, 12.5), at)).toMatchObject({ value: 12_500, score: 0.9, weight: 1 });
    expect(readingAt(figure(5, 12.5), at)).toMatchObject({ value: 12_500 });
  });

  it('ranks a labelled reading of the quoted message lower, still scaled, with the reason', () => {
    const r = readingAt(candidate(25, 3), at)!;
    expect(r.value).toBe(3_000);
    expect(r.score).toBeLessThan(0.9);
    expect(r.demoted).toMatch(/older message/);
  });

  it('takes no open figure from the quoted message', () => {
    expect(readingAt(figure(25, 3), at)).toBeNull();
    expect(readingsAt([figure(5, 1), figure(25, 2)], at).map((f) => f.value)).toEqual([1_000]);
  });

  it('leaves a reading alone where the document states neither', () => {
    const c = candidate(25, 7);
    expect(readingAt(c, { quoted: null, scales: [], movements: new Set(), lines: [], asOf: null })).toBe(c);
  });
});
