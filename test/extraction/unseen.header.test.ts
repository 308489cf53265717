import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { type Segmented, segmentLine } from '../../src/extraction/layout/segments.ts';
import { readAccountToken } from '../../src/extraction/parse/account.parser.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { currencySection, titleCurrency } from '../../src/extraction/structure/currency.sections.ts';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase } from './support/words.builder.ts';

/**
 * Issue 20: the header values of layouts never seen (other producers, other markets). A date is read
 * in the document's own order wherever it is read; a currency printed in a column title or a section
 * heading is the currency of the figures under it; an account named by its type (`Individual
 * Brokerage · 6612-0938`) is the report's account, below review, and never a telephone's or another
 * account's number.
 */
const run = statementRunner();
const kv = (top: number, pairs: [string, string][]): Placed[] => rows(top, 16, [60, 330], pairs);
const FIGURES: [string, string][] = [
  ['Total Equity', '63,417.92'],
  ['Maintenance Requirement', '22,180.40'],
  ['Excess Equity', '41,237.52'],
];

describe('dates in the document’s own order', () => {
  it('reads a day-first statement’s date day-first where no label names the statement date', async () => {
    const [r] = await run([
      [
        ['DAILY MARGIN STATEMENT', 200, 40, 12],
        ['Member: Exchange One / Exchange Two', 200, 55],
        ['Client Code', 60, 70],
        [': QK5521', 160, 70],
        ['Trade Date', 330, 70],
        [': 04-12-2026', 430, 70],
        ['Client Name', 60, 85],
        [': A. N. OTHER', 160, 85],
        ...kv(110, [
          ['Ledger Balance', '12,34,567.89'],
          ['Collateral Value', '8,45,210.00'],
          ['Total Account Value', '20,79,777.89'],
          ['Span Margin', '14,20,000.00'],
          ['Exposure Margin', '4,30,000.00'],
          ['Maintenance Requirement', '18,50,000.00'],
          ['Margin Excess', '2,29,777.89'],
          ['Margin Call', 'NIL'],
        ]),
        // The ledger's own dates, past the page's head, show the order: 28-11-2026 is day-first.
        ['LEDGER', 60, 250, 12],
        ['Entries since the last statement', 60, 266],
        ...rows(
          290,
          16,
          [60, 160, 400],
          [
            ['Ledger Date', 'Narration', 'Credit'],
            ['28-11-2026', 'Funds received', '5,00,000.00'],
          ],
        ),
      ],
    ]);
    expect(r!.report_date).toBe('2026-12-04');
  });
});

describe('a currency printed over the figures', () => {
  it('carries a currency symbol in a column title to the figures of its column', async () => {
    const [r] = await run([
      [
        ['Margin Statement', 60, 40, 14],
        ['Client Code: QK5521', 60, 70],
        ['Statement Date: 2026-12-04', 330, 70],
        ...rows(
          100,
          16,
          [60, 90, 400],
          [['Sr.', 'Particulars', 'Amount (Rs.)'], ...FIGURES.map(([l, v], i) => [String(i + 1), l, v])],
        ),
      ],
    ]);
    expect(r!.currency).toBe('INR');
    expect(r!.fields.total_equity).toBe(63_417.92);
  });

  it('reads the currency a title names in brackets or in capitals, never a shared symbol or a word', () => {
    expect(titleCurrency('Amount (₹)')).toBe('INR');
    expect(titleCurrency('Margin (USDT)')).toBe('USDT');
    expect(titleCurrency('Balance in EUR')).toBe('EUR');
    expect(titleCurrency('Amount ($)')).toBeNull();
    expect(titleCurrency('Value (¥)')).toBeNull();
    expect(titleCurrency('Try (try)')).toBeNull();
    expect(titleCurrency('USD | EUR')).toBeNull();
  });

  it('takes a market ticker alone on its line for a currency section heading', () => {
    const line = (text: string): Segmented =>
      buildLines(phrase(text, 40, 100) as PageWord[], 0).map((l) =>
        segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }),
      )[0]!;
    expect(currencySection(line('USDT'))).toEqual({ code: 'USDT', base: false });
    expect(currencySection(line('CASH'))).toBeNull();
  });
});

describe('an account named by its type', () => {
  const statement = (head: string) =>
    run([[[head, 60, 60], ['Balances as of 12/04/2026', 330, 60], ...kv(100, FIGURES)]]);

  it('reads the number after an account type and a separator, below review', async () => {
    const [r] = await statement('Individual Brokerage · 6612-0938');
    expect(r!.account_number).toBe('6612-0938');
    expect(r!.confidence.fields.account_number).toBeLessThan(0.8);
  });

  it('reads it as a labelled account where the account word stands before the separator', async () => {
    expect(readAccountToken('· 6612-0938')?.value).toBe('6612-0938');
    expect(readAccountToken('| 6612-0938')?.value).toBe('6612-0938');
    const [r] = await statement('Joint Brokerage Account · 6612-0938');
    expect(r!.account_number).toBe('6612-0938');
  });

  it('never takes a telephone, another account, a title or a period for the account', async () => {
    for (const head of [
      'Margin Helpline · 6612-0938',
      'Brokerage Services · 800-555-1212',
      'Linked Cash Sweep · 6612-0938',
      'Individual Brokerage · 2026',
      'Trading Statement · 4471-0938',
      'Futures Trading · Q4-2026',
    ]) {
      const [r] = await statement(head);
      expect(r!.account_number, head).toBeNull();
    }
  });

  it('never takes a telephone number printed alone in the page head for an unlabelled account', async () => {
    for (const [caption, number] of [
      ['Client Services', '800-555-1212'],
      ['Helpline', '1-800-555-1212'],
    ]) {
      const [r] = await run([
        [[caption!, 60, 60], [number!, 200, 60], ['Statement Date: 2026-12-04', 330, 60], ...kv(100, FIGURES)],
      ]);
      expect(r!.account_number, number).toBeNull();
    }
  });
});
