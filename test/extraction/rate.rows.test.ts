import { describe, expect, it } from 'vitest';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readAccountTables } from '../../src/extraction/structure/account.table.ts';
import { isRateFigure, isRateLabel } from '../../src/extraction/structure/rate.rows.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase, right } from './support/words.builder.ts';
import { segmented } from './support/words.reader.ts';

/**
 * Multi-currency statements print a row of exchange rates over their per-currency columns. Its
 * numbers are ratios: never account numbers (two columns of rates are not two accounts) and never
 * money. Columns titled by currencies are one account's; the converted or combined total is the
 * report. Where structure still makes more reports than the document labels accounts, the extra
 * ones are below review with the reason.
 */

describe('rate rows and rate figures', () => {
  it('knows the labels of rows that hold rates, and not those that move money', () => {
    for (const t of [
      'FX Rate',
      'Rate of exchange',
      'Closing rates',
      'Conversion factor',
      'Wechselkurs',
      'Taux de change',
    ])
      expect(isRateLabel(t), t).toBe(true);
    for (const t of ['Cash balance', 'FX conversion', 'Net liquidating value', 'Excess equity', 'Separate account'])
      expect(isRateLabel(t), t).toBe(false);
  });

  it('reads a number with one whole digit and four decimals or more as a rate, not money or an account', () => {
    for (const t of ['1.0000', '0.884210', '1,2745']) expect(isRateFigure(t), t).toBe(true);
    for (const t of ['1.00', '1,250.00', '123.45678', '8812-40017', '148.2500']) expect(isRateFigure(t), t).toBe(false);
  });
});

const read = (words: PageWord[]) => readAccountTables(segmented(words));

describe('readAccountTables: currency columns are no account columns', () => {
  const figures = (y: number, label: string, values: string[]) => [
    ...phrase(label, 30, y),
    ...values.flatMap((v, j) => right(v, 250 + j * 90, y)),
  ];

  it('takes no row of rates for a line of account titles', () => {
    const tables = read([
      ...right('Sterling', 250, 90),
      ...right('Kronor', 340, 90),
      ...right('Sum in GBP', 430, 90),
      ...figures(104, 'Rate to GBP', ['1.0000', '0.0761']),
      ...figures(118, 'Cash on deposit', ['52,000.00', '310,000.00', '75,591.00']),
      ...figures(132, 'Account value', ['61,500.00', '402,000.00', '92,092.20']),
    ]);
    expect(tables.accounts).toEqual([]);
  });

  it('takes no numbers under titles that are each a currency for accounts, whatever labels their row', () => {
    const tables = read([
      ...right('Japanese yen', 250, 90),
      ...right('US dollars', 340, 90),
      ...right('Total in USD', 430, 90),
      ...figures(104, 'Reference', ['148.2500', '1.0000']),
      ...figures(118, 'Cash on deposit', ['7,400,000.00', '52,000.00', '101,915.68']),
      ...figures(132, 'Account value', ['9,100,000.00', '61,500.00', '122,881.96']),
    ]);
    expect(tables.accounts).toEqual([]);
  });

  it('still reads account columns, and leaves out a row of rates printed between their rows', () => {
    const tables = read([
      ...right('4410-0001', 250, 90),
      ...right('4410-0002', 340, 90),
      ...figures(104, 'Total equity', ['80,000.00', '45,000.00']),
      ...figures(118, 'FX rate', ['1.0000', '1.1020']),
      ...figures(132, 'Maintenance margin', ['20,000.00', '9,000.00']),
    ]);
    expect(tables.accounts.map((a) => a.value)).toEqual(['4410-0001', '4410-0002']);
    const cands = [...tables.byLine.values()].flat();
    expect(cands.some((c) => c.value === 1.102 || c.value === 1)).toBe(false);
    expect(tables.accounts.every((a) => a.unread.length === 0)).toBe(true);
  });
});

const run = statementRunner();
/** Courier at 10 pt: 6 points a character, so a figure ends at `x`. */
const at = (text: string, x: number, y: number): Placed => [text, x - text.length * 6, y];
const COLS = [250, 350, 560];
const row = (y: number, label: string, values: string[]): Placed[] => [
  [label, 40, y],
  ...values.map((v, j) => at(v, COLS[j]!, y)),
];

describe('a statement with per-currency columns, a row of rates and a total in the base currency', () => {
  const statement = (titles: [string, string, string], rateLabel: string): Placed[] => [
    ['Alderney Futures Clearing', 40, 40],
    ['Customer account: GV-77120', 40, 58],
    ['Valuation date: 11/27/2026', 40, 72],
    ...titles.map((t, j) => at(t, COLS[j]!, 110)),
    ...row(124, rateLabel, ['1.0000', '0.8842']),
    ...row(138, 'Cash balance', ['210,000.00', '50,000.00', '254,210.00']),
    ...row(152, 'Net liquidating value', ['236,500.00', '61,000.00', '290,436.20']),
    ...row(166, 'Initial margin', ['120,000.00', '30,000.00', '146,526.00']),
    ...row(180, 'Margin excess', ['116,500.00', '31,000.00', '143,910.20']),
  ];

  it('gives one report, of the labelled account, from the total column and in its currency', async () => {
    const reports = await run(
      [statement(['Swiss francs', 'US dollars', 'Total CHF equivalent'], 'Spot rate')],
      'Courier',
    );
    expect(reports.map((r) => r.account_number)).toEqual(['GV-77120']);
    const [r] = reports;
    expect(r!.currency).toBe('CHF');
    expect(r!.fields.cash_balance).toBe(254_210);
    expect(r!.fields.total_equity).toBe(290_436.2);
    expect(r!.fields.initial_requirement).toBe(146_526);
    expect(r!.fields.excess_liquidity).toBe(143_910.2);
  });

  it('reads a base-currency-equivalent total the same way when the rates row has a label it does not know', async () => {
    const reports = await run(
      [statement(['Swiss francs', 'US dollars', 'Base currency equivalent (CHF)'], 'Basis')],
      'Courier',
    );
    expect(reports.map((r) => r.account_number)).toEqual(['GV-77120']);
    expect(reports[0]!.currency).toBe('CHF');
    expect(reports[0]!.fields.total_equity).toBe(290_436.2);
  });
});

describe('more reports than labelled account numbers', () => {
  it('puts every value of a report whose account no label names below review, with the reason', async () => {
    const reports = await run(
      [
        [
          ['Alderney Futures Clearing', 40, 40],
          ['Customer account: GV-77120', 40, 58],
          ['Valuation date: 11/27/2026', 40, 72],
          ['Net liquidating value', 40, 100],
          at('88,000.00', 300, 100),
          ['Initial margin', 40, 114],
          at('30,000.00', 300, 114),
          ['Margin excess', 40, 128],
          at('58,000.00', 300, 128),
          // Two unlabelled numbers over columns of figures: structure alone makes them accounts.
          at('5512-0031', 300, 170),
          at('5512-0032', 400, 170),
          ...row(184, 'Net liquidating value', ['12,000.00', '14,000.00']),
          ...row(198, 'Initial margin', ['5,000.00', '6,000.00']),
          ...row(212, 'Margin excess', ['7,000.00', '8,000.00']),
        ],
      ],
      'Courier',
    );
    const own = reports.find((r) => r.account_number === 'GV-77120');
    expect(own?.fields.total_equity).toBe(88_000);
    expect(own?.issues.some((i) => i.code === 'surplus_account')).toBe(false);
    const extra = reports.filter((r) => r.account_number !== 'GV-77120');
    expect(extra.length).toBeGreaterThan(0);
    for (const r of extra) {
      expect(r.needs_review).toBe(true);
      expect(r.issues.some((i) => i.code === 'surplus_account' && i.field === 'account_number')).toBe(true);
      for (const c of Object.values(r.confidence.fields)) expect(c).toBeLessThan(0.8);
    }
  });
});
