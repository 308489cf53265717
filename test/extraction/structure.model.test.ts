import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readColumnHeaders } from '../../src/extraction/structure/column.header.ts';
import { readFieldTables } from '../../src/extraction/structure/field.table.ts';
import { readLabelCells } from '../../src/extraction/structure/label.cells.ts';
import { phrase, right } from './support/words.builder.ts';

// The parts of the structure model that field reading applies its one rule over: column titles
// governing the rows below them, fields-as-columns tables, and label cells (wrapped labels joined,
// figures printed before their labels).

function lines(...pages: PageWord[][]): Segmented[] {
  const out: Segmented[] = [];
  pages.forEach((words, page) => {
    for (const l of buildLines(words, page, out.length))
      out.push(segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));
  });
  return out;
}
const at = (ls: Segmented[], text: string) => ls.findIndex((l) => l.text.includes(text));
const none = () => false;

describe('readColumnHeaders', () => {
  it('a title line governs the rows of its table, and a page break ends it', () => {
    const ls = lines(
      [
        ...phrase('Current', 200, 100),
        ...phrase('Prior Day', 300, 100),
        ...phrase('Net Liquidation Value', 40, 115),
        ...right('12,500.00', 250, 115),
        ...right('11,900.00', 350, 115),
      ],
      [...phrase('Net Liquidation Value', 40, 100), ...right('12,500.00', 250, 100)],
    );
    const headers = readColumnHeaders(ls, none, (k) => ls[k]!);
    const title = at(ls, 'Current');
    expect(headers.titles.has(title)).toBe(true);
    const row = ls.findIndex((l) => l.text.includes('Net Liquidation') && l.page === 0);
    expect(headers.governing.get(row)?.columns.map((c) => c.kind)).toEqual(['current', 'prior']);
    const next = ls.findIndex((l) => l.page === 1);
    expect(headers.governing.has(next)).toBe(false);
  });

  it('reads an unlabelled row under titles that are fields, each figure under its title', () => {
    const ls = lines([
      ...phrase('Stock', 40, 100),
      ...phrase('Current Long', 200, 100),
      ...phrase('Current Short', 320, 100),
      ...right('48,000.00', 260, 115),
      ...right('(3,000.00)', 385, 115),
    ]);
    const headers = readColumnHeaders(ls, none, (k) => ls[k]!);
    const cands = [...headers.byLine.values()].flat();
    expect(cands.map((c) => [c.target, c.value])).toEqual([
      ['long_market_value', 48000],
      ['short_market_value', -3000],
    ]);
  });
});

describe('readFieldTables', () => {
  it('gives each row its account and never reads a total row with an account column as an account', () => {
    const ls = lines([
      ...phrase('Account', 40, 100),
      ...phrase('Net Liquidation', 160, 100),
      ...phrase('Maintenance Requirement', 280, 100),
      ...phrase('U1234567', 40, 115),
      ...right('10,000.00', 230, 115),
      ...right('4,000.00', 380, 115),
      ...phrase('Total', 40, 130),
      ...right('10,000.00', 230, 130),
      ...right('4,000.00', 380, 130),
    ]);
    const tables = readFieldTables(ls, none, (k) => ls[k]!, none);
    expect(tables.titles.has(at(ls, 'Account'))).toBe(true);
    const row = tables.rows.get(at(ls, 'U1234567'))!;
    expect(row.map((c) => [c.target, c.value, c.account])).toEqual([
      ['total_equity', 10000, 'U1234567'],
      ['maintenance_requirement', 4000, 'U1234567'],
    ]);
    expect(tables.rows.get(at(ls, 'Total'))).toEqual([]);
  });

  it('ends at column titles it is told end it', () => {
    const ls = lines([
      ...phrase('Net Liquidation', 160, 100),
      ...phrase('Maintenance Requirement', 280, 100),
      ...right('10,000.00', 230, 115),
    ]);
    const title = at(ls, 'Net Liquidation');
    expect(
      readFieldTables(
        ls,
        none,
        (k) => ls[k]!,
        (k) => k === title,
      ).rows.size,
    ).toBe(0);
  });
});

describe('readLabelCells', () => {
  it('joins a label wrapped over two lines into one cell', () => {
    const ls = lines([
      ...phrase('Maintenance Margin', 40, 100),
      ...phrase('Requirement', 40, 111),
      ...right('259,294.45', 300, 111),
    ]);
    const cells = readLabelCells(ls);
    const k = at(ls, '259,294.45');
    expect(cells.lines[k]!.segs[0]!.text).toBe('Maintenance Margin Requirement');
    expect(ls[k]!.segs[0]!.text).toBe('Requirement');
  });

  it('reads a two-line label around the figure printed between its lines, in a second panel', () => {
    const ls = lines([
      ...phrase('Margin', 300, 94),
      ...phrase('Net Equity', 40, 100),
      ...right('1,193,483.55', 250, 100),
      ...right('155,163.55', 500, 100),
      ...phrase('Surplus/(Shortfall)', 300, 106),
    ]);
    const k = at(ls, '155,163.55');
    expect(ls[k]!.text).toContain('Net Equity');
    const segs = readLabelCells(ls).lines[k]!.segs.map((s) => s.text);
    expect(segs).toEqual(['Net Equity', '1,193,483.55', 'Margin Surplus/(Shortfall)', '155,163.55']);
  });

  it('lets a label govern the figure printed just before it', () => {
    const ls = lines([...phrase('$107,492.57', 40, 100), ...phrase('Total Equity', 110, 100)]);
    const cands = [...readLabelCells(ls).before.values()].flat();
    expect(cands.map((c) => [c.target, c.value])).toEqual([['total_equity', 107492.57]]);
  });
});
