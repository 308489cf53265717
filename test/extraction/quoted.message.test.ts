import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

const newMessage = (date: string | null): Placed[] => [
  ['From: Collateral Team <collateral@bank.example>', 50, 40],
  ['Sent: Wednesday, 18 November 2026 09:10', 50, 54],
  ['Subject: Account 5521-0087', 50, 68],
  ...(date ? [[`Valuation date: ${date}`, 50, 90] as Placed] : []),
  ...rows(
    110,
    16,
    [50, 300],
    [
      ['Net Liquidation Value', '90,000.00'],
      ['Maintenance Requirement', '100,000.00'],
      ['Margin Call', '10,000.00'],
    ],
  ),
];

describe('a printed e-mail with an older message below it', () => {
  for (const marker of [
    ['-----Original Message-----'],
    ['On Mon, 16 Nov 2026 at 08:00, Collateral Team', 'wrote:'],
    ['From: Collateral Team  Sent: Monday, 16 November 2026 08:00'],
  ]) {
    it(`takes the new message's date and figures over the older ones after "${marker.join(' ')}"`, async () => {
      const reports = await run([
        [
          ...newMessage('17/11/2026'),
          ...marker.map((m, i) => [m, 50, 200 + 14 * i] as Placed),
          ['Valuation date: 13/11/2026', 50, 240],
          ...rows(
            260,
            16,
            [50, 300],
            [
              ['Net Liquidation Value', '120,000.00'],
              ['Cash Balance', '5,000.00'],
            ],
          ),
        ],
      ]);
      const r = reports[0]!;
      expect(r.report_date).toBe('2026-11-17');
      expect(r.fields.total_equity).toBe(90_000);
    });
  }

  it('keeps a date read only in the older message below review', async () => {
    const reports = await run([
      [...newMessage(null), ['-----Original Message-----', 50, 200], ['Valuation date: 13/11/2026', 50, 220]],
    ]);
    const r = reports[0]!;
    if (r.report_date === '2026-11-13') expect(r.confidence.fields.report_date).toBeLessThan(0.8);
  });
});
