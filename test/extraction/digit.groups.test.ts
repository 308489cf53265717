import { describe, expect, it } from 'vitest';
import {
  mendLookalikeGroupMarks,
  mendLostGroupMarks,
  mendLostSpaceGroups,
} from '../../src/extraction/layout/digit.groups.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { phrase } from './support/words.builder.ts';

/** Words at given left edges on one line, about 5 pt per character, 10 pt high. */
const words = (parts: [string, number][]): PageWord[] =>
  parts.map(([text, x]) => ({ text, x0: x, x1: x + text.length * 5, y0: 100, y1: 110, conf: 1 }));
const segs = (parts: [string, number][], locale: 'dot' | 'comma' = 'comma', spaceGroups?: boolean) =>
  buildLines(words(parts), 0).flatMap((l) =>
    segmentLine(l, {
      locale,
      dateOrder: 'dmy',
      ocr: false,
      ...(spaceGroups === undefined ? {} : { spaceGroups }),
    }).segs.map((s) => [s.kind, s.amount?.value ?? s.text]),
  );

describe('figures grouped by spaces without decimals', () => {
  it('reads 1 234 567 as one figure when its groups sit a word space apart, after a label or a currency', () => {
    expect(
      segs([
        ['Net', 40],
        ['Equity', 60],
        ['1', 300],
        ['234', 308],
        ['567', 326],
      ]),
    ).toEqual([
      ['text', 'Net Equity'],
      ['amount', 1234567],
    ]);
    expect(
      segs(
        [
          ['EUR', 280],
          ['12', 300],
          ['345', 313],
          ['678', 331],
        ],
        'dot',
      ),
    ).toEqual([['amount', 12345678]]);
  });

  it('keeps figures of separate columns apart, and never closes up a figure that more digits follow', () => {
    // A column gap between the groups: three figures.
    expect(
      segs([
        ['1', 300],
        ['234', 340],
        ['567', 380],
      ]).map((s) => s[1]),
    ).toEqual([1, 234, 567]);
    // `555 123 4567` is not a grouped figure.
    expect(
      segs([
        ['Tel', 40],
        ['555', 300],
        ['123', 318],
        ['4567', 336],
      ]).some((s) => s[1] === 555123),
    ).toBe(false);
  });

  it('keeps whole numbers of one cell apart where the document groups its figures by another mark', () => {
    const qty: [string, number][] = [
      ['Qty', 40],
      ['100', 300],
      ['200', 318],
      ['300', 336],
    ];
    expect(
      segs(qty, 'dot', false)
        .filter((s) => s[0] === 'amount')
        .map((s) => s[1]),
    ).toEqual([100, 200, 300]);
    // The same cell in a document that groups by spaces is one figure.
    expect(
      segs(qty, 'dot', true)
        .filter((s) => s[0] === 'amount')
        .map((s) => s[1]),
    ).toEqual([100200300]);
  });

  it('reads a closed-up figure below full certainty: the geometry argues for it, nothing proves it', () => {
    const [l] = buildLines(
      words([
        ['Equity', 60],
        ['1', 300],
        ['234', 308],
        ['567', 326],
      ]),
      0,
    );
    const amount = segmentLine(l!, { locale: 'comma', dateOrder: 'dmy', ocr: false }).segs[1]!.amount!;
    expect(amount.quality).toBeLessThanOrEqual(0.85);
  });
});

describe('group marks a scan lost', () => {
  const read = (parts: [string, number][], locale: 'dot' | 'comma' = 'dot') => {
    const [l] = buildLines(words(parts), 0);
    return segmentLine(l!, { locale, dateOrder: 'dmy', ocr: true })
      .segs.filter((s) => s.kind === 'amount')
      .map((s) => [s.amount!.value, s.amount!.quality <= 0.85]);
  };

  it('reads the digits of a figure whose other group marks and decimals stand, as a guess', () => {
    expect(
      read([
        ['Short', 40],
        ["-8226'616.06", 300],
      ]),
    ).toEqual([[-8226616.06, true]]);
    expect(
      read([
        ['Long', 40],
        ["8'300222.22", 300],
      ]),
    ).toEqual([[8300222.22, true]]);
    expect(
      read([
        ['Cash', 40],
        ["(3286'753.25)", 300],
      ]),
    ).toEqual([[-3286753.25, true]]);
    expect(
      read(
        [
          ['Requirement', 40],
          ['1.083542,50', 300],
        ],
        'comma',
      ),
    ).toEqual([[1083542.5, true]]);
  });

  it('leaves clean figures, Indian grouping, dates and codes as they are', () => {
    expect(read([["3'856'286.95", 300]])).toEqual([[3856286.95, false]]);
    expect(read([['12,34,567.89', 300]])).toEqual([[1234567.89, false]]);
    expect(mendLostGroupMarks('2025.06.19 19.08.2025 MPS 251.5940 1,2345.67').at).toEqual([]);
  });
});

/** The amounts of one line of OCR'd words (`scanned`) or of a text layer. */
function lineAmounts(text: string, scanned = true): number[] {
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
    expect(lineAmounts(text)).toEqual([value]);
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
    expect(lineAmounts('Depot value 1\'628"309.90', false)).not.toEqual([1628309.9]);
  });
});

describe('thin-space groups a scan lost', () => {
  const cellOf = (parts: [string, number][]) => buildLines(words(parts), 0)[0]!.cells.at(-1)!;

  it('reads a lead run of four to six digits and later groups of three a word space apart as one figure', () => {
    const cell = cellOf([
      ['3412', 300],
      ['880,50', 323],
    ]);
    const mended = mendLostSpaceGroups(cell, cell.text, 'comma');
    expect(mended.text.trim()).toBe('3412880,50');
    expect(mended.text).toHaveLength(cell.text.length);
    expect(mended.at).toEqual([1]);
  });

  it('leaves groups a column apart, figures of the other decimal mark and whole spaced groups', () => {
    const apart = cellOf([
      ['3412', 300],
      ['880,50', 328],
    ]);
    expect(apart.text).toBe('3412 880,50');
    expect(mendLostSpaceGroups(apart, apart.text, 'comma').at).toEqual([]);
    const near = cellOf([
      ['3412', 300],
      ['880,50', 323],
    ]);
    expect(mendLostSpaceGroups(near, near.text, 'dot').at).toEqual([]);
    const spaced = cellOf([
      ['3', 300],
      ['412', 308],
      ['880,50', 326],
    ]);
    expect(mendLostSpaceGroups(spaced, spaced.text, 'comma').at).toEqual([]);
  });
});
