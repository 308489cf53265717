import { describe, expect, it } from 'vitest';
import { isCombinedHeading, normalizeAccount, readAccountToken } from '../../src/extraction/parse/account.parser.ts';

describe('readAccountToken', () => {
  it.each([
    [': U 1234567', 'U1234567'],
    [': 7700 4412 93', '7700441293'],
    [' 123-45678 (Individual)', '123-45678'],
    [': ABC.12345', 'ABC.12345'],
    ['No. 12345678  Margin', '12345678'],
    ['tdb 44 9021', 'TDB449021'],
    ['5WX 882140  TYPE 2', '5WX882140'],
    ['# XXXX-1234', 'XXXX-1234'],
    ['No.4471 2290', '44712290'],
    ['number: AB-5521', 'AB-5521'],
    // Letters glued to the digits are the number's prefix, not a `No` or `ID` before it.
    [': NO551872', 'NO551872'],
    [': No551872  Margin', 'NO551872'],
    ['ID30417 (Joint)', 'ID30417'],
  ])('reads %j as %s', (text, account) => {
    expect(readAccountToken(text)?.value).toBe(account);
  });

  it.each([
    [': John Smith'],
    [': 1,234.56'],
    [': 11/27/2026'],
    ['Summary'],
    ['Type: Margin'],
    [': 25,78,580.93'],
    [': 1.234,56'],
    [': 1234,56'],
    [' 2015'],
    // Signed money figures, space-grouped or not, are never accounts (they were read as 4304 and 19202.24).
    ['4 304 308,53-'],
    ['19202.24-'],
    ['(1,234.56)'],
    ['12 345,67 DR'],
    // ... nor after their currency (`Cash on Account  USD 7 517 439,99-` was read as account USD7517).
    ['USD 7 517 439,99-'],
    ['€ 1.234,56'],
  ])('refuses %j', (text) => {
    expect(readAccountToken(text)).toBeNull();
  });
});

describe('normalizeAccount', () => {
  it('upper-cases and removes spaces but keeps hyphens and dots', () => {
    expect(normalizeAccount('ch-880.214 07')).toBe('CH-880.21407');
  });
});

describe('isCombinedHeading', () => {
  it('recognises household and combined totals', () => {
    expect(isCombinedHeading('Household Total')).toBe(true);
    expect(isCombinedHeading('Combined')).toBe(true);
    expect(isCombinedHeading('Total Equity')).toBe(false);
  });
});

describe('an account number whose hyphenated number goes on in spaced digit groups', () => {
  it('reads the groups after the hyphen as one number', () => {
    expect(readAccountToken('7310-552 904 1')?.value).toBe('7310-5529041');
    expect(readAccountToken('44-0912 77')?.value).toBe('44-091277');
  });

  it('still stops at a word or a double space', () => {
    expect(readAccountToken('7310-552  904')?.value).toBe('7310-552');
    expect(readAccountToken('7310-552 USD')?.value).toBe('7310-552');
  });
});
