import { describe, expect, it } from 'vitest';
import { head, kv } from './support/alone.page.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * Issue 20: statements whose labels are in languages the vocabulary does not hold (Swahili,
 * Icelandic, Malay, Estonian), read by the accounting identities alone; every value below review
 * with the reason, and documents whose figures satisfy one identity by chance (a bank statement's
 * opening − debits = closing, an invoice's net + tax = total, a loan's schedule) refused.
 */
const run = statementRunner();
const refusal = async (pages: Placed[][]) =>
  run(pages).then(
    (r) => `read ${JSON.stringify(r.map((x) => x.fields))}`,
    (err: { code?: string }) => err.code,
  );

type Fields = Record<string, number>;
function expectRead(
  report: {
    fields: Fields;
    confidence: { fields: Record<string, number> };
    issues: { code: string; field?: string }[];
  },
  truth: Fields,
  byLabel: string[] = [],
) {
  expect(report.fields).toEqual(truth);
  // Never silent: every value the identities placed is below review, each with its reason.
  for (const f of Object.keys(truth).filter((x) => !byLabel.includes(x))) {
    expect(report.confidence.fields[f]).toBeLessThan(0.8);
    expect(report.issues.some((i) => i.code === 'identities_alone' && i.field === f)).toBe(true);
  }
}

const SWAHILI: [string, string][] = [
  ['Salio la fedha taslimu', '41.250,00'],
  ['Thamani ya hisa zilizonunuliwa', '286.450,00'],
  ['Thamani ya hisa zilizouzwa kabla', '-37.900,00'],
  ['Jumla ya thamani halisi', '289.800,00'],
  ['Kiwango cha chini cha dhamana', '71.600,00'],
  ['Ziada juu ya kiwango', '218.200,00'],
  ['Wito wa dhamana', '0,00'],
];

describe('a statement in a language the vocabulary does not hold', () => {
  it('reads a Swahili key/value statement by equity = cash + long + short and excess = equity − requirement', async () => {
    const [r] = await run([
      [
        ...head('TAARIFA YA AKAUNTI YA DHAMANA', 'Nambari ya akaunti: SW-480213', 'Tarehe ya taarifa: 07/12/2026'),
        ...kv(110, SWAHILI),
      ],
    ]);
    expect(r!.account_number).toBe('SW-480213');
    expect(r!.report_date).toBe('2026-12-07');
    expect(r!.needs_review).toBe(true);
    expectRead(r!, {
      cash_balance: 41_250,
      long_market_value: 286_450,
      short_market_value: -37_900,
      total_equity: 289_800,
      maintenance_requirement: 71_600,
      excess_liquidity: 218_200,
      margin_call: 0,
    });
  });

  it('reads the same whatever order the words are drawn in (the page structure, never the content stream)', async () => {
    const placed = [
      ...head('TAARIFA YA AKAUNTI YA DHAMANA', 'Nambari ya akaunti: SW-480213', 'Tarehe ya taarifa: 07/12/2026'),
      ...kv(110, SWAHILI),
    ];
    // A fixed permutation: odd items first, then even ones reversed.
    const shuffled = [...placed.filter((_, i) => i % 2 === 1), ...placed.filter((_, i) => i % 2 === 0).reverse()];
    const [a] = await run([placed]);
    const [b] = await run([shuffled]);
    expect(b!.fields).toEqual(a!.fields);
    expect(b!.fields.total_equity).toBe(289_800);
  });

  it('reads an Estonian statement printed as tiles, each caption above its figure', async () => {
    const tiles = (top: number, cells: [string, string][]): Placed[] =>
      cells.flatMap(([label, value], i): Placed[] => [
        [label, 60 + i * 130, top],
        [value, 60 + i * 130, top + 14],
      ]);
    const [r] = await run([
      [
        ...head('TAGATISKONTO VÄLJAVÕTE', 'Konto: EE-5521094', 'Seisuga: 07.12.2026'),
        ...tiles(110, [
          ['Raha', '52.300,00'],
          ['Pikad positsioonid', '410.000,00'],
          ['Lühikesed positsioonid', '-61.700,00'],
          ['Netoväärtus', '400.600,00'],
        ]),
        ...tiles(160, [
          ['Nõutav tagatis', '98.400,00'],
          ['Ülejääk', '302.200,00'],
          ['Lisatagatise nõue', '0,00'],
        ]),
      ],
    ]);
    expect(r!.account_number).toBe('EE-5521094');
    expectRead(r!, {
      cash_balance: 52_300,
      long_market_value: 410_000,
      short_market_value: -61_700,
      total_equity: 400_600,
      maintenance_requirement: 98_400,
      excess_liquidity: 302_200,
      margin_call: 0,
    });
  });

  it('reads an Icelandic statement whose buying power (2× the excess) tells the requirement from the excess', async () => {
    const [r] = await run([
      [
        ...head('YFIRLIT VEÐREIKNINGS', 'Reikningur: IS-7730512', 'Dagsetning: 07.12.2026'),
        ...kv(110, [
          ['Handbært fé', '120.000,00'],
          ['Markaðsvirði langra staðna', '540.300,00'],
          ['Markaðsvirði skortstaðna', '-80.100,00'],
          ['Eigið fé alls', '580.200,00'],
          ['Viðhaldskrafa', '145.050,00'],
          ['Umfram viðhaldskröfu', '435.150,00'],
          ['Kaupgeta', '870.300,00'],
          ['Veðkall', '0,00'],
        ]),
      ],
    ]);
    expect(r!.account_number).toBe('IS-7730512');
    expectRead(r!, {
      cash_balance: 120_000,
      long_market_value: 540_300,
      short_market_value: -80_100,
      total_equity: 580_200,
      maintenance_requirement: 145_050,
      excess_liquidity: 435_150,
      buying_power: 870_300,
      margin_call: 0,
    });
    // Buying power sided the requirement and the excess: not a guess by print order.
    expect(r!.confidence.fields.excess_liquidity).toBe(0.72);
  });

  it('reads a Malay statement in deficit, its call printed as the deficit', async () => {
    const [r] = await run([
      [
        ...head('PENYATA AKAUN', 'No. akaun: MY-551208', 'Tarikh: 12/07/2026'),
        ...kv(110, [
          ['Baki tunai', '12,500.00'],
          ['Nilai pasaran kedudukan panjang', '212,500.00'],
          ['Nilai pasaran kedudukan pendek', '-40,000.00'],
          ['Jumlah ekuiti', '185,000.00'],
          ['Keperluan penyelenggaraan', '200,000.00'],
          ['Lebihan (kekurangan)', '-15,000.00'],
          ['Panggilan', '15,000.00'],
        ]),
      ],
    ]);
    expectRead(
      r!,
      {
        cash_balance: 12_500,
        long_market_value: 212_500,
        short_market_value: -40_000,
        total_equity: 185_000,
        maintenance_requirement: 200_000,
        excess_liquidity: -15_000,
        margin_call: 15_000,
      },
      ['margin_call', 'cash_balance', 'excess_liquidity'],
    );
    // `Panggilan`, `tunai`, `kekurangan` are words the vocabulary holds (Indonesian): the labels lean to the call,
    // the cash and the excess, partial knowledge the identities agree with and complete.
    expect(r!.confidence.fields.excess_liquidity).toBeLessThan(0.8);
    expect(r!.confidence.fields.cash_balance).toBeLessThan(0.8);
    expect(r!.account_number).toBe('MY-551208');
  });

  it('lets one word the vocabulary knows corroborate an identity that alone is too weak', async () => {
    // Cash + long = equity (no short printed) and a printed 0 are not enough (two pairs of figures make the
    // equity, either may be requirement and excess); `maintenance` on the requirement's label tells which.
    const pairs = (req: string): [string, string][] => [
      ['Salio la fedha taslimu', '41.250,00'],
      ['Thamani ya hisa', '248.550,00'],
      ['Jumla ya thamani halisi', '289.800,00'],
      [req, '71.600,00'],
      ['Ziada juu ya kiwango', '218.200,00'],
      ['Wito wa dhamana', '0,00'],
    ];
    const page = (req: string): Placed[][] => [
      [...head('TAARIFA YA AKAUNTI', 'Nambari ya akaunti: SW-480213', 'Tarehe: 07/12/2026'), ...kv(110, pairs(req))],
    ];
    expect(await refusal(page('Kiwango cha chini'))).toBe('extraction.no_margin_data');
    const [r] = await run(page('Kiwango cha maintenance'));
    expect(r!.fields).toMatchObject({
      total_equity: 289_800,
      maintenance_requirement: 71_600,
      excess_liquidity: 218_200,
    });
    expect(Object.values(r!.confidence.fields).every((c) => c < 0.8)).toBe(true);
  });

  it('refuses the statement without an account identifier or an as-of date', async () => {
    expect(
      await refusal([[['TAARIFA YA AKAUNTI', 180, 40, 12], ['Tarehe: 07/12/2026', 330, 70], ...kv(110, SWAHILI)]]),
    ).toBe('extraction.no_margin_data');
    expect(
      await refusal([
        [['TAARIFA YA AKAUNTI', 180, 40, 12], ['Nambari ya akaunti: SW-480213', 60, 70], ...kv(110, SWAHILI)],
      ]),
    ).toBe('extraction.no_margin_data');
  });
});

describe('documents whose figures satisfy an identity by chance are refused', () => {
  it('refuses a Swahili bank statement: opening + credits − debits = closing, available = closing − reserved, a 0 beside', async () => {
    expect(
      await refusal([
        [
          ...head('TAARIFA YA BENKI', 'Nambari ya akaunti: SW-771020', 'Tarehe ya taarifa: 07/12/2026'),
          ...kv(110, [
            ['Salio la mwanzo', '10.000,00'],
            ['Jumla ya amana', '2.000,00'],
            ['Jumla ya malipo', '-3.000,00'],
            ['Salio la mwisho', '9.000,00'],
            ['Kiasi kilichozuiliwa', '500,00'],
            ['Salio linalopatikana', '8.500,00'],
            ['Riba', '0,00'],
          ]),
        ],
      ]),
    ).toBe('extraction.no_margin_data');
  });

  it('refuses an Estonian bank statement whose opening − debits = closing', async () => {
    expect(
      await refusal([
        [
          ...head('KONTOVÄLJAVÕTE', 'Konto nr: EE-38220011', 'Kuupäev: 07.12.2026'),
          ...kv(110, [
            ['Algsaldo', '12.400,00'],
            ['Väljaminekud', '3.150,00'],
            ['Lõppsaldo', '9.250,00'],
          ]),
        ],
      ]),
    ).toBe('extraction.no_margin_data');
  });

  it('refuses an Estonian invoice (net + tax = total) and an Icelandic loan schedule', async () => {
    expect(
      await refusal([
        [
          ...head('ARVE', 'Arve nr: EE-2026-118', 'Kuupäev: 07.12.2026'),
          ...kv(110, [
            ['Summa käibemaksuta', '1.000,00'],
            ['Käibemaks 20', '200,00'],
            ['Tasuda kokku', '1.200,00'],
            ['Ettemaks', '0,00'],
          ]),
        ],
      ]),
    ).toBe('extraction.no_margin_data');
    expect(
      await refusal([
        [
          ...head('GREIÐSLUÁÆTLUN LÁNS', 'Lán nr: IS-4410-22', 'Dagsetning: 07.12.2026'),
          ...kv(110, [
            ['Upphafleg fjárhæð', '5.000.000,00'],
            ['Greitt af höfuðstól', '1.250.000,00'],
            ['Eftirstöðvar', '3.750.000,00'],
            ['Vextir', '312.500,00'],
            ['Vanskil', '0,00'],
          ]),
        ],
      ]),
    ).toBe('extraction.no_margin_data');
  });
});
