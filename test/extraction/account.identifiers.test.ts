import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { namesAccountNoun, namesHolder, namesNoAccount } from '../../src/extraction/vocabulary/account.identifiers.ts';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Which printed identifier is the account the figures belong to. A holder's identifier (a client,
 * customer or user number) is the account only where no account label prints a number; a legal
 * entity, tax, bank, statement or order number never is; where two numbers stay equally likely and
 * no label says which is the account, the account goes to review with the reason.
 */
const run = statementRunner();
const kv = (top: number, pairs: [string, string][]): Placed[] => rows(top, 16, [60, 330], pairs);
const FIGURES: [string, string][] = [
  ['Net Liquidating Equity', '84,310.55'],
  ['Maintenance Margin', '30,002.10'],
  ['Margin Excess', '54,308.45'],
];
const page = (head: Placed[]) => run([[['Valuation as of 2026-11-27', 330, 30], ...head, ...kv(120, FIGURES)]]);
const unsure = (r: { issues: { code: string; field?: string }[] }) =>
  r.issues.some((i) => i.code === 'unsure_account' && i.field === 'account_number');

describe('a holder’s number beside an account’s', () => {
  it('takes the futures account’s number, not the customer number printed left of it on its line', async () => {
    const [r] = await page([
      ['Customer No.', 60, 60],
      ['KX-20931', 150, 60],
      ['Futures Account', 330, 60],
      ['5120-7734', 440, 60],
    ]);
    expect(r!.account_number).toBe('5120-7734');
    expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
  });

  it('takes the margin account’s number where the client identifier is printed right of it', async () => {
    const [r] = await page([
      ['Margin Account', 60, 60],
      ['5120-7734', 170, 60],
      ['Client Identifier', 330, 60],
      ['KX-20931', 440, 60],
    ]);
    expect(r!.account_number).toBe('5120-7734');
    expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
  });

  it('takes the account’s number whether the user number stands on the line above or below it', async () => {
    for (const order of [
      [
        ['User ID', 'Z0991823'],
        ['Securities Account No.', '61-00482-7'],
      ],
      [
        ['Securities Account No.', '61-00482-7'],
        ['Member Number', 'Z0991823'],
      ],
    ]) {
      const [r] = await page(rows(60, 14, [60, 200], order));
      expect(r!.account_number, order[0]![0]).toBe('61-00482-7');
      expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
      expect(unsure(r!)).toBe(false);
    }
  });

  it('keeps an account label’s number confident where it is the only identifier', async () => {
    const [r] = await page([
      ['Account Number', 60, 60],
      ['61-00482-7', 200, 60],
    ]);
    expect(r!.account_number).toBe('61-00482-7');
    expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
    expect(unsure(r!)).toBe(false);
  });

  it('keeps an account confident under an account label in another language, beside a client number', async () => {
    const [r] = await page([
      ['Rekeningnummer', 60, 60],
      ['3390 1174', 200, 60],
      ['Klantnummer', 330, 60],
      ['K-518844', 440, 60],
    ]);
    expect(r!.account_number).toBe('33901174');
    expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
    expect(unsure(r!)).toBe(false);
  });

  it('takes a platform’s user number for the account where nothing else is printed', async () => {
    const [r] = await page([
      ['User ID', 60, 60],
      ['40719522', 200, 60],
    ]);
    expect(r!.account_number).toBe('40719522');
    expect(r!.confidence.fields.account_number).toBeGreaterThanOrEqual(0.8);
  });
});

describe('two numbers and no label saying which is the account', () => {
  it('flags a client number when another account-shaped number stands in the head without a label', async () => {
    const [r] = await page([
      ['Client ID', 60, 60],
      ['KX-20931', 200, 60],
      ['5120-7734', 440, 75],
    ]);
    expect(['KX-20931', '5120-7734']).toContain(r!.account_number);
    expect(r!.confidence.fields.account_number).toBeLessThan(0.8);
    expect(unsure(r!)).toBe(true);
  });

  it('flags two unlabelled account-shaped numbers in the head', async () => {
    const [r] = await page([
      ['Northgate Securities', 60, 45],
      ['5120-7734', 60, 60],
      ['RT-448120', 440, 60],
    ]);
    expect(['5120-7734', 'RT-448120']).toContain(r!.account_number);
    expect(r!.confidence.fields.account_number).toBeLessThan(0.8);
    expect(unsure(r!)).toBe(true);
    expect(r!.issues.find((i) => i.code === 'unsure_account')!.message).toMatch(/5120-7734|RT-448120/);
  });

  it('never takes a tax, entity or statement number for the account', async () => {
    for (const label of ['Tax ID', 'LEI', 'Statement No.', 'Order Ref']) {
      const [r] = await page([
        [label, 60, 60],
        ['12-3456789', 200, 60],
      ]);
      expect(r!.account_number, label).not.toBe('12-3456789');
    }
  });
});

describe('the identifier vocabulary', () => {
  it('tells a holder’s label from an account’s and from a label that names no account', () => {
    for (const l of ['Client ID', 'Customer No.', 'User ID', 'Login', 'CIF', 'Portfolio ID', 'Kundennummer'])
      expect(namesHolder(l), l).toBe(true);
    for (const l of ['Client Account No.', 'Trading Account', 'A/C No.', 'Sub-account UID', 'Kontonummer'])
      expect(namesHolder(l), l).toBe(false);
    expect(namesAccountNoun('Margin Acct #')).toBe(true);
    for (const l of ['LEI', 'Tax ID', 'IBAN', 'Statement Number', 'Ticket', 'Your reference'])
      expect(namesNoAccount(l), l).toBe(true);
    for (const l of ['Account Ref', 'Account Number', 'Client ID']) expect(namesNoAccount(l), l).toBe(false);
  });
});

describe('a cash-and-investments valuation', () => {
  it('reads the investments line as the long market value, confirmed by cash plus investments = total', async () => {
    const [r] = await run([
      [
        ['Account', 60, 40],
        ['ISA 7730-118-02', 200, 40],
        ['Valuation date 28/11/2026', 330, 40],
        ...kv(80, [
          ['Value of investments', '£58,904.12'],
          ['Cash', '£2,310.40'],
          ['Total value', '£61,214.52'],
        ]),
      ],
    ]);
    expect(r!.fields.long_market_value).toBe(58_904.12);
    expect(r!.fields.cash_balance).toBe(2_310.4);
    expect(r!.fields.total_equity).toBe(61_214.52);
    expect(r!.confidence.fields.long_market_value).toBeGreaterThanOrEqual(0.8);
  });

  it('takes investments and holdings values for long market value, a total portfolio value for equity', () => {
    for (const l of ['Investments', 'Total investments', 'Holdings value', 'Value of holdings'])
      expect(matchLabel(l)?.target, l).toBe('long_market_value');
    expect(matchLabel('Total portfolio value')?.target).toBe('total_equity');
    expect(matchLabel('Cash and cash investments')?.target).toBe('cash_balance');
  });
});

describe('an account label above another account label in an aside', () => {
  it('flags the one report when the account label above it got no figures of its own', async () => {
    const [r, extra] = await page([
      ['Account No.', 60, 60],
      ['5120-7734', 200, 60],
      ['Correspondent', 60, 75],
      ['771', 200, 75],
      ['(carrying firm acct 771-40218)', 240, 75],
    ]);
    expect(extra).toBeUndefined();
    expect(['5120-7734', '771-40218']).toContain(r!.account_number);
    if (r!.account_number === '771-40218') {
      expect(r!.confidence.fields.account_number).toBeLessThan(0.8);
      expect(unsure(r!)).toBe(true);
    }
  });
});
