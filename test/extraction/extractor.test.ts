import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { reportSchema } from '../../src/core/report/report.schema.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, type Placed, rows } from './support/pdf.builder.ts';

const now = () => new Date('2026-12-01T12:00:00Z');
const extractor = createExtractor({
  maxFileBytes: 5 * 1024 * 1024,
  maxPages: 5,
  timeoutMs: 60_000,
  ocrWorkers: 1,
  now,
});
afterAll(() => extractor.close());

const run = async (pages: Placed[][], fileName = 'statement.pdf') =>
  extractor.extract({ bytes: await buildTextPdf(pages), fileName });

const refusal = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('createExtractor on text PDFs', () => {
  it('reads the current column of a comparison table and ignores prior-day and change columns', async () => {
    const out = await run([
      [
        ['Acme Clearing LLC - Daily Margin Summary', 50, 50],
        ['Account: U 1234567', 50, 70],
        ['Statement Date: 11/27/2026', 350, 70],
        ['Printed: 11/28/2026 06:00', 50, 86],
        ['Base Currency: USD', 350, 86],
        ...rows(
          110,
          16,
          [50, 300, 400, 500],
          [
            [null, 'Current', 'Prior Day', 'Change'],
            ['Net Liquidation Value', '1,234,567.89', '1,200,000.00', '34,567.89'],
            ['Maint. Req.', '456,789.00', '450,000.00', '6,789.00'],
            ['Excess/(Deficit)', '777,778.89', '750,000.00', '27,778.89'],
            ['Day Trading Buying Power', '4,000,000.00'],
            ['Buying Power', '3,111,115.56'],
            ['Short Market Value', '(85,432.11)'],
            ['Margin Call', 'None'],
          ],
        ),
      ],
    ]);
    expect(out.method).toBe('text');
    expect(out.pages).toBe(1);
    expect(out.reports).toHaveLength(1);
    const r = out.reports[0]!;
    expect(() => reportSchema.parse(r)).not.toThrow();
    expect(r).toMatchObject({
      account_number: 'U1234567',
      report_date: '2026-11-27',
      currency: 'USD',
      source_file_name: 'statement.pdf',
    });
    expect(r.fields).toEqual({
      total_equity: 1234567.89,
      maintenance_requirement: 456789,
      excess_liquidity: 777778.89,
      buying_power: 3111115.56,
      short_market_value: -85432.11,
      margin_call: 0,
    });
    expect(r.needs_review).toBe(false);
    // Every value says where it was printed; the prior-day figure lost, and says why.
    for (const k of [...Object.keys(r.fields), 'account_number', 'report_date'])
      expect(r.evidence?.[k], k).toMatchObject({ page: 1, source: 'text' });
    expect(r.evidence?.currency).toMatchObject({ text: 'USD' });
    expect(r.evidence!.total_equity).toMatchObject({ label: 'Net Liquidation Value', text: '1,234,567.89' });
    const [x0, y0, x1, y1] = r.evidence!.total_equity!.bbox;
    expect(x0).toBeGreaterThanOrEqual(295);
    expect(x1).toBeGreaterThan(x0);
    expect(y0).toBeGreaterThan(110);
    expect(y1).toBeLessThan(150);
    expect(r.evidence!.account_number!.text).toContain('1234567');
  });

  it('sends a currency printed nowhere to review, and reads a code standing alone in the header', async () => {
    const page = (extra: Placed[]) => [
      ['Daily Margin Summary', 50, 50] as Placed,
      ['Account: U 7654321', 50, 70] as Placed,
      ...extra,
      ...rows(
        110,
        16,
        [50, 300],
        [
          ['Net Liquidation Value', '500,000.00'],
          ['Maintenance Requirement', '200,000.00'],
          ['Excess Liquidity', '300,000.00'],
        ],
      ),
    ];
    const guessed = (await run([page([])])).reports[0]!;
    expect(guessed.currency).toBe('USD');
    expect(guessed.confidence.fields.currency).toBeLessThan(0.8);
    expect(guessed.needs_review).toBe(true);
    const lone = (
      await run([
        page([
          ['Figures in', 350, 70],
          ['CHF', 450, 70],
        ]),
      ])
    ).reports[0]!;
    expect(lone.currency).toBe('CHF');
    expect(lone.evidence?.currency).toMatchObject({ text: 'CHF' });
  });

  it('never takes a number printed under another account’s label for the report’s account', async () => {
    const r = (
      await run([
        [
          ['Daily Margin Summary', 50, 50],
          ['Account Nbr', 50, 70],
          ['Linked Funding Acct', 200, 70],
          ['Valuation as of', 380, 70],
          ['Z9277083', 50, 84],
          ['LF393226', 200, 84],
          ['2026-06-22', 380, 84],
          ...rows(
            120,
            16,
            [50, 300],
            [
              ['Net Liquidation Value', '500,000.00'],
              ['Maintenance Requirement', '200,000.00'],
              ['Excess Liquidity', '300,000.00'],
            ],
          ),
        ],
      ])
    ).reports[0]!;
    expect(r.account_number).not.toBe('LF393226');
    if (r.account_number !== 'Z9277083') expect(r.confidence.fields.account_number).toBeLessThan(0.8);
  });

  it('reads both halves of a two-column summary', async () => {
    const out = await run([
      [
        ['Acct No.: T-5520-1187', 50, 60],
        ['As of: November 14, 2025', 330, 60],
        ...rows(
          100,
          16,
          [50, 180, 330, 460],
          [
            ['Securities Long', '$122,783.20', 'Initial Req.', '$61,391.60'],
            ['Money Balance', '-$79,870.09', 'Maint. Req.', '$49,113.28'],
            ['Account Equity', '$42,913.11', 'Excess/(Deficit)', '-$6,200.17'],
            ['Prior Day Equity', '$43,849.53', 'Buying Power', '$7,282.80'],
            ['House Call', '$6,200.17', null, null],
          ],
        ),
      ],
    ]);
    expect(out.reports[0]).toMatchObject({
      account_number: 'T-5520-1187',
      report_date: '2025-11-14',
      fields: {
        long_market_value: 122783.2,
        cash_balance: -79870.09,
        total_equity: 42913.11,
        initial_requirement: 61391.6,
        maintenance_requirement: 49113.28,
        excess_liquidity: -6200.17,
        buying_power: 7282.8,
        margin_call: 6200.17,
      },
    });
  });

  it('gives one report per account and none for the household total', async () => {
    const account = (n: string, equity: string, maint: string, excess: string): Placed[] => [
      [`Account ${n} (Individual - Margin)`, 50, 60],
      ['Statement period: 07/01/2026 to 07/31/2026', 50, 80],
      ...rows(
        110,
        16,
        [50, 400],
        [
          ['Account Value', equity],
          ['Maintenance Requirement', maint],
          ['Maintenance Excess', excess],
        ],
      ),
    ];
    const out = await run([
      [
        ['Household Summary - Period ending July 31, 2026', 50, 50],
        ...rows(
          100,
          16,
          [50, 200, 400],
          [
            ['Account', 'Account Value', 'Maint. Requirement'],
            ['123.45678', '$412,282.55', '$340,319.17'],
            ['123.45690', '$238,746.43', '$66,823.62'],
            ['Household Total', '$651,028.98', '$407,142.79'],
          ],
        ),
      ],
      account('123.45678', '$412,282.55', '$340,319.17', '$71,963.38'),
      account('123.45690', '$238,746.43', '$66,823.62', '$171,922.81'),
    ]);
    expect(out.reports.map((r) => r.account_number).sort()).toEqual(['123.45678', '123.45690']);
    for (const r of out.reports) expect(r.report_date).toBe('2026-07-31');
    expect(out.reports.find((r) => r.account_number === '123.45690')!.fields).toMatchObject({
      total_equity: 238746.43,
      maintenance_requirement: 66823.62,
      excess_liquidity: 171922.81,
    });
  });

  it('takes the converted base-currency total of a multi-currency futures statement', async () => {
    const out = await run([
      [
        ['KESTREL FUTURES GROUP, INC.', 40, 40],
        ['STATEMENT DATE: 09-Jul-25', 350, 55],
        ['ACCOUNT NUMBER: KFG-88214', 350, 68],
        ...rows(
          120,
          12,
          [40, 210, 290, 370, 450],
          [
            [null, 'BRITISH POUND', 'US DOLLAR', 'EURO', 'CONVERTED TOTAL GBP'],
            ['BEGINNING BALANCE', '867,054.30', '258,463.75', '349,020.29', '1,367,654.73'],
            ['ENDING BALANCE (LEDGER)', '888,987.22', '268,242.91', '349,462.33', '1,397,664.03'],
            ['NET LIQUIDATING VALUE', '875,516.06', '276,780.76', '357,454.86', '1,397,718.81'],
            ['INITIAL MARGIN REQUIREMENT', '519,266.61', '191,886.86', '118,539.92', '771,259.50'],
            ['MAINTENANCE MARGIN REQUIREMENT', '472,013.35', '174,425.16', '107,752.79', '701,074.89'],
            ['EXCESS/(DEFICIT)', '356,249.45', '84,893.90', '238,914.94', '626,459.31'],
          ],
        ),
        ['MARGIN CALL: NONE', 40, 220],
      ],
    ]);
    expect(out.reports[0]).toMatchObject({
      account_number: 'KFG-88214',
      report_date: '2025-07-09',
      currency: 'GBP',
      fields: {
        cash_balance: 1397664.03,
        total_equity: 1397718.81,
        initial_requirement: 771259.5,
        maintenance_requirement: 701074.89,
        excess_liquidity: 626459.31,
        margin_call: 0,
      },
    });
  });

  it('reads figures from the sentences of a margin call letter, the house call over the Fed call', async () => {
    const out = await run([
      [
        ['04/06/2026', 50, 100],
        ['RE: Account TDB-300917 - MARGIN CALL NOTICE', 50, 140],
        ['As of the close of business on 04/02/2026, the equity in your margin account was', 50, 170],
        ['$24,156.79, which is below our house maintenance requirement of $27,606.93. As a', 50, 184],
        ['result, a house maintenance call of $3,450.14 has been issued on your account. In addition,', 50, 198],
        ['a Federal (Regulation T) call of $3,813.09 remains open from a purchase on 03/30/2026.', 50, 212],
      ],
    ]);
    expect(out.reports[0]).toMatchObject({
      account_number: 'TDB-300917',
      report_date: '2026-04-02',
      fields: { total_equity: 24156.79, maintenance_requirement: 27606.93, margin_call: 3450.14 },
    });
  });

  it('flags rather than trusts figures that contradict each other', async () => {
    const out = await run([
      [
        ['Account: 5551-2345', 50, 60],
        ['As of 11/27/2026', 50, 76],
        ...rows(
          100,
          16,
          [50, 300],
          [
            ['Total Equity', '100,000.00'],
            ['Maintenance Requirement', '30,000.00'],
            ['Excess Liquidity', '75,000.00'],
          ],
        ),
      ],
    ]);
    const r = out.reports[0]!;
    expect(r.needs_review).toBe(true);
    expect(r.issues.map((i) => i.field)).toContain('excess_liquidity');
  });
});

describe('createExtractor refusals', () => {
  it('refuses an empty file, a non-PDF and an oversized file with plain sentences', async () => {
    expect((await refusal(extractor.extract({ bytes: new Uint8Array(), fileName: 'x.pdf' }))).code).toBe('input.empty');
    const text = await refusal(extractor.extract({ bytes: new TextEncoder().encode('hello'), fileName: 'x.pdf' }));
    expect(text.code).toBe('input.not_pdf');
    expect(text.message).not.toMatch(/\n|at |Error/);
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    expect((await refusal(extractor.extract({ bytes: big, fileName: 'x.pdf' }))).code).toBe('input.too_large');
  });

  it('refuses a PDF with more pages than allowed', async () => {
    const pages = Array.from({ length: 6 }, () => [['Total Equity 1.00', 50, 50]] as Placed[]);
    expect((await refusal(run(pages))).code).toBe('input.too_many_pages');
  });

  it('refuses a damaged PDF', async () => {
    const bytes = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
    );
    expect((await refusal(extractor.extract({ bytes, fileName: 'x.pdf' }))).code).toBe('extraction.corrupt_pdf');
  });

  it('refuses a PDF that holds no margin figures', async () => {
    const err = await refusal(
      run([
        [
          ['Dear customer, thank you for your business.', 50, 50],
          ['Lunch menu: soup 4.50', 50, 70],
        ],
      ]),
    );
    expect(err.code).toBe('extraction.no_margin_data');
  });

  it('refuses a trade confirmation whose only figure is a net amount due', async () => {
    const err = await refusal(
      run([
        [
          ['TRADE CONFIRMATION', 50, 40],
          ['Account: 7731-40928   Trade Date: 12/04/2026   Settlement Date: 12/07/2026', 50, 70],
          ['Bought 300 ACME @ 142.85', 50, 100],
          ['Net Amount Due', 50, 130],
          ['42,879.90', 300, 130],
        ],
      ]),
    );
    expect(err.code).toBe('extraction.no_margin_data');
  });

  it('reads a notice whose only figure is a call under a clear margin-call label', async () => {
    const { reports } = await run([
      [
        ['Account: 7731-40928   As of 12/04/2026', 50, 70],
        ['Margin Call', 50, 130],
        ['42,879.90', 300, 130],
      ],
    ]);
    expect(reports[0]!.fields.margin_call).toBe(42879.9);
  });

  it('refuses a yearly interest summary whose only figure is a loan balance', async () => {
    const err = await refusal(
      run([
        [
          ['Yearly Interest Summary', 50, 40],
          ['Loan account: 55-881230', 50, 70],
          ['Period 1 January 2026 to 31 December 2026', 50, 90],
          ['Interest debited during the year', 50, 130],
          ['4,210.00', 400, 130],
          ['Debit balance at 1 January 2026', 50, 150],
          ['88,000.00 DR', 400, 150],
        ],
      ]),
    );
    expect(err.code).toBe('extraction.no_margin_data');
  });

  it('refuses a fee report whose only margin figure is a 0', async () => {
    const err = await refusal(
      run([
        [
          ['Monthly Borrow Fee Report', 50, 40],
          ['Account: 55-881230   Period ending 11/30/2026', 50, 70],
          ['Borrow fees accrued', 50, 130],
          ['3,412.60', 400, 130],
          ['Short market value', 50, 150],
          ['0.00', 400, 150],
        ],
      ]),
    );
    expect(err.code).toBe('extraction.no_margin_data');
  });

  it('reads a lone balance beside a clear margin-call label', async () => {
    const { reports } = await run([
      [
        ['Account: 55-881230   As of 12/04/2026', 50, 70],
        ['Debit balance', 50, 110],
        ['88,000.00 DR', 400, 110],
        ['Margin call', 50, 130],
        ['None', 400, 130],
      ],
    ]);
    expect(reports[0]!.fields.cash_balance).toBe(-88000);
  });

  it('stops at the time limit', async () => {
    const hasty = createExtractor({ maxFileBytes: 1e7, maxPages: 5, timeoutMs: 1, ocrWorkers: 1 });
    const err = await refusal(
      hasty.extract({
        bytes: await buildTextPdf([
          [
            ['Total Equity', 50, 50],
            ['1.00', 300, 50],
          ],
        ]),
        fileName: 'x.pdf',
      }),
    );
    expect(err.code).toBe('extraction.timeout');
    await hasty.close();
  });
});
