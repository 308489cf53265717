import { describe, expect, it } from 'vitest';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { unglue, wholeAccount } from '../../src/extraction/structure/account.cells.ts';
import { readAccountTables } from '../../src/extraction/structure/account.table.ts';
import { phrase, right } from './support/words.builder.ts';
import { segmented } from './support/words.reader.ts';

function read(words: PageWord[]) {
  const lines = segmented(words, { shuffle: 11 });
  const tables = readAccountTables(lines);
  return { lines, tables, cands: [...tables.byLine.values()].flat() };
}

const valuesOf = (cands: ReturnType<typeof read>['cands'], account: string, field: string) =>
  cands.filter((c) => c.account === account && c.target === field).map((c) => c.value);

describe('wholeAccount', () => {
  it('reads account-shaped text whole and refuses dates, years, amounts and words', () => {
    expect(wholeAccount('151-608416')?.value).toBe('151-608416');
    expect(wholeAccount('CX798045')?.value).toBe('CX798045');
    expect(wholeAccount('8405 3747 68')?.value).toBe('8405374768');
    for (const t of ['2025', '12/31/2026', '1,234.56', '12.50', '414.68-', 'Total', 'Account U123', 'FY2025'])
      expect(wholeAccount(t), t).toBeNull();
  });
});

describe('readAccountTables: one row per account', () => {
  // Two-line titles over right-aligned columns; rows start with the account; page and report totals follow.
  const table = (titles: [string, string][]) => [
    ...titles.flatMap(([a, b], j) => [...right(a, 250 + j * 100, 100), ...right(b, 250 + j * 100, 111)]),
    ...phrase('Account', 30, 111),
    ...phrase('151-608416', 30, 128),
    ...right('9,385,176.10', 250, 128),
    ...right('7,413,372.70', 350, 128),
    ...right('1,971,803.40', 450, 128),
    ...phrase('CX798045', 30, 143),
    ...right('321,135.02', 250, 143),
    ...right('162,972.16', 350, 143),
    ...right('158,162.86', 450, 143),
    ...phrase('PAGE TOTAL', 30, 160),
    ...right('9,706,311.12', 250, 160),
    ...right('7,576,344.86', 350, 160),
    ...right('2,129,966.26', 450, 160),
  ];

  it('reads a scanned row whose account the scan read after a lone bracket (a speck), not a printed one', () => {
    const titles: [string, string][] = [
      ['Net', 'Liquidation Value'],
      ['Maintenance', 'Requirement'],
      ['Excess', 'Liquidity'],
    ];
    const scan = (w: PageWord) => ({ ...w, conf: 0.9 });
    const speck = table(titles).map((w) => (w.text === 'CX798045' ? { ...w, text: '(CX798045', conf: 0.4 } : w));
    const { tables, cands } = read(speck.map(scan));
    expect(tables.accounts.map((a) => a.value)).toEqual(['151-608416', 'CX798045']);
    expect(valuesOf(cands, 'CX798045', 'maintenance_requirement')).toEqual([162972.16]);
    const printed = read(speck.map((w) => (w.text === '(CX798045' ? { ...w, conf: 1 } : w)));
    expect(printed.tables.accounts.map((a) => a.value)).not.toContain('CX798045');
  });

  it('gives each row to its account, reads each figure by its column title, and takes no total as an account', () => {
    const { tables, cands } = read(
      table([
        ['Net', 'Liquidation Value'],
        ['Maintenance', 'Requirement'],
        ['Excess', 'Liquidity'],
      ]),
    );
    expect(tables.accounts.map((a) => a.value)).toEqual(['151-608416', 'CX798045']);
    expect(tables.accounts.every((a) => a.unread.length === 0)).toBe(true);
    expect(valuesOf(cands, '151-608416', 'total_equity')).toEqual([9385176.1]);
    expect(valuesOf(cands, 'CX798045', 'maintenance_requirement')).toEqual([162972.16]);
    expect(valuesOf(cands, 'CX798045', 'excess_liquidity')).toEqual([158162.86]);
    expect(cands.some((c) => c.value === 9706311.12)).toBe(false);
    expect(tables.claimed.size).toBe(5);
  });

  it('names a column whose title it does not know by the identity its cells obey, below approval', () => {
    const { tables, cands } = read(
      table([
        ['Net', 'Liquidation Value'],
        ['Zorbly', 'Quux'],
        ['Excess', 'Liquidity'],
      ]),
    );
    expect(tables.accounts.map((a) => a.unread)).toEqual([[], []]);
    const req = cands.filter((c) => c.target === 'maintenance_requirement');
    expect(req.map((c) => [c.account, c.value])).toEqual([
      ['151-608416', 7413372.7],
      ['CX798045', 162972.16],
    ]);
    expect(req.every((c) => c.score < 0.8)).toBe(true);
  });

  it('keeps an account whose cells it cannot name, with the cells it could not read', () => {
    const { tables, cands } = read(
      table([
        ['Net', 'Liquidation Value'],
        ['Zorbly', 'Quux'],
        ['Frobnic', 'Zorp'],
      ]),
    );
    expect(tables.accounts).toHaveLength(2);
    expect(tables.accounts[0]!.unread.join(' ')).toMatch(/7,413,372\.70 under "Zorbly Quux"/);
    expect(tables.accounts[1]!.unread).toHaveLength(2);
    expect(cands.filter((c) => c.account === '151-608416').map((c) => c.target)).toEqual(['total_equity']);
  });

  it('reads a name column between the account and its figures only under an account title', () => {
    const rowsWithNames = (title: string) => [
      ...phrase(title, 30, 100),
      ...phrase('Name', 120, 100),
      ...right('Net Liq Value', 350, 100),
      ...right('Maint Req', 450, 100),
      ...phrase('ABC-12345', 30, 115),
      ...phrase('Master', 120, 115),
      ...right('3,485,169.48', 350, 115),
      ...right('1,989,593.40', 450, 115),
      ...phrase('ABC-12346', 30, 130),
      ...phrase('Sub Equity', 120, 130),
      ...right('659,960.54', 350, 130),
      ...right('579,502.14', 450, 130),
    ];
    const { tables, cands } = read(rowsWithNames('Account'));
    expect(tables.accounts.map((a) => [a.value, a.unread])).toEqual([
      ['ABC-12345', []],
      ['ABC-12346', []],
    ]);
    expect(valuesOf(cands, 'ABC-12346', 'maintenance_requirement')).toEqual([579502.14]);
    // A code column with a description beside it and no account title: a positions table, not accounts.
    expect(read(rowsWithNames('CUSIP')).tables.accounts).toEqual([]);
  });

  it('reads no table from rows that start with a name or a description', () => {
    const { tables } = read([
      ...phrase('APPLE INC', 30, 100),
      ...right('100', 250, 100),
      ...right('19,000.00', 350, 100),
      ...phrase('MICROSOFT CORP', 30, 115),
      ...right('50', 250, 115),
      ...right('21,000.00', 350, 115),
    ]);
    expect(tables.accounts).toEqual([]);
  });
});

describe('readAccountTables: rows of a skewed scan', () => {
  // Four columns; on a scan tilted by a degree or so each row's last figure sits lower (or higher) than
  // its account, so the line reader gives it a line of its own, under (or over) the row.
  const titles: [string, string][] = [
    ['Net', 'Liquidation Value'],
    ['Maintenance', 'Requirement'],
    ['Excess', 'Liquidity'],
    ['Cash', 'Balance'],
  ];
  const rows: [string, string[]][] = [
    ['151-608416', ['9,385,176.10', '7,413,372.70', '1,971,803.40', '2,000.00']],
    ['CX798045', ['321,135.02', '162,972.16', '158,162.86', '3,000.00']],
    ['N5503313', ['5,676,812.74', '6,253,927.40', '577,114.66-', '4,000.00']],
  ];
  const skewed = (drop: number) =>
    [
      ...titles.flatMap(([a, b], j) => [...right(a, 250 + j * 100, 100), ...right(b, 250 + j * 100, 111)]),
      ...phrase('Account', 30, 111),
      ...rows.flatMap(([acct, figs], i) => [
        ...phrase(acct, 30, 130 + i * 17),
        ...figs.flatMap((f, j) => right(f, 250 + j * 100, 130 + i * 17 + (j === 3 ? drop : 0))),
      ]),
      ...phrase('PAGE TOTAL', 30, 181),
      ...['15,383,123.86', '13,830,272.26', '1,552,851.60'].flatMap((f, j) => right(f, 250 + j * 100, 181)),
      ...right('9,000.00', 550, 181 + drop),
    ].map((w) => ({ ...w, conf: 0.9 }));

  for (const drop of [7, -7])
    it(`reads each row's end that the scan put on a line of its own (${drop > 0 ? 'below' : 'above'} the row) as the row's figure`, () => {
      const { lines, tables, cands } = read(skewed(drop));
      expect(lines.length).toBeGreaterThan(2 + rows.length + 1);
      expect(tables.accounts.map((a) => a.value)).toEqual(['151-608416', 'CX798045', 'N5503313']);
      expect(valuesOf(cands, 'CX798045', 'cash_balance')).toEqual([3000]);
      expect(valuesOf(cands, 'N5503313', 'total_equity')).toEqual([5676812.74]);
      expect(cands.some((c) => c.value === 9000 || c.value === 15383123.86)).toBe(false);
    });

  it("reads an account cell whose glyph the scan misread (`$8795394`, `U937959%4`), noting the printed cell; a text layer's is no account", () => {
    const misread = (w: PageWord) =>
      w.text === '151-608416' ? { ...w, text: '$8795394' } : w.text === 'CX798045' ? { ...w, text: 'U937959%4' } : w;
    const { tables } = read(skewed(0).map(misread));
    expect(tables.accounts.map((a) => [a.value, a.mended])).toEqual([
      ['S8795394', '$8795394'],
      ['U9379594', 'U937959%4'],
      ['N5503313', undefined],
    ]);
    const printed = read(skewed(0).map((w) => ({ ...misread(w), conf: 1 })));
    expect(printed.tables.accounts.map((a) => a.value)).not.toContain('S8795394');
    expect(printed.tables.accounts.map((a) => a.value)).not.toContain('U9379594');
  });
});

describe('readAccountTables: one column per account', () => {
  const rows = (household: string, labels: string[]) => [
    ...phrase('Item', 40, 100),
    ...right('20755216', 300, 100),
    ...right('U1878569', 400, 100),
    ...right(household, 520, 100),
    ...labels.flatMap((label, i) => [
      ...phrase(label, 40, 118 + i * 15),
      ...right(['272,738.13', '137,450.99', '135,287.14', 'NONE'][i]!, 300, 118 + i * 15),
      ...right(['4,816,788.14', '63,699.75', '4,753,088.39', '0.00'][i]!, 400, 118 + i * 15),
      ...right(['5,089,526.27', '201,150.74', '4,888,375.53', '0.00'][i]!, 520, 118 + i * 15),
    ]),
  ];

  it('gives each column to its account and never reads the household column as one', () => {
    const { tables, cands } = read(
      rows('Household Combined', [
        'Net Liquidation Value',
        'Maintenance Requirement',
        'Excess Liquidity',
        'Margin Call',
      ]),
    );
    expect(tables.accounts.map((a) => a.value)).toEqual(['20755216', 'U1878569']);
    expect(valuesOf(cands, '20755216', 'total_equity')).toEqual([272738.13]);
    expect(valuesOf(cands, 'U1878569', 'excess_liquidity')).toEqual([4753088.39]);
    expect(valuesOf(cands, '20755216', 'margin_call')).toEqual([0]);
    expect(cands.some((c) => c.value === 5089526.27 || c.value === 4888375.53)).toBe(false);
  });

  it('splits an account title from the household title printed over its end (M4962172Household)', () => {
    const words = rows('Household Combined', [
      'Net Liquidation Value',
      'Maintenance Requirement',
      'Excess Liquidity',
      'Margin Call',
    ]).filter((w) => w.text !== 'U1878569' && w.text !== 'Household');
    // The household title overflows its column to the left and runs into the account number.
    words.push({ text: 'U1878569Household', x0: 360, x1: 445, y0: 100, y1: 109, conf: 1 });
    const { tables, cands } = read(words);
    expect(tables.accounts.map((a) => a.value)).toEqual(['20755216', 'U1878569']);
    expect(valuesOf(cands, 'U1878569', 'total_equity')).toEqual([4816788.14]);
    expect(unglue('80258858All', { x0: 0, x1: 110, conf: 1 }).map((p) => [p.text, p.x1])).toEqual([
      ['80258858', 80],
      ['All', 110],
    ]);
    // Account numbers that end in capitals stay whole.
    expect(unglue('AB1234CD', { x0: 0, x1: 80, conf: 1 }).map((p) => p.text)).toEqual(['AB1234CD']);
  });

  it('cuts a run-on title whose first glyph a scan read as a mark (`A5752726@lousehold`)', () => {
    expect(unglue('A5752726@lousehold', { x0: 0, x1: 180, conf: 0.5 }).map((p) => [p.text, p.x1])).toEqual([
      ['A5752726', 80],
      ['@lousehold', 180],
    ]);
    expect(unglue('A5752726-B', { x0: 0, x1: 100, conf: 1 }).map((p) => p.text)).toEqual(['A5752726-B']);
  });

  it('flags the accounts of a row whose label names no field and whose figures no identity explains', () => {
    const { tables, cands } = read(
      rows('Zorbly', ['Net Liquidation Value', 'Quux Frobnication', 'Frobnic Zorp', 'NONE']),
    );
    expect(tables.accounts.map((a) => a.unread.length)).toEqual([3, 3]);
    expect(tables.accounts[0]!.unread[0]).toMatch(/137,450\.99 in the row "Quux Frobnication"/);
    expect(cands.map((c) => c.target)).toEqual(['total_equity', 'total_equity']);
  });

  it('reads account numbers printed in digit groups, a registration line under them, and labels wrapped either way', () => {
    const { tables, cands } = read([
      ...right('8405 3747 68', 300, 100),
      ...right('8405 9252 65', 420, 100),
      ...right('Total', 540, 100),
      ...right('Custodial', 300, 112),
      ...right('Trust', 420, 112),
      // The head of a label over its row...
      ...phrase('Net Liquidation', 40, 135),
      ...phrase('Value', 40, 146),
      ...right('760,600.45', 300, 146),
      ...right('1,124,761.80', 420, 146),
      ...right('1,885,362.25', 540, 146),
      // ...and the tail of one under its row.
      ...phrase('Maintenance Margin', 40, 170),
      ...right('259,294.45', 300, 170),
      ...right('438,432.99', 420, 170),
      ...right('697,727.44', 540, 170),
      ...phrase('Requirement', 40, 181),
    ]);
    expect(tables.accounts.map((a) => [a.value, a.unread])).toEqual([
      ['8405374768', []],
      ['8405925265', []],
    ]);
    expect(valuesOf(cands, '8405925265', 'total_equity')).toEqual([1124761.8]);
    expect(valuesOf(cands, '8405374768', 'maintenance_requirement')).toEqual([259294.45]);
    expect(cands.some((c) => c.value === 1885362.25)).toBe(false);
  });

  it('does not read label/value pairs with a date as a table of accounts', () => {
    const { tables } = read([
      ...phrase('Account', 40, 100),
      ...phrase('U76841699', 150, 100),
      ...phrase('Report Date', 300, 100),
      ...phrase('20250324', 400, 100),
      ...phrase('Name', 40, 115),
      ...phrase('Olivia Morrow', 150, 115),
      ...phrase('Generated', 300, 115),
      ...phrase('20250325', 400, 115),
      ...phrase('Type', 40, 130),
      ...phrase('Margin', 150, 130),
      ...phrase('Master', 300, 130),
      ...phrase('N/A', 400, 130),
    ]);
    expect(tables.accounts).toEqual([]);
  });
});
