import { afterAll, describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { asOfAcrossLines } from '../../src/extraction/structure/prose.cells.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, type Placed, rows } from './support/pdf.builder.ts';
import { phrase } from './support/words.builder.ts';

const extractor = createExtractor({ maxFileBytes: 5 * 1024 * 1024, maxPages: 5, timeoutMs: 60_000, ocrWorkers: 1 });
afterAll(() => extractor.close());

const page = (words: PageWord[]) =>
  buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }));

/** The date an as-of sentence gives when its words break after `first` and go on with `second`. */
function wrapped(first: string, second: string, gap = 11): string | null {
  const lines = page([...phrase(first, 40, 100), ...phrase(second, 40, 100 + gap)]);
  return (asOfAcrossLines(lines[0]!, lines[1])?.value as string | undefined) ?? null;
}

describe('an as-of date that a sentence breaks over two lines', () => {
  it.each([
    ['Holdings were valued as at close of business on 19', 'March 2026, after the final settlement run.', '2026-03-19'],
    ['Figures are shown as of the close of business on March', '19, 2026 and include pending trades.', '2026-03-19'],
    ['The position reported as of the end of day on', '19 March 2026 is shown below.', '2026-03-19'],
    ['Valued as at close of business on 2nd', 'June 2026 (all amounts in euros).', '2026-06-02'],
    // Day and month on the first line, the year starting the next (a call letter's `… tanggal 7 Desember` / `2026, …`).
    ['Holdings were valued as at close of business on 19 March', '2026, after the final settlement run.', '2026-03-19'],
    [
      'bahwa pada penutupan perdagangan tanggal 7 Desember',
      '2026, rekening efek marjin Bapak nomor 0231-44871',
      '2026-12-07',
    ],
  ])('joins "%s" / "%s"', (first, second, iso) => {
    expect(wrapped(first, second)).toBe(iso);
  });

  it('takes nothing from a line a paragraph below', () => {
    expect(
      wrapped('Holdings were valued as at close of business on 19', 'March 2026, after settlement.', 40),
    ).toBeNull();
  });

  it('takes no date the next line prints after other words', () => {
    expect(
      wrapped('Holdings were valued as at close of business', 'yesterday; our letter of 19 March 2026 refers.'),
    ).toBeNull();
  });
});

describe('a printed e-mail whose as-of date wraps, above a quoted older message', () => {
  it('reports the new message’s as-of date, not the older one’s nor the time it was sent', async () => {
    const older: Placed[] = [
      ['-----Original Message-----', 50, 230],
      ['Sent: Friday, 13 November 2026 17:20', 50, 244],
      ['Your account was valued as at close of business on 12 November 2026:', 50, 262],
      ...rows(280, 16, [50, 300], [['Net Liquidation Value', '120,000.00']]),
    ];
    const bytes = await buildTextPdf([
      [
        ['From: Collateral Team <collateral@bank.example>', 50, 40],
        ['Sent: Wednesday, 18 November 2026 09:10', 50, 54],
        ['Subject: Account 5521-0087', 50, 68],
        ['Please find the position of your account 5521-0087 as at close of business on 16', 50, 90],
        ['November 2026, with all amounts in pounds sterling:', 50, 101],
        ...rows(
          120,
          16,
          [50, 300],
          [
            ['Net Liquidation Value', '90,000.00'],
            ['Maintenance Requirement', '100,000.00'],
            ['Margin Call', '10,000.00'],
          ],
        ),
        ...older,
      ],
    ]);
    const r = (await extractor.extract({ bytes, fileName: 'wrapped-thread.pdf' })).reports[0]!;
    expect(r.report_date).toBe('2026-11-16');
    expect(r.confidence.fields.report_date).toBeGreaterThanOrEqual(0.8);
    expect(r.fields.total_equity).toBe(90_000);
  });
});
