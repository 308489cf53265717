import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../src/extraction/fields/account.labels.ts';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase } from './support/words.builder.ts';

// A call letter in prose: the account named in a sentence, a requirement stated as a rate of a basis
// and then as a figure, a loan balance, the deposit demanded.

const run = statementRunner();

const accountsIn = (text: string) =>
  buildLines(phrase(text, 50, 100), 0).flatMap((l) =>
    findAccounts(segmentLine(l, { locale: 'comma', dateOrder: 'dmy', ocr: false })).map((h) => h.value),
  );

const prose = (label: string) => {
  const m = matchLabel(label, undefined, { prose: true });
  return m ? [m.target, m.negate] : null;
};

describe('an account number a sentence names after a few words and a number word', () => {
  it.each([
    ['2026, rekening efek marjin Bapak nomor 0231-44871 (Single Investor Identification IDD0712K4419', '0231-44871'],
    ['Your margin account Ref number 7741-0092 fell below the maintenance level', '7741-0092'],
  ])('reads %j', (text, account) => {
    expect(accountsIn(text)).toEqual([account]);
  });

  it('reads no number a word with a digit, a comma or too many words stand before', () => {
    expect(accountsIn('Your account type margin, number 7741-0092')).toEqual([]);
    expect(accountsIn('Your account is managed by our desk team number 7741-0092')).toEqual([]);
    expect(accountsIn('Account type margin number of positions 12')).toEqual([]);
  });
});

describe('a requirement a sentence states as a rate of a basis, then as a figure', () => {
  it('names the requirement, not the basis after the rate’s `of`', () => {
    expect(prose('The maintenance requirement is 30% of the long market value, that is')).toEqual([
      'maintenance_requirement',
      false,
    ]);
    expect(prose('Jaminan pemeliharaan yang dipersyaratkan adalah 50% dari nilai pasar efek, yaitu')).toEqual([
      'maintenance_requirement',
      false,
    ]);
    // Without a rate the market value is the sentence's figure.
    expect(prose('On that day the long market value of the portfolio was')).toEqual(['long_market_value', false]);
  });

  it('reads the figure after the words that end the sentence on the next line, the first line indented', async () => {
    const lines: Placed[] = [
      ['Account 2290-7713', 50, 60],
      ['As of 12 October 2026 your securities were worth $95,000.00 and your equity was $83,000.00.', 50, 84, 9],
      ['The maintenance requirement of your account is 25% of the long market value,', 75, 100, 9],
      ['namely $23,750.00, and no call is due.', 50, 112, 9],
    ];
    const [report] = await run([lines]);
    expect(report!.fields.maintenance_requirement).toBe(23_750);
  });
});

describe('the loan and the deposit a call letter names', () => {
  it('reads a margin loan balance as a debit and the deposit demanded as the call', () => {
    expect(prose('saldo pinjaman marjin (utang dana) Bapak tercatat sebesar')).toEqual(['cash_balance', true]);
    expect(prose('memenuhi kekurangan jaminan tersebut, yaitu menyetor dana sebesar')).toEqual(['margin_call', false]);
  });
});

describe('a sentence whose figure its label names far back, past filler words', () => {
  it('reads the requirement named before a relative clause of filler words, not the date the clause mentions', () => {
    expect(prose('Against this, the maintenance margin we require on your positions at that date was')).toEqual([
      'maintenance_requirement',
      false,
    ]);
  });

  it('reads the value the holdings were given as the long market value', () => {
    expect(prose('At the close of business on Friday, 4th December 2026, your holdings were valued at')).toEqual([
      'long_market_value',
      false,
    ]);
  });
});
