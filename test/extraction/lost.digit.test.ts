import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { ReportIssue } from '../../src/contract/reading.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { doubtLostDigit } from '../../src/extraction/fields/lost.digit.ts';

const pick = (text: string, value: number, ocr = 0.9) => ({ text, value, ocr }) as unknown as Candidate;

describe('a scanned figure with a lone zero before its first group mark', () => {
  it('goes to review with the reason: a leading digit is lost (`€0.253,36` for `€20.253,36`)', () => {
    const fields = new Map<FieldName, { pick: Candidate; conf: number }>([
      ['margin_call', { pick: pick('€0.253,36', 253.36), conf: 0.92 }],
      ['total_equity', { pick: pick('0,412.50 DR', -412.5), conf: 0.9 }],
      ['excess_liquidity', { pick: pick('€10.253,36', 10253.36), conf: 0.92 }],
      ['cash_balance', { pick: pick('0.50', 0.5), conf: 0.92 }],
      ['sma', { pick: pick('0.253,36', 253.36, 1), conf: 0.92 }],
    ]);
    const issues: ReportIssue[] = [];
    doubtLostDigit(fields, issues);
    expect([...fields.values()].map((r) => r.conf)).toEqual([0.75, 0.75, 0.92, 0.92, 0.92]);
    expect(issues.map((i) => `${i.code}:${i.field}`)).toEqual(['lost_digit:margin_call', 'lost_digit:total_equity']);
  });
});
