import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../src/extraction/fields/account.labels.ts';
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
