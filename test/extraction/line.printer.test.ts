import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { openFigures } from '../../src/extraction/solver/open.figures.ts';
import { isRuleLine } from '../../src/extraction/structure/rule.lines.ts';
import { namesProfitOrLoss } from '../../src/extraction/vocabulary/pnl.words.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Statements printed as plain text in a fixed-pitch font: two label/value blocks on the same lines,
 * dotted leaders from each label to its figure, debit and credit marks after figures, banner titles
 * drawn with asterisks and rules drawn with dashes.
 */
const run = statementRunner();

/** One printed line as a line printer places it: a word every run of spaces apart, 4.2 pt per character. */
function printed(text: string, y: number): PageWord[] {
  const out: PageWord[] = [];
  for (const m of text.matchAll(/\S+/g))
    out.push({ text: m[0], x0: 24 + m.index * 4.2, x1: 24 + (m.index + m[0].length) * 4.2, y0: y, y1: y + 7, conf: 1 });
  return out;
}
const layout = (...texts: string[]): Segmented[] =>
  buildLines(
    texts.flatMap((t, i) => printed(t, 100 + i * 9)),
    0,
  ).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));

/** Courier lines 9 pt apart, 7 pt high: 132 columns fit a portrait page. */
const sheet = (lines: string[]): Placed[][] => [
  lines.map((t, i): Placed => [t, 24, 60 + i * 9, 7]).filter(([t]) => t.trim() !== ''),
];

const HEAD = [
  'OSPREY GRAIN CLEARING                                                 ACCOUNT NO: 7Q-20931',
  '                                                                      BUSINESS DATE: 11/17/2026',
  '                                                                      CURRENCY: CHF',
  '',
];

describe('dotted leaders', () => {
  it('are no part of the label: the words before them lead to the figure after them', () => {
    const [line] = layout('CLOSING LEDGER BALANCE . . . . .    432,189.50');
    expect(line!.segs.map((s) => [s.kind, s.text, s.leads ?? false])).toEqual([
      ['text', 'CLOSING LEDGER BALANCE', true],
      ['amount', '432,189.50', false],
    ]);
  });

  it('printed as a cell of their own (a wide gap before the dots) still join the label to its figure', () => {
    const [line] = layout('NET FUNDS MOVED    . . . . . .     20,000.00CR');
    expect(line!.segs.map((s) => [s.kind, s.text, s.leads ?? false])).toEqual([
      ['text', 'NET FUNDS MOVED', true],
      ['amount', '20,000.00CR', false],
    ]);
  });

  it('split a line of two blocks into two label/value pairs, whatever the gap between the blocks', () => {
    for (const gap of ['      ', ' ']) {
      const [line] = layout(`FEES CHARGED . . . . . .   310.50 DR${gap}HOUSE REQUIREMENT . . . .   80,000.00`);
      expect(line!.segs.map((s) => [s.kind, s.amount?.value ?? s.text])).toEqual([
        ['text', 'FEES CHARGED'],
        ['amount', -310.5],
        ['text', 'HOUSE REQUIREMENT'],
        ['amount', 80000],
      ]);
    }
  });
});

describe('rules drawn with dashes', () => {
  it('are told from a dash that stands for a nil figure', () => {
    const [titles, rule, nil] = layout('SIDE      QUANTITY     PRICE', '----      --------     -----', '   —');
    expect(isRuleLine(titles!)).toBe(false);
    expect(isRuleLine(rule!)).toBe(true);
    expect(isRuleLine(nil!)).toBe(false);
  });

  it('under column titles give no figure of 0 to the titles above them', () => {
    const figures = openFigures(layout('BOUGHT    SOLD      CONTRACT', '------    ------    ------------'));
    expect(figures).toEqual([]);
  });
});

describe('two label/value blocks side by side on a line-printer statement', () => {
  const body = (banner: string, opening: string, closing: string) => [
    ...HEAD,
    `******************************* ${banner} *******************************`,
    '                              SWISS FRANCS                                  SWISS FRANCS',
    `${opening}    412,500.00      INITIAL REQUIREMENT . . . . .    96,000.00`,
    'FEES CHARGED . . . . . . . .        310.50DR    HOUSE REQUIREMENT . . . . . .    80,000.00',
    'NET FUNDS MOVED  . . . . . .     20,000.00CR    EXCESS OVER INITIAL . . . . .   318,879.50',
    `${closing}    432,189.50      MARGIN CALL: NONE`,
    'OPEN TRADE P/L . . . . . . .     17,310.00DR',
    'NET LIQUIDATION VALUE  . . .    414,879.50',
  ];

  it('reads each block’s figures under its own labels, confidently', async () => {
    const [report] = await run(
      sheet(body('LEDGER BALANCE DETAIL', 'OPENING LEDGER . . . . . . .', 'CLOSING LEDGER BALANCE . . .')),
      'Courier',
    );
    expect(report!.fields).toEqual({
      total_equity: 414879.5,
      maintenance_requirement: 80000,
      initial_requirement: 96000,
      excess_liquidity: 318879.5,
      margin_call: 0,
      cash_balance: 432189.5,
    });
    for (const f of ['maintenance_requirement', 'initial_requirement', 'excess_liquidity', 'cash_balance'])
      expect(report!.confidence.fields[f], f).toBeGreaterThanOrEqual(0.8);
  });

  it('never gives a banner title the figure a leader joins to the row label under it', async () => {
    const [report] = await run(
      sheet(body('CASH BALANCE RECAP', 'BALANCE BROUGHT FORWARD . . .', 'CLOSING BALANCE . . . . . . .')),
      'Courier',
    );
    expect(report!.fields.cash_balance).toBe(432189.5);
  });
});

describe('open trade equity', () => {
  it('is a profit or loss on open positions, never their market value', () => {
    expect(namesProfitOrLoss('Open Trade Equity')).toBe(true);
    expect(namesProfitOrLoss('Short Market Value')).toBe(false);
  });
});
