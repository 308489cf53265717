import { describe, expect, it } from 'vitest';
import { labelHits } from '../../src/extraction/fields/candidates.ts';
import { rowValues } from '../../src/extraction/fields/label.values.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { detectDateOrder } from '../../src/extraction/parse/date.order.ts';
import { unlabelledDate } from '../../src/extraction/parse/date.unlabelled.ts';
import { phrase } from './support/words.builder.ts';

/** The unlabelled date of a first page whose lines are `texts`, read in the order those lines lean to. */
function dateOf(texts: string[]) {
  const order = detectDateOrder(texts.join('\n'));
  const words = texts.flatMap((t, i) => phrase(t, 40, 60 + 14 * i));
  const lines = buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: order, ocr: false }));
  return unlabelledDate(lines, order);
}

describe('a date no label names', () => {
  it('stays below review when nothing on the page settles which of day and month comes first', () => {
    const date = dateOf(['Northwind Clearing Co', 'Holdings overview', '05/11/2026', 'Funds 1,200.00']);
    expect(date?.conf).toBeLessThan(0.8);
  });

  it('is trusted when another date of the page has a day above twelve', () => {
    const rows = Array.from({ length: 16 }, (_, i) => `Holding ${i + 1}   ${i + 1},000.00`);
    const date = dateOf(['Northwind Clearing Co', '05/11/2026', ...rows, 'Opened 23/04/2019']);
    expect(date).toEqual({ value: '2026-11-05', conf: 0.85 });
  });

  it('is read day first in a Gulf dirham document, whose currency settles the order', () => {
    const date = dateOf(['Northwind Clearing Co', '05/11/2026', 'Funds AED 1,200.00']);
    expect(date?.value).toBe('2026-11-05');
    expect(date?.conf).toBe(0.85);
  });

  it('keeps the house confidence for a date that cannot be read two ways', () => {
    expect(dateOf(['Northwind Clearing Co', '2026-11-05', 'Funds 1,200.00'])).toEqual({
      value: '2026-11-05',
      conf: 0.85,
    });
  });
});

describe('a header line that prints several dates', () => {
  it('gives the one its caption calls the statement, not the one printed with a clock time', () => {
    const date = dateOf([
      'Northwind Clearing Co',
      'Statement for trading day:   March 3rd, 2026   Printed:   03/04/2026 05:12',
    ]);
    expect(date).toEqual({ value: '2026-03-03', conf: 0.85 });
  });

  it('trusts no date a prior-period or run caption names', () => {
    const date = dateOf([
      'Northwind Clearing Co',
      'Prior statement:   February 27th, 2026   Run on:   March 4th, 2026',
    ]);
    expect(date?.conf).toBeLessThan(0.8);
  });

  it('leaves a date whose caption says something else below review', () => {
    const date = dateOf(['Northwind Clearing Co', 'Account opened   March 3rd, 2019   Printed:   03/04/2026 05:12']);
    expect(date?.conf).toBeLessThan(0.8);
  });
});

describe('a date label on a line of column titles', () => {
  /** The dates `rowValues` reads for the date label of a one-line page. */
  function labelledDates(text: string): string[] {
    const words = phrase(text, 40, 100);
    const [line] = buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'dmy', ocr: false }));
    const hits = labelHits(line!);
    const hit = hits.find((h) => h.match.target === 'date');
    return hit ? rowValues(line!, hit, hits, null).map((c) => c.value as string) : [];
  }

  it('does not take the date a prior-day word captions', () => {
    expect(labelledDates('Holdings   Stichtag 07,12,26   Vortag 04.12.26')).toEqual([]);
  });

  it('still takes its own date', () => {
    expect(labelledDates('Holdings   Stichtag   07.12.26')).toEqual(['2026-12-07']);
  });
});
