import { describe, expect, it } from 'vitest';
import { mendLookalikeGroupMarks } from '../../src/extraction/layout/group.marks.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { phrase } from './support/words.builder.ts';

/** The amounts of one line of OCR'd words (`scanned`) or of a text layer. */
function amounts(text: string, scanned = true): number[] {
  const words = phrase(text, 40, 100).map((w) => ({ ...w, conf: scanned ? 0.9 : 1 }));
  const [line] = buildLines(words, 0);
  return segmentLine(line!, { locale: 'dot', dateOrder: 'dmy', ocr: scanned })
    .segs.filter((s) => s.kind === 'amount')
    .map((s) => s.amount!.value);
}

describe('apostrophe group marks a scan read as look-alikes', () => {
  it.each([
    ['Depot value 1\'628"309.90', 1628309.9],
    ['Depot value 508" 400.00', 508400],
    ["Depot value 1,962'400.00", 1962400],
    ["Depot value 1'962`400.00-", -1962400],
    ["Depot value 1'962 400.00", 1962400],
    ['Depot value 2´417‘300.25', 2417300.25],
  ])('reads "%s" as one figure', (text, value) => {
    expect(amounts(text)).toEqual([value]);
  });

  it('keeps a figure of its own apostrophes, commas or spaces as the amount reader reads it', () => {
    for (const t of ["1'226'769.70", '3,870,500.00', '12 345.00']) expect(mendLookalikeGroupMarks(t).at).toEqual([]);
  });

  it('joins no count to the figure after it across a lone space', () => {
    expect(mendLookalikeGroupMarks("Lots 2 962'400.00").text).toBe("Lots 2 962'400.00");
  });

  it('leaves a figure whose groups are not threes after the first', () => {
    expect(mendLookalikeGroupMarks('45" 12.00').at).toEqual([]);
    expect(mendLookalikeGroupMarks('11962" 400.00').at).toEqual([]);
  });

  it('does not guess which mark is the decimal one where a gap is printed like it', () => {
    expect(mendLookalikeGroupMarks('1,234"567,00').at).toEqual([]);
  });

  it('keeps the text length, so every position on the line still holds', () => {
    const t = 'Depot value 508" 400.00 CHF';
    expect(mendLookalikeGroupMarks(t).text).toHaveLength(t.length);
  });

  it('leaves a text layer alone: it prints what it means', () => {
    expect(amounts('Depot value 1\'628"309.90', false)).not.toEqual([1628309.9]);
  });
});
