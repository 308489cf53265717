import { describe, expect, it } from 'vitest';
import { ungluedCodes } from '../../src/extraction/layout/glued.codes.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';

const read = (text: string, minusLeadsCode = false) =>
  ungluedCodes(text, findAmounts(text, 'dot'), minusLeadsCode).map((a) => ({
    text: text.slice(a.index, a.index + a.length).trim(),
    value: a.value,
    currency: a.currency,
  }));

describe('ungluedCodes: a currency code run into the figure of the column before it', () => {
  it('gives a code glued to a figure’s end to the figure after it where the cell writes codes first', () => {
    expect(read("USD 46'502'125.19USD 39'489'696.75USD 43'634'698.74")).toEqual([
      { text: "USD 46'502'125.19", value: 46_502_125.19, currency: 'USD' },
      { text: "39'489'696.75", value: 39_489_696.75, currency: 'USD' },
      { text: "43'634'698.74", value: 43_634_698.74, currency: undefined },
    ]);
  });

  it('gives a code one space after a figure to the figure after it where the cell writes codes first', () => {
    expect(read('EUR 8,100.25EUR 6,050.10 EUR 2,050.15').map((a) => [a.text, a.value])).toEqual([
      ['EUR 8,100.25', 8100.25],
      ['6,050.10', 6050.1],
      ['2,050.15', 2050.15],
    ]);
  });

  it('gives a minus run onto a figure’s end, before the next code, to the next figure where the document writes minus first', () => {
    // Columns too narrow for their figures: `-EUR 1,200.00` printed right after `4,400.00`.
    const glued = 'EUR 3,200.00 EUR 4,400.00-EUR 1,200.00';
    expect(read(glued, true).map((a) => [a.text, a.value, a.currency])).toEqual([
      ['EUR 3,200.00', 3200, 'EUR'],
      ['EUR 4,400.00', 4400, 'EUR'],
      ['-EUR 1,200.00', -1200, 'EUR'],
    ]);
    // A document that writes its minus after figures (`EUR 4,400.00-`) keeps the next figure positive.
    expect(read(glued, false).map((a) => a.value)).not.toContain(-1200);
    // Where codes follow their figures, nothing moves.
    expect(read('4,400.00-EUR 1,200.00', true).map((a) => a.value)).not.toContain(-1200);
  });

  it('leaves codes written after their figures, and a last figure’s code, where they are', () => {
    expect(read('46,502.19USD 39,489.75USD').map((a) => a.text)).toEqual(['46,502.19USD', '39,489.75USD']);
    expect(read('46,502.19 USD 39,489.75 USD').map((a) => a.text)).toEqual(['46,502.19 USD', '39,489.75 USD']);
    expect(read('USD 5.00 12.00USD').map((a) => a.text)).toEqual(['USD 5.00', '12.00USD']);
  });

  it('keeps a figure’s box off the next column when cells are built from words', () => {
    // Three right-aligned columns, each figure led by its code, run together by the layout.
    const glyphs = (text: string, x: number): PageWord => ({
      text,
      x0: x,
      x1: x + text.length * 5,
      y0: 100,
      y1: 110,
      conf: 1,
    });
    const line = buildLines(
      [
        glyphs('Equity', 20),
        glyphs('USD', 120),
        glyphs("46'502'125.19USD", 140),
        glyphs("39'489'696.75USD", 225),
        glyphs("43'634'698.74", 310),
      ],
      0,
    )[0]!;
    const amounts = segmentLine(line, { locale: 'dot', dateOrder: 'mdy', ocr: false }).segs.filter(
      (s) => s.kind === 'amount',
    );
    expect(amounts.map((s) => s.text)).toEqual(["USD 46'502'125.19", "39'489'696.75", "43'634'698.74"]);
    // The middle figure's box ends where its digits end, before the next column's code.
    expect(amounts[1]!.x1).toBeCloseTo(225 + 13 * 5, 0);
  });
});
