import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { mendLostGroupMarks, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';

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
