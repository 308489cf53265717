import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readLabelCells } from '../../src/extraction/structure/label.cells.ts';
import { phrase } from './support/words.builder.ts';

/** A phrase whose last word ends at x1. */
function right(text: string, x1: number, y: number): PageWord[] {
  const words = phrase(text, 0, y);
  const shift = x1 - words.at(-1)!.x1;
  return words.map((w) => ({ ...w, x0: w.x0 + shift, x1: w.x1 + shift }));
}

/** Rows of a page: a label's two halves right-aligned at x 520, each figure (cells at the left) between them. */
function page(rows: [upper: string, lower: string, figure: string][]): PageWord[] {
  return rows.flatMap(([upper, lower, figure], i) => {
    const y = 100 + 30 * i;
    const cells = figure.split('   ').flatMap((cell, k) => phrase(cell, 60 + 70 * k, y + 6));
    return [...right(upper, 520, y), ...cells, ...right(lower, 520, y + 12)];
  });
}

/** What the label cells read: field and value of each row. */
function read(words: PageWord[]): [string, unknown][] {
  const lines = buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'dmy', ocr: false }));
  return [...readLabelCells(lines).before.values()].flat().map((c) => [c.target, c.value]);
}

describe('a right-to-left page, the label at the right and its figure at the left', () => {
  it('reads each figure under the stacked label beside it', () => {
    expect(
      read(
        page([
          ['الرصيد النقدي', 'Cash balance', '1,204,330.75'],
          ['صافي حقوق الملكية', 'Net equity', '4,661,930.75'],
          ['طلب تغطية الهامش', 'Margin call', 'لا يوجد   None'],
        ]),
      ),
    ).toEqual([
      ['cash_balance', 1204330.75],
      ['total_equity', 4661930.75],
      ['margin_call', 0],
    ]);
  });

  it('reads nothing so on a left-to-right page, where a figure far left of a label is another panel’s', () => {
    expect(read(page([['Balances in', 'Cash balance', '1,204,330.75']]))).toEqual([]);
  });

  it('reads nothing where the halves do not end at one right edge', () => {
    const words = [
      ...right('الرصيد النقدي', 520, 100),
      ...phrase('1,204,330.75', 60, 106),
      ...right('Cash balance', 470, 112),
    ];
    expect(read(words)).toEqual([]);
  });
});
