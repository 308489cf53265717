import { describe, expect, it } from 'vitest';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { isOpenPnl } from '../../src/extraction/vocabulary/pnl.words.ts';
import { phrase } from './support/words.builder.ts';
import { readAccount, segmented } from './support/words.reader.ts';

/**
 * Rules learnt from statements of other producers and markets (futures, CFD/FX, crypto, Indian
 * brokers): a numbered table's row number is no figure, a count column is not money, words after a
 * number inside a market's name are no label, and a derivatives platform's equity is its cash plus
 * the open P&L, whatever it is called.
 */

/** Right-aligned at x1. */
const right = (text: string, x1: number, y: number) =>
  phrase(text, x1 - text.length * 5 - (text.split(' ').length - 1) * 3, y);

const read = (words: PageWord[]) => readAccount(segmented(words, { spaceGroups: false }));

const head = [...phrase('Account Number: 103-302666', 40, 40), ...phrase('As of: 11/17/2025', 40, 54)];

describe('statements of other producers and markets', () => {
  it('never reads a numbered table’s row number as the figure of the label after it', () => {
    const row = (n: string, label: string, figure: string, y: number) => [
      ...right(n, 60, y),
      ...phrase(label, 90, y),
      ...right(figure, 560, y),
    ];
    const { value } = read([
      ...head,
      ...phrase('Sr.', 45, 90),
      ...phrase('Particulars', 90, 90),
      ...right('Amount', 560, 90),
      ...row('1', 'Total Equity', '2,079,777.89', 105),
      ...row('2', 'Maintenance Requirement', '1,850,000.00', 120),
      ...row('3', 'Margin Excess', '229,777.89', 135),
      ...row('4', 'Margin Call', 'NIL', 150),
    ]);
    expect(value('margin_call')).toBe(0);
    expect(value('total_equity')).toBe(2_079_777.89);
  });

  it('reads no money from a column of contract counts, nor from a block below it under that title', () => {
    const { value } = read([
      ...head,
      ...phrase('CONTRACT', 40, 90),
      ...phrase('LONG', 200, 90),
      ...phrase('SHORT', 235, 90),
      ...phrase('SETTLE', 300, 90),
      ...phrase('MAR 27 CRUDE OIL', 40, 102),
      ...right('40', 220, 102),
      ...right('6,198.50', 340, 102),
      ...phrase('FEB 27 GOLD', 40, 114),
      ...right('12', 260, 114),
      ...right('4,215.05', 340, 114),
      ...phrase('BALANCES', 40, 130),
      ...phrase('BEGINNING BALANCE', 40, 140),
      ...right('1,250,000.00', 290, 140),
      ...phrase('CASH BALANCE', 40, 152),
      ...right('1,200,503.50', 290, 152),
      ...phrase('NET LIQUIDATING VALUE', 40, 164),
      ...right('827,623.50', 290, 164),
    ]);
    expect(value('short_market_value')).toBeUndefined();
    expect(value('long_market_value')).toBeUndefined();
    expect(value('cash_balance')).toBe(1_200_503.5);
  });

  it('takes no label from the words after a number inside a market’s name (`UK 100 Cash`)', () => {
    const { value } = read([
      ...head,
      ...phrase('Balance', 40, 90),
      ...right('48,210.55', 300, 90),
      ...phrase('Equity', 40, 104),
      ...right('45,092.35', 300, 104),
      ...phrase('Market', 40, 130),
      ...phrase('Direction', 200, 130),
      ...phrase('Current', 300, 130),
      ...phrase('UK 100 Cash', 40, 144),
      ...phrase('Buy', 200, 144),
      ...right('9,701.90', 340, 144),
    ]);
    expect(value('cash_balance')).toBe(48_210.55);
  });

  it('places the equity at the figure that is the cash plus the open P&L, below review', () => {
    const { value, conf } = read([
      ...head,
      ...phrase('Wallet Balance (USDT)', 40, 90),
      ...phrase('Unrealized PNL (USDT)', 220, 90),
      ...phrase('Margin Balance (USDT)', 400, 90),
      ...phrase('152,340.18', 40, 102),
      ...phrase('-12,406.55', 220, 102),
      ...phrase('139,933.63', 400, 102),
      ...phrase('Initial Margin (USDT)', 40, 130),
      ...phrase('Maintenance Margin (USDT)', 220, 130),
      ...phrase('60,250.00', 40, 142),
      ...phrase('18,075.00', 220, 142),
    ]);
    expect(value('total_equity')).toBe(139_933.63);
    expect(conf('total_equity')).toBeLessThan(0.8);
    expect(value('cash_balance')).toBe(152_340.18);
  });

  it('knows the labels of an open P&L', () => {
    expect(isOpenPnl('Unrealised P&L')).toBe(true);
    expect(isOpenPnl('OPEN TRADE EQUITY')).toBe(true);
    expect(isOpenPnl('Realized P&L')).toBe(false);
    expect(isOpenPnl('Total Equity')).toBe(false);
  });
});
