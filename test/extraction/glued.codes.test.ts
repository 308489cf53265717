import { describe, expect, it } from 'vitest';
import { ungluedCodes } from '../../src/extraction/layout/glued.codes.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';

const read = (text: string) =>
  ungluedCodes(text, findAmounts(text, 'dot')).map((a) => ({
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
