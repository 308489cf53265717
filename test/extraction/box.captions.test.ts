import { describe, expect, it } from 'vitest';
import { extractAccounts } from '../../src/extraction/fields/fields.extractor.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { phrase, right } from './support/words.builder.ts';

// Numbered form boxes: a caption in the top of a ruled box with the box's number at its right edge
// (and a formula of other boxes' numbers), the value below the caption, right-aligned at that edge.

function lines(words: PageWord[]): Segmented[] {
  return buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));
}

function values(ls: Segmented[]) {
  const [a] = extractAccounts(ls);
  return Object.fromEntries(Object.entries(a!.fields).map(([f, r]) => [f, r.value]));
}

describe('numbered form boxes', () => {
  const form = [
    ...phrase('CURRENCY', 40, 60),
    ...right('1', 290, 60),
    ...phrase('CHF (Swiss franc)', 40, 72),
    ...phrase('CASH BALANCE', 40, 100),
    ...right('7', 290, 100),
    ...phrase('LONG MARKET VALUE', 310, 100),
    ...right('8', 560, 100),
    ...right('318,420.50', 290, 112),
    ...right('2,946,300.00', 560, 112),
    ...phrase('SHORT MARKET VALUE', 40, 140),
    ...right('9', 290, 140),
    ...phrase('TOTAL EQUITY', 310, 140),
    ...phrase('(7 + 8 + 9)', 380, 140),
    ...right('10', 560, 140),
    ...right('-412,750.00', 290, 152),
    ...right('2,851,970.50', 560, 152),
    ...phrase('MARGIN CALL', 40, 180),
    ...right('11', 290, 180),
    ...right('None', 290, 192),
  ];

  it('reads the figure below the caption in its box, not the box number or the formula beside it', () => {
    expect(values(lines(form))).toMatchObject({
      cash_balance: 318420.5,
      long_market_value: 2946300,
      short_market_value: -412750,
      total_equity: 2851970.5,
      margin_call: 0,
    });
  });

  it('reads a currency code that starts the cell under a currency caption', () => {
    expect(extractAccounts(lines(form))[0]!.currency.value).toBe('CHF');
  });

  it('keeps a small figure right of its label where nothing below ends at its edge', () => {
    const ls = lines([
      ...phrase('Cash Balance', 40, 100),
      ...right('7', 290, 100),
      ...phrase('Long Market Value', 40, 112),
      ...right('2,946,300.00', 400, 112),
    ]);
    expect(values(ls)).toMatchObject({ cash_balance: 7, long_market_value: 2946300 });
  });
});
