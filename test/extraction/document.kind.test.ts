import { describe, expect, it } from 'vitest';
import { isOtherDocument, otherDocumentTitle } from '../../src/extraction/document.kind.ts';
import type { ExtractedAccount } from '../../src/extraction/fields/fields.extractor.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { phrase } from './support/words.builder.ts';

const head = (texts: string[]) =>
  texts.flatMap((t, i) =>
    buildLines(phrase(t, 40, 60 + 18 * i), 0).map((l) =>
      segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false }),
    ),
  );

const report = (account: string | null, fields: string[]): ExtractedAccount =>
  ({
    account: account ? { value: account, conf: 1 } : null,
    fields: Object.fromEntries(fields.map((f) => [f, { value: 1, conf: 1 }])),
    issues: [],
  }) as unknown as ExtractedAccount;

describe('a document titled as another kind than a statement', () => {
  it('finds the title of a rate schedule or a credit agreement in the head', () => {
    expect(otherDocumentTitle(head(['Eastbridge Securities', 'Tariff of charges 2027']))).toBe(
      'Tariff of charges 2027',
    );
    expect(otherDocumentTitle(head(['Securities-backed credit line agreement']))).not.toBeNull();
  });

  it('finds none where the title names a statement, or the word stands in a sentence', () => {
    expect(otherDocumentTitle(head(['Statement under your margin agreement']))).toBeNull();
    expect(
      otherDocumentTitle(
        head(['Daily valuation', 'Figures are computed under the margin agreement you signed with us']),
      ),
    ).toBeNull();
  });

  it('is refused when no report has an account with a position, kept when one has', () => {
    const lines = head(['Brokerage fee schedule']);
    expect(isOtherDocument(lines, [report(null, ['total_equity', 'maintenance_requirement', 'cash_balance'])])).toBe(
      true,
    );
    expect(isOtherDocument(lines, [report('7710-22', ['margin_call'])])).toBe(true);
    expect(
      isOtherDocument(lines, [report('7710-22', ['total_equity', 'maintenance_requirement', 'cash_balance'])]),
    ).toBe(false);
    expect(isOtherDocument(head(['Margin summary']), [report(null, ['total_equity'])])).toBe(false);
  });
});
