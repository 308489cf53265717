import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readColumnHeader } from '../../src/extraction/structure/column.header.ts';
import { countColumns, isBareCount, isHeldCount } from '../../src/extraction/structure/count.columns.ts';
import { readFieldGrids } from '../../src/extraction/structure/field.grid.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase, right } from './support/words.builder.ts';

const run = statementRunner();

const linesOf = (words: PageWord[]) =>
  buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));

/** A futures table by exchange: contracts held long and short, then the margin each exchange asks. */
function positionsByVenue(long: string[], short: string[]): PageWord[] {
  const venues = ['Venue A', 'Venue B', 'All venues total'];
  return [
    ...phrase('Venue', 40, 100),
    ...phrase('Long', 190, 100),
    ...phrase('Short', 250, 100),
    ...phrase('Initial Margin', 320, 100),
    ...phrase('Maintenance Margin', 420, 100),
    ...venues.flatMap((v, i) => [
      ...phrase(v, 40, 116 + 14 * i),
      ...right(long[i]!, 215, 116 + 14 * i),
      ...right(short[i]!, 275, 116 + 14 * i),
      ...right(['41,000.00', '9,500.00', '50,500.00'][i]!, 390, 116 + 14 * i),
      ...right(['37,000.00', '8,000.00', '45,000.00'][i]!, 510, 116 + 14 * i),
    ]),
  ];
}

describe('a column of contract counts beside money columns', () => {
  it.each([
    ['7', true],
    ['-25', true],
    ['1200', true],
    ['1,200', false],
    ['12.00', false],
    ['250000', false],
  ])('%s printed alone is a bare count: %s', (text, count) => {
    expect(isBareCount(text)).toBe(count);
  });

  it('marks the long and short columns of a positions table as counts, not the margin columns', () => {
    const lines = linesOf(positionsByVenue(['3', '9', '12'], ['1', '0', '1']));
    const rows = lines.slice(1);
    const counts = countColumns(rows, (s) => Math.round(s.x1 / 100));
    expect([...counts].sort()).toEqual([2, 3]);
  });

  it('reads no long or short market value from them, and the total row still gives the requirements', () => {
    const cands = [
      ...readFieldGrids(linesOf(positionsByVenue(['3', '9', '12'], ['1', '0', '1']))).byLine.values(),
    ].flat();
    expect(cands.filter((c) => c.target === 'long_market_value' || c.target === 'short_market_value')).toEqual([]);
    expect(cands.find((c) => c.target === 'initial_requirement')?.value).toBe(50_500);
    expect(cands.find((c) => c.target === 'maintenance_requirement')?.value).toBe(45_000);
  });

  it('keeps long and short values that print cents as money', () => {
    const cands = [
      ...readFieldGrids(linesOf(positionsByVenue(['3.50', '9.25', '12.75'], ['1.00', '0.00', '1.00']))).byLine.values(),
    ].flat();
    expect(cands.find((c) => c.target === 'long_market_value')?.value).toBe(12.75);
  });

  it('counts nothing in a statement printed in whole units throughout', () => {
    const lines = linesOf([...phrase('Total', 40, 100), ...right('38', 215, 100), ...right('129800', 390, 100)]);
    expect(countColumns(lines, (s) => Math.round(s.x1 / 100)).size).toBe(0);
  });
});

describe('a caption over the row labels of a current / prior table', () => {
  it('titles no column, so the current and prior columns are still told apart', () => {
    const [line] = linesOf([
      ...phrase('Account balances', 40, 100),
      ...phrase('Today', 340, 100),
      ...phrase('Prior day', 420, 100),
    ]);
    const header = readColumnHeader(line!);
    expect(header?.columns.map((c) => c.kind)).toEqual(['other', 'current', 'prior']);
    expect(header?.columns[0]?.field).toBeUndefined();
  });

  it('is not taken for a caption where a later title names a field', () => {
    const [line] = linesOf([
      ...phrase('Account balances', 40, 100),
      ...phrase('Today', 340, 100),
      ...phrase('Excess equity', 420, 100),
    ]);
    expect(readColumnHeader(line!)).toBeNull();
  });
});

describe('contracts held under Long and Short titles, their thousands grouped', () => {
  it('counts a grouped whole number as contracts held, not a bare one elsewhere', () => {
    expect(isHeldCount('1.200')).toBe(true);
    expect(isHeldCount('1 200')).toBe(true);
    expect(isHeldCount('40')).toBe(true);
    expect(isHeldCount('1.200,00')).toBe(false);
    expect(isHeldCount('250.000')).toBe(false);
  });

  it('reads no long or short value from a positions table whose Long and Short columns hold contracts', async () => {
    const [report] = await run([
      [
        ['Account 40117-3', 40, 40],
        ['Trading date 08/03/2027', 40, 54],
        ['Contract', 40, 80],
        ['Long', 250, 80],
        ['Short', 300, 80],
        ['Daily settlement', 380, 80],
        ['Margin', 480, 80],
        ...[
          ['DI1 F29', '0', '1.500', '(41.200,00)', '900.000,00'],
          ['DOL G27', '120', '0', '(12.300,00)', '410.000,00'],
          ['IND J27', '0', '25', '8.100,00', '190.000,00'],
        ].flatMap((r, i): Placed[] => [
          [r[0]!, 40, 94 + 14 * i],
          [r[1]!, 262 - r[1]!.length * 5, 94 + 14 * i],
          [r[2]!, 312 - r[2]!.length * 5, 94 + 14 * i],
          [r[3]!, 450 - r[3]!.length * 5, 94 + 14 * i],
          [r[4]!, 550 - r[4]!.length * 5, 94 + 14 * i],
        ]),
        ['Cash balance', 40, 150],
        ['3.100.000,00', 480, 150],
        ['Account equity', 40, 164],
        ['3.100.000,00', 480, 164],
        ['Margin required', 40, 178],
        ['1.500.000,00', 480, 178],
      ],
    ]);
    expect(report!.fields.long_market_value).toBeUndefined();
    expect(report!.fields.short_market_value).toBeUndefined();
  });
});
