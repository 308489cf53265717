import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { offerTickReadings, tickDigitReadings } from '../../src/extraction/solver/tick.digits.ts';

describe('an apostrophe group mark OCR read as a digit', () => {
  it('offers the figure without each tick-like digit that stands where a group mark would', () => {
    expect(tickDigitReadings('17636369.70', 17636369.7)).toEqual([1636369.7]);
    expect(tickDigitReadings('4097600.00', 4097600)).toEqual([409600]);
    expect(tickDigitReadings('1417780.00-', -1417780)).toEqual([-141780]);
  });

  it('offers a reading two tick-like digits give alike once, signed or not', () => {
    expect(tickDigitReadings('1777777000.00', 1777777000)).toEqual([177777000]);
    expect(tickDigitReadings('1777777000.00-', -1777777000)).toEqual([-177777000]);
  });

  it('offers nothing for a figure that kept its group marks, or is too short to have lost one', () => {
    expect(tickDigitReadings("1'226'769.70", 1226769.7)).toEqual([]);
    expect(tickDigitReadings('7100.00', 7100)).toEqual([]);
  });

  it('takes out no digit that does not look like a tick', () => {
    expect(tickDigitReadings('4093600.00', 4093600)).toEqual([]);
  });
});

describe('the solver options of a scanned figure', () => {
  const cand = (value: number, ocr: number, text: string): Candidate => ({
    target: 'total_equity',
    value,
    score: 0.9,
    ocr,
    weight: 1,
    page: 0,
    line: 3,
    source: 'row',
    label: 'Net assets',
    text,
  });

  it('gain the tick reading below the figure as read, for the identities to take or leave', () => {
    const options = new Map<FieldName, { cand: Candidate; rank: number; tick?: boolean }[]>([
      ['total_equity', [{ cand: cand(17636369.7, 0.4, '17636369.70'), rank: 0.8 }]],
    ]);
    offerTickReadings(options);
    const [printed, again] = options.get('total_equity')!;
    expect(again?.cand.value).toBe(1636369.7);
    expect(again!.rank).toBeLessThan(printed!.rank);
    expect(again?.tick).toBe(true);
  });

  it('stay as read for a text layer, which prints what it means', () => {
    const options = new Map<FieldName, { cand: Candidate; rank: number; tick?: boolean }[]>([
      ['total_equity', [{ cand: cand(17636369.7, 1, '17636369.70'), rank: 0.8 }]],
    ]);
    offerTickReadings(options);
    expect(options.get('total_equity')).toHaveLength(1);
  });
});
