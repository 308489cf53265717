import { describe, expect, it } from 'vitest';
import { printsClockTime, TIME_OF_DAY } from '../../src/extraction/parse/time.of.day.ts';

describe('printsClockTime', () => {
  it.each([
    ['Aegean Markets Ltd   2026.12.04 23:59'],
    ['12/7/26, 6:11 AM  Statement'],
    ['Printed 08:14:22'],
    ['as of 7:23 p.m.'],
    ['7:23pm, 4 December'],
  ])('finds the clock in %j', (text) => {
    expect(printsClockTime(text)).toBe(true);
  });

  it.each([['Ratio 1:23.5'], ['Leverage 2:345'], ['1:2,5'], ['Statement Date 2026-12-04'], ['123:45']])(
    'finds none in %j',
    (text) => {
      expect(printsClockTime(text)).toBe(false);
    },
  );

  it('finds what TIME_OF_DAY finds where the clock stands alone', () => {
    for (const text of ['at 10:30 am', 'by 23:59', 'run 08:14:22 hrs'])
      expect([printsClockTime(text), [...text.matchAll(TIME_OF_DAY)].length > 0]).toEqual([true, true]);
  });
});
