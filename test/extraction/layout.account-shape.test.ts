import { describe, expect, it } from 'vitest';
import type { Segmented } from '../../src/extraction/layout/segments.ts';
import { accountShape, accountShapes, fitAccounts, mendAccount } from '../../src/extraction/memory/account.shape.ts';
import { planTeaching } from '../../src/extraction/memory/layout.teach.ts';
import { memoryHarness } from './support/memory.harness.ts';
import { type Placed, rows } from './support/pdf.builder.ts';

/** Lines that print the given words (all mending reads of a line). */
const printing = (...words: string[]) => words.map((text) => ({ segs: [{ text }] }) as unknown as Segmented);

describe('the shape of a layout’s accounts', () => {
  it('is the account with each run of digits a 9, letters and marks as printed', () => {
    expect(accountShape('U3181430')).toBe('U9');
    expect(accountShape('U45606240')).toBe('U9');
    expect(accountShape('860-61044')).toBe('9-9');
    expect(accountShapes(['U3181430', 'U45606240', null, '860-61044'])).toEqual(['U9', '9-9']);
  });

  it('drops a speck a scan read into the account, never a digit or a letter', () => {
    expect(mendAccount('*U0718377', ['U9'], [])).toBe('U0718377');
    expect(mendAccount('U0718377', ['U9'], [])).toBeNull();
    expect(mendAccount('*U0718377', [], [])).toBeNull();
    // Digits around the number are never dropped: which are extra, the shape cannot tell.
    expect(mendAccount('7-U0718377', ['U9'], [])).toBeNull();
    // Nor a letter: another kind of account of the layout.
    expect(mendAccount('DU0718377', ['U9'], [])).toBeNull();
  });

  it('takes the account from another printing of that shape one character away, only when one is', () => {
    expect(mendAccount('0718377', ['U9'], printing('Account', 'U0718377'))).toBe('U0718377');
    expect(mendAccount('0718377', ['U9'], printing('U0718377', 'U718377'))).toBeNull();
    expect(mendAccount('0718377', ['U9'], printing('U3181430'))).toBeNull();
  });

  it('leaves a mended account below review', () => {
    const accounts = [{ account: { value: '*U0718377', conf: 0.95 } }, { account: { value: 'U0718378', conf: 0.95 } }];
    fitAccounts(accounts, ['U9'], []);
    expect(accounts[0]!.account).toEqual({ value: 'U0718377', conf: 0.75 });
    expect(accounts[1]!.account).toEqual({ value: 'U0718378', conf: 0.95 });
  });
});

const { read, teach, extract } = memoryHarness();

function statement(account: string, equity: string, footer: string): Placed[][] {
  return [
    [
      ['Quillon Securities Daily Risk Snapshot', 50, 40, 14],
      ['Account', 50, 70],
      [account, 130, 70],
      ...rows(
        110,
        16,
        [50, 330],
        [
          ['Net Liquidating Value', equity],
          ['House Maintenance Requirement', '400,000.00'],
          ['Collateral Headroom Reserve', '77,120.50'],
        ],
      ),
      [`${footer} Quillon Securities, member FINRA and SIPC.`, 50, 200, 8],
    ] as Placed[],
  ];
}

describe('an account read otherwise than the layout prints its accounts', () => {
  it('teaching stores the taught account’s shape with the layout, not the number', async () => {
    const one = await read(statement('U3181430', '1,250,000.00', 'U3181430'));
    const plan = planTeaching(one.doc, [{ account: 'U3181430', fields: { total_equity: 1250000 } }], []);
    expect(plan.fingerprint.accounts).toEqual(['U9']);
    expect(JSON.stringify(plan.fingerprint)).not.toContain('3181430');
  });

  it('comes out in the layout’s shape after one taught statement', async () => {
    const one = await read(statement('U45606240', '1,250,000.00', 'Ref. U45606240'));
    const two = await read(statement('*U0718377', '2,005,300.10', 'Ref. U0718377'));
    const plain = await extract(two.bytes);
    expect(plain.account_number).toBe('*U0718377');
    const memory = teach([{ doc: one.doc, reports: [{ account: 'U45606240', fields: { total_equity: 1250000 } }] }]);
    const after = await extract(two.bytes, memory);
    expect(after.account_number).toBe('U0718377');
    expect(after.confidence.fields.account_number).toBeLessThan(0.8);
    expect(after.needs_review).toBe(true);
  });
});
