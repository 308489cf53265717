import { describe, expect, it } from 'vitest';
import { debitBefore } from '../../src/extraction/fields/candidates.ts';
import { readingAt } from '../../src/extraction/fields/reading.at.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import { periodStarts } from '../../src/extraction/parse/date.range.ts';
import { unlabelledDate } from '../../src/extraction/parse/date.unlabelled.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { openFigures } from '../../src/extraction/solver/open.figures.ts';
import { ledgerTotal } from '../../src/extraction/structure/currency.ledger.ts';
import { movementLines } from '../../src/extraction/structure/movement.rows.ts';

/** Lines as a fixed-pitch printer places them: a word every run of spaces apart, 4.2 pt per character, 8 pt high. */
function printed(text: string, y: number): PageWord[] {
  const out: PageWord[] = [];
  for (const m of text.matchAll(/\S+/g))
    out.push({ text: m[0], x0: 24 + m.index * 4.2, x1: 24 + (m.index + m[0].length) * 4.2, y0: y, y1: y + 8, conf: 1 });
  return out;
}
const layout = (texts: string[], opts: { locale?: 'dot' | 'comma'; ocr?: boolean } = {}): Segmented[] =>
  buildLines(
    texts.flatMap((t, i) => printed(t, 100 + i * 9)),
    0,
  ).map((l) => segmentLine(l, { locale: opts.locale ?? 'comma', dateOrder: 'dmy', ocr: opts.ocr ?? false }));

describe('a period printed as two dates', () => {
  it('opens with a start that is no as-of date, joined by a dash alone or a range word', () => {
    const [dash] = layout(['Term:   3.10.2026 - 31.10.2026']);
    const starts = periodStarts(dash!.segs);
    expect([...starts].map((s) => s.text)).toEqual(['3.10.2026']);
    const [word] = layout(['Covering 03/10/2026 to 31/10/2026']);
    expect(periodStarts(word!.segs).size).toBe(1);
    const [two] = layout(['Booked 03/10/2026   Settled 05/10/2026']);
    expect(periodStarts(two!.segs).size).toBe(0);
  });

  it('gives its end as the statement date when no label names one, before dated rows below it', () => {
    const lines = layout([
      'Crestline Brokerage                        SHEET 1/2',
      'Term: 3.10.2026 - 31.10.2026   Printed: 2.11.2026 05:40',
      '3.10.2026   Buy Alder Corp        -1 200,00   -8 800,00',
      '4.10.2026   Fee                       -12,00   -8 812,00',
    ]);
    expect(unlabelledDate(lines, { order: 'dmy', confidence: 0.9 })?.value).toBe('2026-10-31');
  });
});

describe('a movements table', () => {
  const lines = layout([
    'Collateral held                                 1 480 000,00',
    '02.10.2026   Transfer in from bank                 75 000,00',
    '09.10.2026   Interest on collateral                   410,25',
    '14.10.2026   Lending fee                             (96,40)',
    'Closing balance 31.10.2026                        1 555 313,85',
  ]);
  it('is a run of dated rows that say what moved and print an amount', () => {
    expect([...movementLines(lines)]).toEqual([lines[1]!.index, lines[2]!.index, lines[3]!.index]);
  });

  it('holds no figure of the report; a balance on a line of its own stays', () => {
    const at = { quoted: null, scales: [], movements: movementLines(lines), lines: [], asOf: null };
    const figure = (line: number) => ({
      value: 75_000,
      label: 'Transfer in from bank',
      page: 0,
      line,
      box: { x0: 0, y0: 0, x1: 1, y1: 1 },
      text: '75 000,00',
      ocr: 1,
    });
    expect(readingAt(figure(lines[1]!.index), at)).toBeNull();
    expect(readingAt(figure(lines[4]!.index), at)).not.toBeNull();
  });

  it('needs two dated rows: one dated line alone is no table', () => {
    expect(movementLines(layout(['02.10.2026   Equity  75 000,00', 'Cash  12,00'])).size).toBe(0);
  });
});

describe('space-grouped figures on a scan whose thin spaces OCR partly lost', () => {
  const amounts = (text: string, ocr: boolean) =>
    layout([text], { ocr })[0]!
      .segs.filter((s) => s.kind === 'amount')
      .map((s) => s.amount!.value);

  it('joins a lead run of four to six digits and groups of three before the decimals into one figure', () => {
    expect(amounts('Collateral value  5208 117,25', true)).toEqual([5_208_117.25]);
    expect(amounts('Collateral value  18 117,25', true)).toEqual([18_117.25]);
  });

  it('reads a spaced whole figure as one before a currency written in letters', () => {
    expect(amounts('Account value  2 450 300 Kč', false)).toEqual([2_450_300]);
  });

  it('leaves a text layer, groups not of three, and figures a column apart as they are', () => {
    expect(amounts('Collateral value  5208 117,25', false)).toEqual([5208, 117.25]);
    expect(amounts('Collateral value  5208 11,25', true)).toEqual([5208, 11.25]);
    expect(amounts('Quantity 5208     117,25', true)).toEqual([5208, 117.25]);
  });
});

describe('a cash balance named as a debt in its clause', () => {
  it('is a debit whatever its printed sign', () => {
    expect(debitBefore('while the margin loan on the account came to')).toBe(true);
    expect(debitBefore('saldo pinjaman marjin tercatat sebesar')).toBe(true);
  });

  it('is not where the debt is an earlier clause or a note in parentheses on the sign', () => {
    expect(debitBefore('once the loan was repaid, the cash in the account was')).toBe(false);
    expect(debitBefore('Cash balance (a debt is shown with a minus)')).toBe(false);
  });
});

describe('a grid whose column titles are dates', () => {
  it('holds the report under the latest date; the earlier column is a comparison', () => {
    const lines = layout([
      'Item                         14-10-2026        30-09-2026',
      'Holdings value             2.410.000,00      2.388.500,00',
      'Surplus over the floor       904.250,10        871.600,00',
    ]);
    expect(openFigures(lines).map((f) => f.value)).toEqual([2_410_000, 904_250.1]);
  });

  it('keeps both columns where the titles are not two dates', () => {
    const lines = layout([
      'Item                         Holder A          Holder B',
      'Holdings value             2.410.000,00      2.388.500,00',
    ]);
    expect(openFigures(lines).map((f) => f.value)).toEqual([2_410_000, 2_388_500]);
  });
});

describe('a per-currency sub-ledger with a total row in the base currency', () => {
  const figureOf = (lines: Segmented[], i: number) => lines[i]!.segs.find((s) => s.kind === 'amount')!;
  const totalOf = (t: ReturnType<typeof ledgerTotal>) => (t && t !== 'unread' ? t.seg.amount?.value : t);

  it('gives the total row for a figure of its first currency row, the total word wrapped above it', () => {
    const lines = layout([
      'SEK      12 400,00      88 000,00',
      'GBP       1 050,00       6 300,00',
      'Total',
      '         26 150,00     170 540,00',
      'SEK',
    ]);
    expect(totalOf(ledgerTotal(lines, 0, figureOf(lines, 0)))).toBe(26_150);
  });

  it('gives the total row headed by its total word', () => {
    const lines = layout(['SEK      12 400,00', 'GBP       1 050,00', 'Total    26 150,00']);
    expect(totalOf(ledgerTotal(lines, 0, figureOf(lines, 0)))).toBe(26_150);
  });

  it('says the total is unread where the total row prints no figure in the figure’s column', () => {
    const lines = layout([
      'SEK      12 400,00      88 000,00',
      'GBP       1 050,00       6 300,00',
      'Total    2amia2     170 540,00',
    ]);
    expect(ledgerTotal(lines, 0, figureOf(lines, 0))).toBe('unread');
  });

  it('gives nothing for a row naming no currency, or a ledger no total closes', () => {
    const rows = layout(['Stock A      12 400,00', 'Stock B       1 050,00', 'Total        13 450,00']);
    expect(ledgerTotal(rows, 0, figureOf(rows, 0))).toBeNull();
    const open = layout(['SEK      12 400,00', 'GBP       1 050,00', 'Notes on the rates used']);
    expect(ledgerTotal(open, 0, figureOf(open, 0))).toBeNull();
  });
});
