import { describe, expect, it } from 'vitest';
import { detectDateOrder, findDates } from '../../src/extraction/parse/date.parser.ts';

const first = (text: string, order: 'mdy' | 'dmy' = 'mdy') => findDates(text, order)[0]?.iso;

describe('findDates', () => {
  it.each([
    ['2026-11-27'],
    ['11/27/2026'],
    ['27.11.2026'],
    ['27-NOV-2026'],
    ['27-Nov-26'],
    ['Nov 27, 2026'],
    ['November 27, 2026'],
    ['Friday, November 27, 2026'],
    ['27 November 2026'],
    ['27th Nov 2026'],
    ['11/27/26'],
  ])('reads %s as 2026-11-27', (text) => {
    expect(first(text)).toBe('2026-11-27');
  });

  it('reads an ambiguous slash date month-first unless the document is day-first', () => {
    expect(first('03/04/2026')).toBe('2026-03-04');
    expect(first('03/04/2026', 'dmy')).toBe('2026-04-03');
  });

  it('rejects dates that do not exist', () => {
    expect(findDates('31/02/2026')).toEqual([]);
    expect(findDates('2026-02-30')).toEqual([]);
  });

  it('reads a compact yyyymmdd date only when asked', () => {
    expect(findDates('20251219')).toEqual([]);
    expect(findDates('20251219', 'mdy', true)[0]?.iso).toBe('2025-12-19');
  });

  it('finds both ends of a period', () => {
    expect(findDates('Period: 11/01/2026 - 11/30/2026').map((d) => d.iso)).toEqual(['2026-11-01', '2026-11-30']);
  });
});

describe('detectDateOrder', () => {
  it('infers day-first from unambiguous dates', () => {
    expect(detectDateOrder('Valuation 27/11/2026, printed 28/11/2026')).toBe('dmy');
    expect(detectDateOrder('As of 11/27/2026')).toBe('mdy');
  });
});
