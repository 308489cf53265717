import { describe, expect, it } from 'vitest';
import { extractAccounts } from '../../src/extraction/fields/fields.extractor.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { phrase } from './support/words.builder.ts';

/**
 * A statement whose first page has a text layer and whose second is a scan: the scan repeats the account
 * in its header, and OCR misreads a letter group in it (`71305-KE-044` as `71305-2044`). It is the same
 * account: one report, not a second one for the misread number.
 */
const page = (rows: [string, number, number][], index: number, conf: number) => {
  const words: PageWord[] = rows.flatMap(([t, x, y]) => phrase(t, x, y).map((w) => ({ ...w, conf })));
  return buildLines(words, index, index * 100).map((l) =>
    segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: conf < 1 }),
  );
};

describe('an account a scanned page misreads', () => {
  it('joins the account the text layer prints, so the document gives one report', () => {
    const lines = [
      ...page(
        [
          ['Client account', 40, 40],
          ['71305-KE-044', 200, 40],
          ['Statement date 03/08/2027', 40, 54],
          ['Initial margin required', 40, 90],
          ['402,000.00', 300, 90],
        ],
        0,
        1,
      ),
      ...page(
        [
          ['Statement page 2 client account 71305-2044', 40, 40],
          ['Cash balance', 40, 70],
          ['515,300.00', 300, 70],
          ['Account value', 40, 84],
          ['515,300.00', 300, 84],
          ['Excess', 40, 98],
          ['113,300.00', 300, 98],
        ],
        1,
        0.9,
      ),
    ];
    const accounts = extractAccounts(lines, new Set([1]));
    expect(accounts.map((a) => a.account?.value)).toEqual(['71305-KE-044']);
    expect(accounts[0]!.fields.cash_balance?.value).toBe(515_300);
  });
});
