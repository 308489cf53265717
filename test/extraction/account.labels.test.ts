import { describe, expect, it } from 'vitest';
import { findAccounts, reportAccounts } from '../../src/extraction/fields/account.labels.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { phrase } from './support/words.builder.ts';

/** The account numbers one printed line names, read as the document walker reads them. */
const accountsIn = (text: string) =>
  buildLines(phrase(text, 50, 100), 0).flatMap((l) =>
    findAccounts(segmentLine(l, { locale: 'comma', dateOrder: 'dmy', ocr: false })).map((h) => h.value),
  );

describe('an account number after a bilingual label', () => {
  it.each([
    // The first half is an account label of its own: taking the first digit group into the label cut the number.
    ['Konto-Nr. / Account: 0044 7781 23', '0044778123'],
    ['Kontonr. | Account: 5512 0098 1', '551200981'],
    ['Depot-Nr. / Account: 3301 0072 8', '330100728'],
    ['Account No. / Konto-Nr.: 31 2290 75', '31229075'],
    ['Account # / Acct: 4410 2231 90', '4410223190'],
    ['Compte n° / Account: 88 1200 417', '881200417'],
    // Halves glued at the slash are still two labels.
    ['Acct No./Account # 12 3456 78', '12345678'],
    ['Acct No. / Account # 12 3456 78', '12345678'],
  ])('reads %j as %s, first digit group included', (text, account) => {
    expect(accountsIn(text)).toEqual([account]);
  });

  it('still reads an abbreviation with a slash (A/C) as one label', () => {
    expect(accountsIn('A/C No. 7700 4412 93')).toEqual(['7700441293']);
  });
});

/** The report accounts among the account numbers of several printed lines. */
const reportsOf = (texts: string[]) => {
  const lines = texts.flatMap((t, i) =>
    buildLines(phrase(t, 50, 100 + 20 * i), 0).map((l) =>
      segmentLine(l, { locale: 'comma', dateOrder: 'dmy', ocr: false }),
    ),
  );
  const keep = reportAccounts(lines, () => false);
  return lines.flatMap((l) =>
    findAccounts(l)
      .filter(keep)
      .map((h) => h.value),
  );
};

describe('an account that is a part of another', () => {
  it('is no report where a whole account is labelled too', () => {
    expect(reportsOf(['Main account   7731-XA', 'Options sub-account   O-7731-2'])).toEqual(['7731-XA']);
    expect(reportsOf(['Account   5520-11', 'Loan account   LN-5520 (included above)'])).toEqual(['5520-11']);
    expect(reportsOf(['Portfolio account 88120', 'Component account 88120-4'])).toEqual(['88120']);
  });

  it('is the report where it is the only account labelled (a login beside it names the holder)', () => {
    expect(reportsOf(['Member ID   200417', 'Subaccount   200417-07'])).toEqual(['200417-07']);
    expect(reportsOf(['Sub-account 99120 (of user 99100)'])).toEqual(['99120']);
  });
});
