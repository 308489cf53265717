import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Statements in shapes the project was not built on: a row-per-account table whose figures are too
 * wide for their columns, a currency column, a currency or "no call" printed in the label's own cell,
 * and the account and currency words of other markets and of derivatives platforms.
 */
const run = statementRunner();
const kv = (top: number, pairs: [string, string][]): Placed[] => rows(top, 16, [60, 330], pairs);

const COLS = [40, 130, 215, 300, 385, 470];
const TITLES = rows(60, 12, COLS, [
  ['', 'Acct Net', 'House Min.', 'Maint. Level', 'Maint. Call', 'Cash Ledger'],
  ['Account Reference', 'Worth', 'Floor', 'Cushion', 'Due Now', 'Sum'],
]);

describe('statements in unseen shapes', () => {
  it('gives every account of a crowded row table a report: a code or sign split off a figure flags it, never drops it', async () => {
    const reports = await run([
      [
        ['Keel Harbour Clearing', 40, 30, 14],
        ...TITLES.map(([t, x, y]) => [t, x, y + 30] as Placed),
        ...rows(125, 16, COLS, [
          ['KH-401122', 'USD 451 057,26', 'USD 158 111,28', 'USD 292 945,98', 'NONE', 'USD 35 177,14'],
          ['KH-401178', 'USD 5 247 169,67', 'USD 1 342 952,15', 'USD 3 904 217,52', 'NIL', 'USD 1 775 952,98'],
        ]),
      ],
      [
        ...TITLES,
        // Figures too wide for their columns: the reader finds `USD`, `-USD` and `NONEUSD` apart from them.
        ['KH-402210', 40, 95],
        ['USD 20 151 122,54', 130, 95],
        ['USD 8 424 243,85', 215, 95],
        ['USD', 287, 95],
        ['11 726 878,69', 308, 95],
        ['USD 0,00', 385, 95],
        ['-USD', 450, 95],
        ['7 069 243,53', 472, 95],
        ['KH-402297', 40, 111],
        ['USD 97 472 478,63', 130, 111],
        ['USD 126 146 617,66', 215, 111],
        ['USD 28 674 139,03', 300, 111],
        ['NONEUSD', 385, 111],
        ['13 480 795,57', 472, 111],
        ['Page Subtotal', 40, 131],
        ...rows(131, 16, COLS.slice(1), [
          ['USD 117 623 601,17', 'USD 134 570 861,51', 'USD 16 947 260,34', 'USD 0,00', 'USD 6 411 552,04'],
        ]),
      ],
    ]);
    const accounts = reports.map((r) => r.account_number).sort();
    expect(accounts).toEqual(['KH-401122', 'KH-401178', 'KH-402210', 'KH-402297']);
    for (const id of ['KH-402210', 'KH-402297']) {
      const r = reports.find((x) => x.account_number === id)!;
      expect(r.needs_review).toBe(true);
    }
  });

  it("takes a row table's currency column for its accounts' currency", async () => {
    const reports = await run([
      [
        ['Summit Prime Services', 50, 40, 14],
        ['Report Date 2026-11-24', 350, 60],
        ...rows(
          100,
          15,
          [40, 140, 240, 340, 440, 520],
          [
            ['Account', 'Equity', 'Maint Req', 'Excess', 'Call', 'Ccy'],
            ['SP-10021', '500.000,00', '200.000,00', '300.000,00', '0,00', 'EUR'],
            ['SP-10022', '120.000,00', '150.000,00', '-30.000,00', '30.000,00', 'EUR'],
            ['SP-10023', '80.000,00', '20.000,00', '60.000,00', '0,00', 'EUR'],
            ['PAGE TOTAL', '700.000,00', '370.000,00', '330.000,00', '30.000,00', ''],
          ],
        ),
      ],
    ]);
    expect(reports).toHaveLength(3);
    for (const r of reports) {
      expect(r.currency).toBe('EUR');
      expect(r.confidence.fields.currency).toBeGreaterThanOrEqual(0.8);
    }
    expect(reports.find((r) => r.account_number === 'SP-10022')!.fields.margin_call).toBe(30_000);
  });

  for (const [label, code] of [
    ['Currency AUD', 'AUD'],
    ['Reference currency CHF', 'CHF'],
    ['Devise EUR', 'EUR'],
    ['Währung CHF', 'CHF'],
  ] as const) {
    it(`reads the currency from "${label}" printed in one cell`, async () => {
      const [r] = await run([
        [
          ['Harbour Bridge Securities', 50, 40, 14],
          ['Account 2201-8841', 50, 90],
          ['Statement date 2026-11-05', 350, 90],
          [label, 350, 106],
          ...kv(140, [
            ['Net Equity', '270,000.00'],
            ['Maintenance Requirement', '100,000.00'],
            ['Excess Liquidity', '170,000.00'],
          ]),
        ],
      ]);
      expect(r!.currency).toBe(code);
    });
  }

  it('reads key figures as groups of Current | Prior Day | Change under one title each, drawn in scrambled order', async () => {
    const tiles: Placed[] = [
      ['Net Liquidation Value', 60, 110, 11],
      ['Maintenance Requirement', 320, 110, 11],
      ['Excess Liquidity', 60, 180, 11],
    ];
    for (const [x, y, figures] of [
      [60, 128, ['1,050,000.00', '1,100,000.00', '-50,000.00']],
      [320, 128, ['400,000.00', '380,000.00', '20,000.00']],
      [60, 198, ['650,000.00', '720,000.00', '-70,000.00']],
    ] as const) {
      ['Current', 'Prior Day', 'Change'].forEach((title, i) => {
        tiles.push([title, x + i * 95, y, 8], [figures[i]!, x + i * 95, y + 12]);
      });
    }
    // Content-stream order means nothing: every other piece first, then the rest backwards.
    const scrambled = [...tiles.filter((_, i) => i % 2 === 0), ...tiles.filter((_, i) => i % 2 === 1).reverse()];
    const [r] = await run([
      [['Westbrook Trading', 50, 40, 14], ['Account WB-220871', 50, 70], ['As of 2026-11-21', 350, 70], ...scrambled],
    ]);
    expect(r!.fields.total_equity).toBe(1_050_000);
    expect(r!.fields.maintenance_requirement).toBe(400_000);
    expect(r!.fields.excess_liquidity).toBe(650_000);
  });

  it('reads "no margin call is due" beside the call label as a call of 0', async () => {
    const [r] = await run([
      [
        ['Delta Clearing Corp', 50, 40, 14],
        ['Account 5543-2210', 50, 70],
        ['Period ending 2026-11-28', 350, 70],
        ...kv(110, [
          ['Total Equity', '175,000.00'],
          ['Maintenance Requirement', '120,000.00'],
          ['Excess Liquidity', '55,000.00'],
          ['Margin Call', 'no margin call is due'],
        ]),
      ],
    ]);
    expect(r!.fields.margin_call).toBe(0);
  });

  it('reads a German CFD statement: the account after "Kontonummer", "keine" beside the margin call word as a call of 0', async () => {
    const [r] = await run([
      [
        ['Rhein CFD Handel GmbH', 50, 40, 14],
        ['Kontonummer: 7788123', 50, 70],
        ['Datum: 27.11.2026', 350, 70],
        ['Währung: EUR', 350, 86],
        ...kv(110, [
          ['Kontostand', '20.000,00'],
          ['Eigenkapital', '18.500,00'],
          ['Freie Margin', '6.500,00'],
          ['Nachschussforderung', 'keine'],
        ]),
      ],
    ]);
    expect(r!.account_number).toBe('7788123');
    expect(r!.currency).toBe('EUR');
    expect(r!.fields.margin_call).toBe(0);
  });

  it('reads the account after the labels of other markets and of derivatives platforms', async () => {
    for (const [label, id] of [
      ['Client Code: BS20931', 'BS20931'],
      ['UID: 48291734', '48291734'],
      ['Unique Client Code: DSB0042', 'DSB0042'],
    ] as const) {
      const [r] = await run([
        [
          ['Bharat Securities Ltd', 50, 40, 14],
          [label, 50, 90],
          ['Statement Date: 25-11-2026', 350, 90],
          ...kv(140, [
            ['Total Equity', '1,25,78,580.93'],
            ['Maintenance Margin', '45,10,000.00'],
            ['Excess Margin', '80,68,580.93'],
          ]),
        ],
      ]);
      expect(r!.account_number).toBe(id);
      expect(r!.fields.total_equity).toBe(12_578_580.93);
    }
  });
});
