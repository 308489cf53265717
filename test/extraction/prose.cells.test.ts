import { describe, expect, it } from 'vitest';
import type { Segmented } from '../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { currencySection } from '../../src/extraction/structure/currency.sections.ts';
import { readProseCells } from '../../src/extraction/structure/prose.cells.ts';
import { phrase } from './support/words.builder.ts';
import { segmented } from './support/words.reader.ts';

/** Lines of one page, segmented as field reading sees them. */
const page = (words: PageWord[]): Segmented[] => segmented(words);

describe('prose cells: a sentence is the label cell of the figure, date or word it introduces', () => {
  it('gives a sentence’s field to the figure that starts the next line', () => {
    const lines = page([
      ...phrase('On the statement date the total equity in your margin account was', 40, 100),
      ...phrase('$24,156.79, which is above the house minimum.', 40, 111),
    ]);
    const cells = readProseCells(lines, lines);
    expect([...cells.wrapped.values()].map((c) => [c.target, c.value])).toEqual([['total_equity', 24_156.79]]);
    // The figure's own line, not the sentence's, holds the reading.
    expect(cells.wrapped.has(1)).toBe(true);
  });

  it('does not carry a sentence’s field to a figure a paragraph away', () => {
    const lines = page([
      ...phrase('On the statement date the total equity in your margin account was', 40, 100),
      ...phrase('$24,156.79, which is above the house minimum.', 40, 160),
    ]);
    expect(readProseCells(lines, lines).wrapped.size).toBe(0);
  });

  it('reads a sentence that says there is no call as a call of 0, and nothing from one that names no call', () => {
    const none = page(phrase('No margin call is due on this account.', 40, 100));
    expect(
      [...readProseCells(none, none).noCall.values()].map((n) => [
        n.call.target,
        n.call.value,
        n.call.source,
        n.callLabel,
      ]),
    ).toEqual([['margin_call', 0, 'prose', false]]);
    const figure = page(phrase('Your equity was $1,000.00 and the statement shows positions.', 40, 100));
    expect(readProseCells(figure, figure).noCall.size).toBe(0);
  });

  it('marks a no-call sentence that shares its line with a call label, for the walker to give to that label only', () => {
    const cell = page([...phrase('Margin Call', 40, 100), ...phrase('no margin call is due', 300, 100)]);
    expect([...readProseCells(cell, cell).noCall.values()].map((n) => [n.call.value, n.callLabel])).toEqual([
      [0, true],
    ]);
  });

  it('joins an as-of date split over two lines, and reads the currency a sentence gives the figures', () => {
    const lines = page([
      ...phrase('As of the close of business on February 24,', 40, 100),
      ...phrase('2026, the figures below are shown in euros.', 40, 111),
    ]);
    const doc = [...readProseCells(lines, lines).doc.values()].flat().map((c) => [c.target, c.value]);
    expect(doc).toContainEqual(['date', '2026-02-24']);
    expect(doc).toContainEqual(['currency', 'EUR']);
  });
});

describe('currency section headings: a line that is only a currency governs the figures below it', () => {
  const heading = (text: string) => currencySection(page(phrase(text, 40, 100))[0]!);

  it('reads bare, decorated and converted-total headings', () => {
    expect(heading('USD')).toEqual({ code: 'USD', base: false });
    expect(heading('*** EURO ***')).toEqual({ code: 'EUR', base: false });
    expect(heading('*** CONVERTED TO USD ***')).toMatchObject({ code: 'USD', base: true });
  });

  it('does not take a label, a sentence or a line with a figure for a heading', () => {
    expect(heading('Total Equity')).toBeNull();
    expect(heading('Figures are shown in US dollars for this account holder')).toBeNull();
    expect(currencySection(page([...phrase('EUR', 40, 100), ...phrase('1,000.00', 300, 100)])[0]!)).toBeNull();
  });
});
