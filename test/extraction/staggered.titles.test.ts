import { describe, expect, it } from 'vitest';
import { belowValue } from '../../src/extraction/fields/below.values.ts';
import { labelHits } from '../../src/extraction/fields/candidates.ts';
import { extractAccounts } from '../../src/extraction/fields/fields.extractor.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { phrase, right } from './support/words.builder.ts';

// Column titles of one header row printed on staggered lines: the titles wrapped over two lines, and
// a one-line title centred beside them on a line of its own between their halves.

function lines(words: PageWord[]): Segmented[] {
  return buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));
}

describe('staggered column titles over a per-currency ledger', () => {
  const ls = lines([
    ...phrase('Long market', 150, 100),
    ...phrase('Short market', 260, 100),
    ...phrase('Currency', 30, 106),
    ...phrase('Cash balance', 80, 106),
    ...phrase('value', 160, 112),
    ...phrase('value', 270, 112),
    ...phrase('CHF', 30, 126),
    ...right('415,400.00', 140, 126),
    ...right('9,840,000.00', 230, 126),
    ...right('0.00', 330, 126),
    ...phrase('EUR', 30, 138),
    ...right('1,200.00', 140, 138),
    ...right('14,000.00', 230, 138),
    ...right('-2,000.00', 330, 138),
    ...phrase('Total', 30, 150),
    ...right('559,520.00', 140, 156),
    ...right('18,603,800.00', 230, 156),
    ...right('-2,237,800.00', 330, 156),
    ...phrase('CHF', 30, 162),
  ]);

  it('reads each title’s figure in the ledger’s total row', () => {
    const [a] = extractAccounts(ls);
    const got = Object.fromEntries(Object.entries(a!.fields).map(([f, r]) => [f, r.value]));
    expect(got).toMatchObject({ cash_balance: 559520, long_market_value: 18603800, short_market_value: -2237800 });
  });
});

describe('a label on a line of its own over rows wrapped round their figures', () => {
  it('takes no figure from the second line down, however its rows interleave', () => {
    // `(short)` ends a position's name; the next position's name wraps round its figures (`JAN-` / `27`).
    const ls = lines([
      ...phrase('(short)', 40, 100),
      ...phrase('Salmon future JAN-', 40, 118),
      ...right('12', 230, 123),
      ...right('98.40', 300, 123),
      ...phrase('27', 40, 129),
    ]);
    const hit = labelHits(ls[0]!).find((h) => h.match.target === 'short_market_value')!;
    expect(belowValue(ls, 0, hit, new Set())).toBeNull();
  });
});
