import { describe, expect, it } from 'vitest';
import { readAccountToken } from '../../src/extraction/parse/account.parser.ts';
import { namesInstrument } from '../../src/extraction/vocabulary/account.identifiers.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Numbers printed beside the account a statement is for: the securities account collateral is pledged in
 * (at the bank or the central securities depository), a bank account's IBAN, option series codes leading
 * a positions table, a date a sentence names after the word `account`. None is the report's account.
 */
const run = statementRunner();

const figures = (top: number): Placed[] =>
  [
    ['Cash balance', '204 310,50'],
    ['Account equity', '1 120 310,50'],
    ['Total margin requirement', '610 000,00'],
    ['Surplus', '510 310,50'],
  ].flatMap(([label, value], i): Placed[] => [
    [label!, 50, top + 14 * i],
    [value!, 330, top + 14 * i],
  ]);

describe('accounts printed beside the statement’s own', () => {
  it('takes the client account, not the pledge account at the depository printed after it', async () => {
    const reports = await run([
      [
        ['Daily client statement', 50, 40, 12],
        ['Client account', 50, 64],
        ['5521-7730-10', 200, 64],
        ['Business date', 330, 64],
        ['8.3.2027', 430, 64],
        ['Pledge account (CSD)', 50, 78],
        ['SE 000 8812 4409', 200, 78],
        ['Currency', 330, 78],
        ['EUR', 430, 78],
        ...figures(110),
      ],
    ]);
    expect(reports.map((r) => r.account_number)).toEqual(['5521-7730-10']);
  });

  it('takes the credit account, not the current account named by its IBAN', async () => {
    const reports = await run([
      [
        ['Credit statement as at 08.03.2027', 50, 40, 12],
        ['Credit account no.', 50, 64],
        ['4410 2287 05', 200, 64],
        ['Current account (IBAN)', 50, 78],
        ['DE12 5003 0700 4410 2287 00', 200, 78],
        ...figures(110),
      ],
    ]);
    expect(reports.map((r) => r.account_number)).toEqual(['4410228705']);
  });

  it('makes no report of option series codes under a Series title', async () => {
    const reports = await run([
      [
        ['Client account', 50, 40],
        ['5521-7730-10', 200, 40],
        ['Business date', 330, 40],
        ['8.3.2027', 430, 40],
        ['Series', 50, 70],
        ['Net position', 200, 70],
        ['Short value', 330, 70],
        ['NOKIA2C27P40', 50, 84],
        ['-500', 200, 84],
        ['-41 000,00', 330, 84],
        ['ERICB2C27P65', 50, 98],
        ['-300', 200, 98],
        ['-27 300,00', 330, 98],
        ...figures(130),
      ],
    ]);
    expect(reports.map((r) => r.account_number)).toEqual(['5521-7730-10']);
    expect(namesInstrument('Series')).toBe(true);
    expect(namesInstrument('Account / Series')).toBe(false);
  });

  it('reads no account in a date a sentence names after the word account', () => {
    expect(readAccountToken('on 31.12.2026.')).toBeNull();
    expect(readAccountToken('U 1234567')?.value).toBe('U1234567');
  });
});
