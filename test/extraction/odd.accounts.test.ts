import { describe, expect, it } from 'vitest';
import { doubtOddAccounts } from '../../src/extraction/fields/account.identity.ts';
import type { ExtractedAccount } from '../../src/extraction/fields/fields.extractor.ts';

const account = (value: string, source: 'ocr' | 'text' = 'ocr'): ExtractedAccount => ({
  account: { value, conf: 0.9, evidence: { page: 1, bbox: [0, 0, 10, 10], label: null, text: value, source } },
  date: null,
  currency: { value: 'USD', conf: 0.9 },
  fields: {},
  issues: [],
});

describe('account numbers a scan read oddly', () => {
  it('puts below review the one account whose shape differs from the others (a digit OCR added)', () => {
    const accounts = [account('727-66233'), account('125-20577'), account('8606-61044')];
    doubtOddAccounts(accounts);
    expect(accounts.map((a) => a.account!.conf)).toEqual([0.9, 0.9, 0.7]);
    expect(accounts[2]!.issues).toEqual([expect.objectContaining({ code: 'odd_account', field: 'account_number' })]);
  });

  it('puts below review an account that starts with a lone mark a speck may be, not a masked number', () => {
    const accounts = [account('*U0718377')];
    doubtOddAccounts(accounts);
    expect(accounts[0]!.account!.conf).toBe(0.7);
    const masked = [account('***1234')];
    doubtOddAccounts(masked);
    expect(masked[0]!.account!.conf).toBe(0.9);
  });

  it('puts below review an account with a mark after its first glyph, or letters among its digits', () => {
    const accounts = [
      account('7.8434651'),
      account('24E43880'),
      account('800563RB1'),
      account('U1234567'),
      account('AB-123456'),
    ];
    doubtOddAccounts(accounts);
    expect(accounts.map((a) => a.account!.conf)).toEqual([0.7, 0.7, 0.7, 0.9, 0.9]);
    expect(accounts[1]!.issues[0]!.message).toContain('"E" stands among its digits');
    const speck = [account('G9655942')];
    speck[0]!.account!.evidence!.text = '(G9655942';
    doubtOddAccounts(speck);
    expect(speck[0]!.account!.conf).toBe(0.7);
    expect(speck[0]!.issues[0]!.message).toContain('a lone "("');
    const text = [account('24E43880', 'text')];
    doubtOddAccounts(text);
    expect(text[0]!.account!.conf).toBe(0.9);
  });

  it('leaves text-layer accounts and documents whose accounts share no shape alone', () => {
    const text = [account('727-66233', 'text'), account('125-20577', 'text'), account('8606-61044', 'text')];
    doubtOddAccounts(text);
    expect(text.map((a) => a.account!.conf)).toEqual([0.9, 0.9, 0.9]);
    const mixed = [account('U1234567'), account('123-45678')];
    doubtOddAccounts(mixed);
    expect(mixed.map((a) => a.account!.conf)).toEqual([0.9, 0.9]);
  });
});
