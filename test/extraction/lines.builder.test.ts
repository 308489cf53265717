import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { levelWords } from '../../src/extraction/ocr/deskew.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';

const w = (text: string, x0: number, y0: number, width = text.length * 5, conf = 1): PageWord => ({
  text,
  x0,
  x1: x0 + width,
  y0,
  y1: y0 + 10,
  conf,
});

describe('buildLines', () => {
  it('splits labels printed across with no column gap where each starts between two figures below it', () => {
    // Three labels a word space apart over three figures, drawn word by word: only the figures say where each ends.
    const labels = ['Zorp Level Worth', 'Quux Floor', 'Blim Margin'];
    const starts = [40, 120, 175];
    const words: PageWord[] = [];
    labels.forEach((label, j) => {
      let x = starts[j]!;
      for (const t of label.split(' ')) {
        words.push(w(t, x, 100, t.length * 5));
        x += t.length * 5 + 3;
      }
    });
    words.push(w('1,000.00', 60, 115), w('400.00', 130, 115), w('600.00', 200, 115));
    const lines = buildLines(words, 0);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(labels);
    // Without a row of figures under them, the words stay one cell.
    expect(buildLines(words.slice(0, 7), 0)[0]!.cells.map((c) => c.text)).toEqual([labels.join(' ')]);
    // A word that starts over a figure, not between two, is no place to cut.
    const over = buildLines([...words.slice(0, 7), w('1,000.00', 60, 115), w('400.00', 100, 115)], 0);
    expect(over[0]!.cells).toHaveLength(1);
  });

  it('splits column titles run together over the figures of rows that start with their own label', () => {
    // `Day Before Closing Figures` over two figure columns; the row below leads with its label at the left.
    const words: PageWord[] = [];
    let x = 200;
    for (const t of ['Day', 'Before', 'Closing', 'Figures']) {
      words.push(w(t, x, 100, t.length * 5));
      x += t.length * 5 + 3;
    }
    const row = [w('Net', 40, 115, 15), w('Worth', 58, 115, 25), w('9,000.00', 200, 115), w('9,500.00', 262, 115)];
    const lines = buildLines([...words, ...row], 0);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['Day Before', 'Closing Figures']);
    // A row whose words stand among the figures under the titles says nothing of where the titles end.
    const mixed = buildLines([...words, w('9,000.00', 200, 115), w('note', 245, 115, 15), w('9,500.00', 262, 115)], 0);
    expect(mixed[0]!.cells).toHaveLength(1);
  });

  it('joins a label and its right-aligned value on the same baseline into one line of two cells', () => {
    const lines = buildLines([w('1,234.56', 400, 101), w('Net Liquidation Value', 50, 100)], 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['Net Liquidation Value', '1,234.56']);
  });

  it('keeps words of one phrase in one cell and splits at a column gap', () => {
    const lines = buildLines([w('Net', 50, 100, 15), w('Liq', 68, 100, 15), w('100.00', 300, 100)], 0);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['Net Liq', '100.00']);
  });

  it('orders lines top to bottom and keeps the halves of a two-column page as separate cells', () => {
    const lines = buildLines(
      [
        w('Cash', 50, 120),
        w('10.00', 200, 120),
        w('SMA', 320, 120),
        w('5.00', 480, 120),
        w('Equity', 50, 100),
        w('20.00', 200, 100),
      ],
      0,
    );
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['Equity', '20.00'],
      ['Cash', '10.00', 'SMA', '5.00'],
    ]);
  });

  it('does not merge two close lines whose words overlap horizontally', () => {
    const lines = buildLines([w('Top', 50, 100), w('Bottom', 50, 104)], 0);
    expect(lines).toHaveLength(2);
  });

  it('levels a tilted scan so one row is one line again', () => {
    // A 1.5° tilt drops 13 pt across a 500 pt row: without levelling the value lands on another line.
    const slope = Math.tan((1.5 * Math.PI) / 180);
    const tilted = [w('Total Equity', 50, 100), w('9,999.00', 500, 100 + 450 * slope)];
    expect(buildLines(tilted, 0)).toHaveLength(2);
    expect(buildLines(levelWords(tilted, slope, 306, 396), 0)).toHaveLength(1);
  });
});

describe('segmentLine', () => {
  it('separates labels, amounts and dates inside one cell', () => {
    const [line] = buildLines([w('Net Liq: $1,234.56 as of 11/27/2026', 50, 100)], 0);
    const segs = segmentLine(line!, { locale: 'dot', dateOrder: 'mdy', ocr: false }).segs;
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['text', 'Net Liq:'],
      ['amount', '$1,234.56'],
      ['text', 'as of'],
      ['date', '11/27/2026'],
    ]);
  });

  it('splits a label from its value at leader dots', () => {
    const [line] = buildLines([w('Margin Call ............ None', 50, 100)], 0);
    const segs = segmentLine(line!, { locale: 'dot', dateOrder: 'mdy', ocr: false }).segs;
    expect(segs.map((s) => s.text)).toEqual(['Margin Call', 'None']);
  });

  it('puts back a decimal mark OCR dropped from a grouped figure, as a less certain reading', () => {
    const seg = (text: string, ocr: boolean, locale: 'dot' | 'comma' = 'dot') => {
      const [line] = buildLines([w(text, 50, 100, 120, 0.9)], 0);
      return segmentLine(line!, { locale, dateOrder: 'mdy', ocr }).segs.filter((s) => s.kind === 'amount');
    };
    const [a] = seg('281,671 68', true);
    expect(a!.amount!.value).toBe(281671.68);
    expect(a!.amount!.quality).toBeLessThan(1);
    expect(seg('198, 301 69', true).map((s) => s.amount!.value)).toEqual([198301.69]);
    expect(seg('6,512 50DR', true).map((s) => s.amount!.value)).toEqual([-6512.5]);
    expect(seg('1.234.567 89', true, 'comma').map((s) => s.amount!.value)).toEqual([1234567.89]);
    // Not on a text layer, not without a thousands group, not before three digits.
    expect(seg('281,671 68', false).map((s) => s.amount!.value)).toEqual([281671, 68]);
    expect(seg('10 25', true).map((s) => s.amount!.value)).toEqual([10, 25]);
    expect(seg('1,500 250', true).map((s) => s.amount!.value)).toEqual([1500, 250]);
  });

  it('repairs OCR slips inside figures only on OCR pages', () => {
    const [line] = buildLines([w('S122,783.2O', 50, 100, 60, 0.9)], 0);
    const ocr = segmentLine(line!, { locale: 'dot', dateOrder: 'mdy', ocr: true }).segs;
    expect(ocr[0]?.amount?.value).toBe(122783.2);
  });
});
