import { describe, expect, it } from 'vitest';
import { belowValue } from '../../src/extraction/fields/below.values.ts';
import { labelHits } from '../../src/extraction/fields/candidates.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { phrase, right } from './support/words.builder.ts';

// Tiles of key figures: a line of labels at the left edges of wide columns, and under it a line of
// figures right-aligned at the columns' right edges, far from the words of their labels.

function lines(words: PageWord[]): Segmented[] {
  return buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));
}

/** What each label of line `at` reads under it, as `[field, value]` (null where it reads nothing). */
function readUnder(ls: Segmented[], at: number) {
  const claimed = new Set<Segmented['segs'][number]>();
  return labelHits(ls[at]!).map((hit) => {
    const c = belowValue(ls, at, hit, claimed);
    return c ? [c.target, c.value] : null;
  });
}

describe('a row of tiles (labels over right-aligned figures)', () => {
  it('reads a word for nothing in a figure’s place as that row’s cell, and as no call under a call label', () => {
    const ls = lines([
      ...phrase('Special Memorandum Account', 40, 100),
      ...phrase('Margin Call', 220, 100),
      ...phrase('Cash Balance', 400, 100),
      ...right('2,250.00', 200, 115),
      ...right('None', 380, 115),
      ...right('1,100.00', 560, 115),
    ]);
    expect(readUnder(ls, 0)).toEqual([
      ['sma', 2250],
      ['margin_call', 0],
      ['cash_balance', 1100],
    ]);
  });

  it('reads the figure in the band of a lone label, the last tile of a row', () => {
    const ls = lines([...phrase('Margin Call', 40, 100), ...right('Nil', 200, 115)]);
    expect(readUnder(ls, 0)).toEqual([['margin_call', 0]]);
    const money = lines([...phrase('Cash Balance', 40, 100), ...right('7,400.00', 200, 115)]);
    expect(readUnder(money, 0)).toEqual([['cash_balance', 7400]]);
  });

  it('gives a lone label no figure left of it, nor one of a line with several figures', () => {
    const left = lines([...phrase('Cash Balance', 240, 100), ...right('7,400.00', 200, 115)]);
    expect(readUnder(left, 0)).toEqual([null]);
    const several = lines([
      ...phrase('Cash Balance', 40, 100),
      ...right('7,400.00', 200, 115),
      ...right('9,100.00', 380, 115),
    ]);
    expect(readUnder(several, 0)).toEqual([null]);
  });
});
