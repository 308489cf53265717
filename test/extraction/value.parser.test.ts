import { describe, expect, it } from 'vitest';
import {
  detectLocale,
  detectNumberLocale,
  findAmounts,
  parseAmount,
  parseNumber,
} from '../../src/extraction/parse/value.parser.ts';

describe('parseAmount', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['1.234.567,89', 1234567.89],
    ["1'234'567.89", 1234567.89],
    ['191 767,64 €', 191767.64],
    ['USD 1,234.56', 1234.56],
    ['1,234.56 USD', 1234.56],
    ['€1.234,56', 1234.56],
    ['0.00', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)?.value).toBe(value);
  });

  it.each([
    ['(1,234.56)', -1234.56],
    ['-1,234.56', -1234.56],
    ['1,234.56-', -1234.56],
    ['1,234.56 DR', -1234.56],
    ['–1,234.56', -1234.56],
    ['-$1,234.56', -1234.56],
    ['$-1,234.56', -1234.56],
    ['($1,234.56)', -1234.56],
    ["-CHF 839'286.27", -839286.27],
  ])('reads the negative %s as %d', (text, value) => {
    expect(parseAmount(text)?.value).toBe(value);
  });

  it('reads a CR suffix as a positive balance', () => {
    expect(parseAmount('1,234.56 CR')?.value).toBe(1234.56);
  });

  it('reads a lone dash as a nil amount with low certainty', () => {
    const nil = parseAmount('—');
    expect(nil?.value).toBe(0);
    expect(nil!.quality).toBeLessThan(0.8);
  });

  it('keeps the currency printed with the figure', () => {
    expect(parseAmount('€1.234,56')?.currency).toBe('EUR');
    expect(parseAmount('$5.00')?.currency).toBe('USD');
  });

  it('rates figures with cents as more certain than bare integers', () => {
    expect(parseAmount('1,234.56')!.quality).toBeGreaterThan(parseAmount('1234')!.quality);
  });
});

describe('findAmounts', () => {
  it('ignores dates, clock times, percentages and identifiers', () => {
    expect(findAmounts('2026-11-27')).toEqual([]);
    expect(findAmounts('11/27/2026')).toEqual([]);
    expect(findAmounts('06:00')).toEqual([]);
    expect(findAmounts('50%')).toEqual([]);
    expect(findAmounts('U1234567')).toEqual([]);
  });

  it('finds the figure inside a sentence', () => {
    const found = findAmounts('A maintenance call of $12,345.00 is due by 12/01/2026');
    expect(found.map((a) => a.value)).toEqual([12345]);
  });

  it('never merges two space-separated figures into one', () => {
    expect(findAmounts('1,234.56 2,345.67').map((a) => a.value)).toEqual([1234.56, 2345.67]);
  });

  it('ends a figure before a currency code that begins the next one in a crowded cell', () => {
    const read = (t: string) => findAmounts(t).map((a) => [a.raw, a.value, a.currency]);
    expect(read('USD 2,69,537.72 USD')).toEqual([['USD 2,69,537.72', 269537.72, 'USD']]);
    expect(read('USD 5.00 EUR 6.00')).toEqual([
      ['USD 5.00', 5, 'USD'],
      ['EUR 6.00', 6, 'EUR'],
    ]);
    // An opening parenthesis run into the figure before it still makes the next one negative.
    expect(read('USD 82,303,417.14(USD 2,926,490.14) USD 5.00')).toEqual([
      ['USD 82,303,417.14', 82303417.14, 'USD'],
      ['(USD 2,926,490.14)', -2926490.14, 'USD'],
      ['USD 5.00', 5, 'USD'],
    ]);
    // One currency on either side is still the figure's own.
    expect(read('1,234.00 USD DR')).toEqual([['1,234.00 USD DR', -1234, 'USD']]);
  });
});

describe('parseNumber and detectLocale', () => {
  it('treats the last separator followed by two digits as the decimal mark', () => {
    expect(parseNumber('1.234,56')).toBe(1234.56);
    expect(parseNumber('1,234.56')).toBe(1234.56);
    expect(parseNumber('1,234')).toBe(1234);
  });

  it('detects comma-decimal documents', () => {
    expect(detectLocale('Total 1.234,56 and 9.876,54 and 12,50')).toBe('comma');
    expect(detectLocale('Total 1,234.56 and 9,876.54')).toBe('dot');
  });
});

describe('ids are not money', () => {
  it('never reads a number with a leading zero as an amount, but keeps zero itself', () => {
    expect(findAmounts('MPS 055.1252', 'comma')).toEqual([]);
    expect(findAmounts('Branch 0123')).toEqual([]);
    expect(findAmounts('0,00', 'comma').map((a) => a.value)).toEqual([0]);
    expect(findAmounts('0.50').map((a) => a.value)).toEqual([0.5]);
    expect(findAmounts('00').map((a) => a.value)).toEqual([0]);
  });
});

describe('other markets', () => {
  it.each([
    ['25,78,580.93', 2578580.93],
    ['12,34,567.89', 1234567.89],
    ['1,00,000', 100000],
    ['1 234 567,89', 1234567.89],
    ['1\u202f234\u202f567,89', 1234567.89],
    ["1'234'567.89", 1234567.89],
    ['1,234,567', 1234567],
    ['5-', -5],
    ['△1,234', -1234],
    ['▲ 1,234', -1234],
    ['1,234.56 DB', -1234.56],
    ['1,234.56 Db', -1234.56],
    ['DR 1,234.56', -1234.56],
    ['CR 1,234.56', 1234.56],
    ['₹25,78,580.93', 2578580.93],
    ['12,345.67891234 USDT', 12345.67891234],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)?.value).toBe(value);
  });

  it('names the currency of symbols and market tickers from the one table', () => {
    expect(parseAmount('₹25,78,580.93')?.currency).toBe('INR');
    expect(parseAmount('USDT 1,000.00')?.currency).toBe('USDT');
    expect(parseAmount('1,000.00 USDC')?.currency).toBe('USDC');
    expect(parseAmount('£1,000.00')?.currency).toBe('GBP');
    expect(parseAmount('HK$1,000.00')?.currency).toBe('HKD');
  });

  it('leaves a yen/yuan sign undecided unless the document names its currency', () => {
    expect(parseAmount('¥1,000')).toMatchObject({ currency: 'JPY', currencyUndecided: true });
    expect(parseAmount('¥1,000', 'dot', { currency: 'CNY' })).toMatchObject({ currency: 'CNY' });
    expect(parseAmount('¥1,000', 'dot', { currency: 'CNY' })?.currencyUndecided).toBeUndefined();
  });

  it('refuses contradictory or impossible tokens instead of reading part of them', () => {
    expect(findAmounts('1,2,3,4')).toEqual([]);
    expect(findAmounts('1-2-3')).toEqual([]);
    expect(parseAmount('$-$5')).toBeNull();
    expect(parseAmount('(-5)')).toBeNull();
    expect(parseAmount('-5 CR')).toBeNull();
    expect(parseAmount('12,3456.00')).toBeNull();
  });

  it('detects the decimal mark of a document from figures that read one way only', () => {
    expect(detectNumberLocale('1 234,56 and 9 876,54')).toEqual({ locale: 'comma', confidence: 1 });
    expect(detectNumberLocale("1'234.56 and 12,34,567.89").locale).toBe('dot');
    expect(detectNumberLocale('no figures').confidence).toBe(0.5);
  });
});

describe('full-width and Indian forms', () => {
  it('reads full-width figures in place', () => {
    const [a] = findAmounts('証拠金 △１，２３４，５６７');
    expect(a).toMatchObject({ value: -1234567, index: 4 });
    expect(parseAmount('（１，２３４．５６）')?.value).toBe(-1234.56);
  });

  it('reads rupee prefixes', () => {
    expect(parseAmount('Rs. 25,78,580.93')).toMatchObject({ value: 2578580.93, currency: 'INR' });
    expect(parseAmount('Rs 1,00,000')).toMatchObject({ value: 100000, currency: 'INR' });
  });
});

describe('OCR slips', () => {
  it('puts back a decimal mark OCR read as a group mark, only in OCR text and below full certainty', () => {
    expect(parseAmount('-$79.870.09')).toBeNull();
    const mended = parseAmount('-$79.870.09', 'dot', { ocr: true });
    expect(mended?.value).toBe(-79870.09);
    expect(mended!.quality).toBeLessThan(1);
    expect(parseAmount('548.006.80', 'dot', { ocr: true })?.value).toBe(548006.8);
    expect(parseAmount('1,234,56', 'dot', { ocr: true })?.value).toBe(1234.56);
    expect(parseAmount('1,2,3,4', 'dot', { ocr: true })).toBeNull();
    expect(parseAmount('12,3456.00', 'dot', { ocr: true })).toBeNull();
  });
});
