import { describe, expect, it } from 'vitest';
import { gluedNoneLength } from '../../src/extraction/layout/glued.codes.ts';
import { isCurrencyCode } from '../../src/extraction/parse/currency.parser.ts';
import { isNoneWord } from '../../src/extraction/vocabulary/context.match.ts';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Zeros where figures crowd: two tiles of one row that both print 0 are two figures, and a
 * none-word run onto the next column's currency code (`NILGBP`) is a 0 of its own.
 */
const run = statementRunner();

const head: Placed[] = [
  ['RISK SNAPSHOT', 200, 40, 12],
  ['As of:', 60, 85],
  ['2026-10-30', 160, 85],
];

describe('zeros that share a line with other figures', () => {
  it('splits a none-word from a currency code run onto it, and nothing else', () => {
    const split = (t: string) => gluedNoneLength(t, isNoneWord, isCurrencyCode);
    expect(split('NONEUSD')).toBe(4);
    expect(split('NilCHF')).toBe(3);
    expect(split('NONE')).toBeNull();
    expect(split('ACCOUNTUSD')).toBeNull();
    expect(split('NONEXYZ')).toBeNull();
  });

  it('reads each of two zero tiles of one row under its own label', async () => {
    const tiles: [string, string][] = [
      ['Pending Call', 'None'],
      ['Short Positions Worth', '0.00'],
      ['Initial Need', '60,000.00'],
      ['Long Positions Worth', '300,000.00'],
      ['Headroom Amount', '200,000.00'],
      ['House Floor Amount', '50,000.00'],
      ['Cash Ledger', '-50,000.00'],
      ['Whole Account Worth', '250,000.00'],
      ['Spending Power', '400,000.00'],
    ];
    const placed: Placed[] = [
      ['Account:', 60, 70],
      ['PW-30418', 160, 70],
    ];
    tiles.forEach(([label, value], i) => {
      const x = 60 + (i % 3) * 180;
      const y = 120 + Math.floor(i / 3) * 40;
      placed.push([label, x, y], [value, x, y + 14]);
    });
    const [r] = await run([[...head, ...placed]]);
    expect(r!.fields.margin_call).toBe(0);
    expect(r!.fields.short_market_value).toBe(0);
    expect(r!.fields.long_market_value).toBe(300_000);
  });

  it('reads a call of 0 where its none-word runs onto the next figure of a row', async () => {
    const table = rows(
      120,
      16,
      [40, 150, 260, 360],
      [
        ['Account', 'Net Equity', 'Margin Call', 'Buying Power'],
        ['QA-11820', 'USD 90,000.00', 'NONE', 'USD 180,000.00'],
        ['QA-11821', 'USD 45,000.00', null, 'USD 90,000.00'],
      ],
    );
    const glued: Placed = ['NONEUSD 90,000.00', 260 + 50, 152];
    const [a, b] = await run([[...head, ...table.filter(([t, , y]) => !(y === 152 && t === 'USD 90,000.00')), glued]]);
    const second = [a, b].find((r) => r!.account_number === 'QA-11821');
    expect(second!.fields.margin_call).toBe(0);
    expect(second!.fields.buying_power).toBe(90_000);
  });
});
