import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { ReportIssue } from '../../src/contract/reading.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { doubtSignOverDigit } from '../../src/extraction/fields/lost.digit.ts';
import { type PixelWord, splitGluedSignMarks } from '../../src/extraction/ocr/lost.marks.ts';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';

const pick = (text: string, value: number, ocr = 0.9) => ({ text, value, ocr }) as unknown as Candidate;

describe('a currency sign printed against the first digit of a scanned figure', () => {
  it('sends the figure to review with the reason where the digit is one the sign turns it into', () => {
    const fields = new Map<FieldName, { pick: Candidate; conf: number; confirmedBy?: string | null }>([
      ['total_equity', { pick: pick('€101.210,44', 101_210.44), conf: 0.9 }],
      ['cash_balance', { pick: pick('€401.210,44', 401_210.44), conf: 0.9 }],
      ['long_market_value', { pick: pick('€ 101.210,44', 101_210.44), conf: 0.9 }],
      ['sma', { pick: pick('€101.210,44', 101_210.44, 1), conf: 0.9 }],
    ]);
    const issues: ReportIssue[] = [];
    doubtSignOverDigit(fields, issues);
    expect([...fields.values()].map((r) => r.conf)).toEqual([0.75, 0.9, 0.9, 0.9]);
    expect(issues.map((i) => `${i.code}:${i.field}`)).toEqual(['sign_over_digit:total_equity']);
  });

  it('lets an identity confirm it only where no other figure in it carries the same doubt', () => {
    const confirmed = (call: string, excess: string) =>
      new Map<FieldName, { pick: Candidate; conf: number; confirmedBy?: string | null }>([
        ['margin_call', { pick: pick(call, 148_920.34), conf: 0.93, confirmedBy: 'call = deficit' }],
        ['excess_liquidity', { pick: pick(excess, -148_920.34), conf: 0.93, confirmedBy: 'call = deficit' }],
      ]);
    const both = confirmed('€1,48,920.34', '€1,48,920.34-');
    doubtSignOverDigit(both, []);
    expect([...both.values()].map((r) => r.conf)).toEqual([0.75, 0.75]);
    const one = confirmed('€1,48,920.34', '(148,920.34)');
    doubtSignOverDigit(one, []);
    expect([...one.values()].map((r) => r.conf)).toEqual([0.93, 0.93]);
  });
});

describe('a debit mark OCR ran together with what follows it', () => {
  const word = (text: string, x0: number, x1: number, confidence = 93): PixelWord => ({
    text,
    confidence,
    bbox: { x0, y0: 100, x1, y1: 120 },
  });
  const line = (words: PixelWord[]) => words.map((w) => w.text).join(' ');

  it("is read as the figure's sign, below review (4'833'828.26 DRSD)", () => {
    const out = splitGluedSignMarks([word('Cash', 10, 60), word("4'833'828.26", 200, 320), word('DRSD', 328, 380)]);
    expect(out.map((w) => w.text)).toEqual(['Cash', "4'833'828.26", 'DR']);
    expect(out.map((w) => w.confidence)).toEqual([93, 60, 60]);
    expect(findAmounts(line(out)).map((a) => a.value)).toEqual([-4_833_828.26]);
  });

  it('leaves a word, a mark far from any figure, and a signed figure alone', () => {
    const words = [word('1,234.56', 200, 280), word('CREDIT', 286, 340), word('DRSD', 600, 650)];
    expect(splitGluedSignMarks(words)).toEqual(words);
    const signed = [word('1,234.56-', 200, 290), word('DRSD', 296, 340)];
    expect(splitGluedSignMarks(signed)).toEqual(signed);
  });
});
