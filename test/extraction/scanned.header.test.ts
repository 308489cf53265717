import { describe, expect, it } from 'vitest';
import { mendCommaDates } from '../../src/extraction/layout/comma.dates.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readColumnHeader, readColumnHeaders } from '../../src/extraction/structure/column.header.ts';
import { phrase } from './support/words.builder.ts';

/** OCR'd lines from cells placed at x on rows y (each cell a phrase; cells of a row far apart). */
function scanned(rows: [y: number, cells: [string, number][]][]): Segmented[] {
  const words: PageWord[] = rows.flatMap(([y, cells]) =>
    cells.flatMap(([text, x]) => phrase(text, x, y).map((w) => ({ ...w, conf: 0.9 }))),
  );
  return buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'dmy', ocr: true }));
}

describe('a date whose dots a scan read as commas', () => {
  it('is a date again where the digits make one in the document order', () => {
    expect(mendCommaDates('Stichtag 07,12,26', 'dmy')).toBe('Stichtag 07.12.26');
    expect(mendCommaDates('Stichtag 07,12,2026', 'dmy')).toBe('Stichtag 07.12.2026');
  });

  it('leaves figures and digit runs that are no date as they are', () => {
    for (const t of ['1,234,567.00', '12,50,00', '07,12', '3,07,12,26']) expect(mendCommaDates(t, 'dmy')).toBe(t);
  });

  it('lets the date caption title the current column beside the prior one', () => {
    const [line] = scanned([
      [
        100,
        [
          ['ASSETS', 40],
          ['Stichtag 07,12,26', 280],
          ['Vortag 04.12.26', 370],
        ],
      ],
    ]);
    const header = readColumnHeader(line!);
    expect(header?.columns.map((c) => c.kind)).toEqual(['other', 'current', 'prior']);
  });
});

describe('a rule a scan read as stray letters and dashes', () => {
  it('ends no table: the columns over it go on below a section title', () => {
    const lines = scanned([
      [
        100,
        [
          ['ASSETS', 40],
          ['Stichtag 07.12.26', 280],
          ['Vortag 04.12.26', 370],
        ],
      ],
      [
        120,
        [
          ['Net assets', 40],
          ["1'636'369.70", 280],
          ["1'628'309.90", 370],
        ],
      ],
      [150, [['MARGIN CALCULATION', 40]]],
      [
        175,
        [
          ['meemeanmane', 40],
          ['-', 200],
          ['-', 280],
          ['-', 370],
        ],
      ],
      [
        200,
        [
          ['Maintenance margin', 40],
          ["409'600.00", 280],
          ["406'720.00", 370],
        ],
      ],
    ]);
    const { governing } = readColumnHeaders(
      lines,
      () => false,
      (at) => lines[at]!,
    );
    const last = lines.findIndex((l) => l.text.startsWith('Maintenance'));
    expect(governing.get(last)?.columns.map((c) => c.kind)).toEqual(['other', 'current', 'prior']);
  });
});
