import { describe, expect, it } from 'vitest';
import { head, kv } from './support/alone.page.ts';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Issue 20, the identities-alone reading where structure must decide: documents whose figures add up
 * like a margin statement's under labels the vocabulary has never seen (a bank statement's opening +
 * credits − debits = closing, a loan's principal − repaid = balance), and grids whose columns all
 * satisfy the identities.
 */
const run = statementRunner();
const outcome = async (pages: Placed[][]) =>
  run(pages).then(
    (r) => r,
    (err: { code?: string }) => err.code ?? 'error',
  );

describe('documents whose figures add up by chance, under compound labels', () => {
  it('refuses an Estonian bank statement (compound balance words) whose opening + credits − debits = closing, available = closing − reserved', async () => {
    const r = await outcome([
      [
        ...head('VÄLJAVÕTE', 'Konto nr: EE-38220011', 'Kuupäev: 07.12.2026'),
        ...kv(110, [
          ['Algsaldo', '10.000,00'],
          ['Laekumised', '2.700,00'],
          ['Väljamaksed', '-3.700,00'],
          ['Lõppsaldo', '9.000,00'],
          ['Broneeritud', '500,00'],
          ['Kasutatav', '8.500,00'],
          ['Intress', '0,00'],
        ]),
      ],
    ]);
    expect(r).toBe('extraction.no_margin_data');
  });

  it('holds below review whatever it reads of a statement whose balance labels share nothing (a ledger it cannot tell)', async () => {
    // Nonsense wording: nothing in the labels tells an opening balance from cash; if the figures are
    // read at all, every one is below review with the reason, and the report needs review.
    const r = await outcome([
      [
        ...head('VOXAMIDU', 'Kexo nr: XV-38220011', 'Dixu: 07.12.2026'),
        ...kv(110, [
          ['Moxuvi', '10.000,00'],
          ['Taxebun', '2.700,00'],
          ['Sixopal', '-3.700,00'],
          ['Rexofin', '9.000,00'],
          ['Buxamet', '500,00'],
          ['Kaxotiv', '8.500,00'],
          ['Nixupe', '0,00'],
        ]),
      ],
    ]);
    if (typeof r === 'string') expect(r).toBe('extraction.no_margin_data');
    else
      for (const report of r) {
        expect(report.needs_review).toBe(true);
        for (const [f, c] of Object.entries(report.confidence.fields).filter(([f]) => f in report.fields)) {
          expect(c).toBeLessThan(0.8);
          expect(report.issues.some((i) => i.code === 'identities_alone' && i.field === f)).toBe(true);
        }
      }
  });
});

/** One grid, two columns of the same statement (this month and the last), each adding up. */
const grid = (titles: [string, string]): Placed[][] => [
  [
    ...head('TAGATISKONTO VÄLJAVÕTE', 'Konto: EE-5521094', 'Seisuga: 07.12.2026'),
    ['Näitaja', 60, 110],
    [titles[0], 300, 110],
    [titles[1], 420, 110],
    ...rows(
      128,
      16,
      [60, 300, 420],
      [
        ['Raha', '52.300,00', '48.100,00'],
        ['Pikad positsioonid', '410.000,00', '395.500,00'],
        ['Lühikesed positsioonid', '-61.700,00', '-58.200,00'],
        ['Netoväärtus', '400.600,00', '385.400,00'],
        ['Nõutav tagatis', '98.400,00', '96.350,00'],
        ['Ülejääk', '302.200,00', '289.050,00'],
        ['Lisatagatise nõue', '0,00', '0,00'],
      ],
    ),
  ],
];
const FIRST = { total_equity: 400_600, maintenance_requirement: 98_400, excess_liquidity: 302_200, margin_call: 0 };
const SECOND = { total_equity: 385_400, maintenance_requirement: 96_350, excess_liquidity: 289_050, margin_call: 0 };

describe('a grid whose columns all satisfy the identities', () => {
  it('reads the column whose title the vocabulary reads as current, wherever it is printed', async () => {
    const [a] = await run(grid(['Current', 'Eelmine kuu']));
    expect(a!.fields).toMatchObject(FIRST);
    const [b] = await run(grid(['Eelmine kuu', 'Current']));
    expect(b!.fields).toMatchObject({ ...SECOND, cash_balance: 48_100, long_market_value: 395_500 });
    expect(Object.values(b!.confidence.fields).filter((c) => c >= 0.8)).toEqual([0.9]); // the account only
  });

  it('reads the column under the latest date its title prints (the earlier is never offered: dated.columns.ts)', async () => {
    const [r] = await run(grid(['Seis 30.11.2026', 'Seis 07.12.2026']));
    expect(r!.fields).toMatchObject(SECOND);
  });

  it('reads the first printed column under titles it cannot read, every part held at 0.55 with the reason', async () => {
    const [r] = await run(grid(['Kuu lõpp', 'Eelmine kuu']));
    expect(r?.fields).toMatchObject(FIRST);
    expect(r?.needs_review).toBe(true);
    for (const f of Object.keys(FIRST)) {
      expect(r!.confidence.fields[f]).toBeLessThanOrEqual(0.55);
      const issue = r!.issues.find((i) => i.code === 'identities_alone' && i.field === f);
      expect(issue?.message).toContain('the first printed of 2 columns');
    }
  });
});

describe('a grid whose columns are accounts', () => {
  it('chooses no column where the titles are account identifiers (a column per account is no earlier period)', async () => {
    const reports = await run(grid(['EE-5521094', 'EE-5521095']));
    // Each account from its own column, never the first column passed off as both.
    expect(reports.map((x) => [x.account_number, x.fields.total_equity])).toEqual([
      ['EE-5521094', 400_600],
      ['EE-5521095', 385_400],
    ]);
  });
});

describe('requirement and excess told apart by print order only', () => {
  it('holds both at 0.55 with the reason, where no buying power, sign or initial requirement tells them', async () => {
    const [r] = await run([
      [
        ...head('TAGATISKONTO VÄLJAVÕTE', 'Konto: EE-5521094', 'Seisuga: 07.12.2026'),
        ...kv(110, [
          ['Raha', '52.300,00'],
          ['Pikad positsioonid', '410.000,00'],
          ['Lühikesed positsioonid', '-61.700,00'],
          ['Netoväärtus', '400.600,00'],
          ['Nõutav tagatis', '98.400,00'],
          ['Ülejääk', '302.200,00'],
          ['Lisatagatise nõue', '0,00'],
        ]),
      ],
    ]);
    for (const f of ['maintenance_requirement', 'excess_liquidity']) {
      expect(r!.confidence.fields[f]).toBe(0.55);
      expect(r!.issues.find((i) => i.field === f)?.message).toContain('print order only');
    }
  });
});
