import { describe, expect, it } from 'vitest';
import { isProse, labelHits } from '../../src/extraction/fields/candidates.ts';
import { OCR_LETTER_PAIRS } from '../../src/extraction/labels/labels.vocabulary.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { isCombinedHeading, readAccountToken } from '../../src/extraction/parse/account.parser.ts';
import { currencyFromName } from '../../src/extraction/parse/currency.parser.ts';
import { parseAmount, printsCents } from '../../src/extraction/parse/value.parser.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { classifyHeader } from '../../src/extraction/structure/column.header.ts';
import { COLUMN_TITLE_WORDS, HOUSE_FIELD_WORDS } from '../../src/extraction/vocabulary/column.titles.ts';
import {
  CONVERTED_TOTAL_WORDS,
  CONVERTED_WORDS,
  CURRENCIES,
  CURRENCY_HEADING_NOISE,
  CURRENCY_UNIT_WORDS,
} from '../../src/extraction/vocabulary/currencies.ts';
import { ENGLISH_ORDINAL_SUFFIXES, ORDINAL_SUFFIXES } from '../../src/extraction/vocabulary/date-words.ts';
import * as documentWords from '../../src/extraction/vocabulary/document.words.ts';
import { NONE_LEAD_WORDS } from '../../src/extraction/vocabulary/fields.context.ts';
import { NIL_WORDS } from '../../src/extraction/vocabulary/number-formats.ts';
import * as proseWords from '../../src/extraction/vocabulary/prose.words.ts';
import {
  alternation,
  containsStem,
  escapeRegExp,
  phrasePattern,
  phraseRegExp,
  startsWithPrefix,
} from '../../src/extraction/vocabulary/word.patterns.ts';

/** One line of cells, 40 pt apart, about 5 pt per character. */
function segmented(cells: string[]) {
  const words: PageWord[] = [];
  let x = 20;
  for (const cell of cells) {
    for (const t of cell.split(' ')) {
      words.push({ text: t, x0: x, x1: x + t.length * 5, y0: 100, y1: 109, conf: 1 });
      x += t.length * 5 + 3;
    }
    x += 40;
  }
  return segmentLine(buildLines(words, 0)[0]!, { locale: 'dot', dateOrder: 'mdy', ocr: false });
}

const lists: [string, readonly string[]][] = [
  ...Object.entries(proseWords).filter((e): e is [string, readonly string[]] => Array.isArray(e[1])),
  ...Object.entries(documentWords).filter((e): e is [string, readonly string[]] => Array.isArray(e[1])),
  ...Object.entries(COLUMN_TITLE_WORDS).map(([k, v]) => [`COLUMN_TITLE_WORDS.${k}`, v] as [string, readonly string[]]),
  ['HOUSE_FIELD_WORDS', HOUSE_FIELD_WORDS],
  ['CURRENCY_UNIT_WORDS', CURRENCY_UNIT_WORDS],
  ['CONVERTED_TOTAL_WORDS', CONVERTED_TOTAL_WORDS],
  ['CONVERTED_WORDS', CONVERTED_WORDS],
  ['CURRENCY_HEADING_NOISE', CURRENCY_HEADING_NOISE],
  ['NONE_LEAD_WORDS', NONE_LEAD_WORDS],
  ['NIL_WORDS', NIL_WORDS],
];

describe('word patterns: lists become patterns', () => {
  it('escapes literals and matches phrases as whole words, longest first', () => {
    expect(escapeRegExp('n/a (x).')).toBe('n/a \\(x\\)\\.');
    expect(alternation(['as', 'as of'])).toBe('as\\s+of|as');
    const re = phraseRegExp(['total', 'as of', '%', '+/-']);
    expect(re.test('Total equity')).toBe(true);
    expect(re.test('totally')).toBe(false);
    expect(re.test('As   of 11/26')).toBe(true);
    expect(re.test('Chg %')).toBe(true);
    expect(re.test('+/- prior')).toBe(true);
    expect(new RegExp(`^${phrasePattern(['year to date'], '[- ]')}$`).test('year-to-date')).toBe(true);
    expect(() => phrasePattern([])).toThrow();
  });

  it('tests stems anywhere and prefixes at the start, case-insensitively', () => {
    expect(containsStem('Securities', ['securit'])).toBe(true);
    expect(containsStem('Cash', ['securit'])).toBe(false);
    expect(startsWithPrefix('Acct #', ['acct'])).toBe(true);
    expect(startsWithPrefix('My acct', ['acct'])).toBe(false);
  });
});

describe('vocabulary lists', () => {
  it('are lower case (but for marks), free of duplicates, empty entries and stray white space', () => {
    for (const [name, list] of lists) {
      expect(list.length, name).toBeGreaterThan(0);
      expect(new Set(list).size, name).toBe(list.length);
      for (const w of list) {
        expect(w, name).toBe(w.trim());
        expect(w, name).not.toMatch(/\s{2}/);
        expect(w, name).toBe(w.toLowerCase());
      }
    }
  });

  it('currency words are part of names in the one currency table, which says their code', () => {
    const names = CURRENCIES.flatMap((c) => c.names);
    for (const w of CURRENCY_UNIT_WORDS)
      expect(
        names.some((n) => n.split(' ').includes(w.split(' ')[0]!)),
        w,
      ).toBe(true);
    expect(currencyFromName('pounds sterling')).toBe('GBP');
    expect(currencyFromName('euros')).toBe('EUR');
  });

  it('English ordinals are among the ordinal suffixes', () => {
    for (const s of ENGLISH_ORDINAL_SUFFIXES) expect(ORDINAL_SUFFIXES).toContain(s);
  });

  it('OCR letter pairs fold two letters into one', () => {
    for (const [pair, to] of OCR_LETTER_PAIRS) {
      expect(pair).toHaveLength(2);
      expect(to).toHaveLength(1);
    }
  });
});

describe('the logic reads the vocabulary', () => {
  it('prose tails hand a sentence over to its figure', () => {
    expect(isProse('the equity in your account was')).toBe(true);
    expect(isProse('Net equity amounts to')).toBe(true);
    expect(isProse('Net equity')).toBe(false);
    expect(isProse('Basis')).toBe(false);
  });

  it('column titles by kind', () => {
    expect(classifyHeader('Prior Day').kind).toBe('prior');
    expect(classifyHeader('Net Change').kind).toBe('change');
    expect(classifyHeader('Year-to-date').kind).toBe('period');
    expect(classifyHeader('Converted to USD')).toEqual({ kind: 'base', currency: 'USD' });
    expect(classifyHeader('House').kind).toBe('house');
    expect(classifyHeader('House call').kind).not.toBe('house');
    expect(classifyHeader('Reg. T').kind).toBe('exchange');
    expect(classifyHeader('Current').kind).toBe('current');
    expect(classifyHeader('Lowest').kind).toBe('other');
  });

  it('cells that say none are never labels', () => {
    const hits = labelHits(segmented(['None', 'No margin calls', 'Margin call']));
    expect(hits.map((h) => h.seg.text)).toEqual(['Margin call']);
  });

  it('combined headings, number words before an account, nil words, printed cents', () => {
    expect(isCombinedHeading('HOUSEHOLD TOTAL')).toBe(true);
    expect(isCombinedHeading('Grand Total')).toBe(true);
    expect(isCombinedHeading('Total')).toBe(false);
    expect(readAccountToken('No. 12-3456')?.value).toBe('12-3456');
    expect(readAccountToken('number: U1234567')?.value).toBe('U1234567');
    expect(parseAmount('Nil')).toEqual({ value: 0, quality: 0.6 });
    expect(printsCents('1,234.56 DR')).toBe(true);
    expect(printsCents('1.234,56 DB')).toBe(true);
    expect(printsCents('800,045')).toBe(false);
  });
});
