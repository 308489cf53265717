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

  it('never takes the day after a month word as a two-digit year when a year follows', () => {
    const isos = (t: string) => findDates(t).map((d) => d.iso);
    expect(isos('Statement period November 1 - November 30, 2026')).toEqual(['2026-11-30']);
    expect(isos('November 1 - November 26, 2026')).toEqual(['2026-11-26']);
    expect(isos('1 Nov - 30 Nov 2026')).toEqual(['2026-11-30']);
    expect(isos("Nov 27 '26")).toEqual(['2026-11-27']);
    expect(isos('27 Nov 26')).toEqual(['2026-11-27']);
  });
});

describe('detectDateOrder', () => {
  it('infers day-first from unambiguous dates', () => {
    expect(detectDateOrder('Valuation 27/11/2026, printed 28/11/2026')).toEqual({ order: 'dmy', confidence: 0.95 });
    expect(detectDateOrder('As of 11/27/2026')).toEqual({ order: 'mdy', confidence: 0.95 });
  });
});

describe('other markets', () => {
  it.each([
    ['2026.11.27'],
    ['2026/11/27'],
    ['27-NOV-2026'],
    ['27.11.2026'],
    ['2026年11月27日'],
    ['2026 年 11 月 27 日'],
    ['2026년 11월 27일'],
    ['27. November 2026'],
    ['27 novembre 2026'],
    ['le 27 novembre 2026'],
    ['27 de noviembre de 2026'],
    ['27 noviembre 2026'],
    ['27 novembre 2026'],
    ['27 november 2026'],
    ['27th of November 2026'],
    ['27 Nov. 2026'],
    ['2026-Nov-27'],
  ])('reads %s as 2026-11-27', (text) => {
    expect(first(text)).toBe('2026-11-27');
  });

  it.each([
    ['3. März 2026', '2026-03-03'],
    ['1er mars 2026', '2026-03-01'],
    ['15 août 2026', '2026-08-15'],
    ['15 aout 2026', '2026-08-15'],
    ['2 maggio 2026', '2026-05-02'],
    ['2 mei 2026', '2026-05-02'],
    ['2 maart 2026', '2026-03-02'],
    ['31 dic 2026', '2026-12-31'],
    ['1º de enero de 2026', '2026-01-01'],
    ['17 Dezember 2026', '2026-12-17'],
    ['9 giugno 2026', '2026-06-09'],
  ])('reads %s as %s', (text, iso) => {
    expect(first(text)).toBe(iso);
  });

  it('reads a day-first document day-first and says how sure it is', () => {
    const doc = 'Statement date 12-02-2026. Trades settled 15-01-2026 and 20-01-2026.';
    const order = detectDateOrder(doc);
    expect(order).toEqual({ order: 'dmy', confidence: 0.95 });
    const [d] = findDates('12-02-2026', order);
    expect(d).toMatchObject({ iso: '2026-02-12', quality: 0.95 });
  });

  it('leans on the document signals when its dates do not decide', () => {
    const euro = detectDateOrder('Datum 12-02-2026 Saldo 1.234,56 EUR');
    expect(euro.order).toBe('dmy');
    expect(euro.confidence).toBeLessThan(0.95);
    const rupee = detectDateOrder('As on 12/02/2026 margin ₹25,78,580.93');
    expect(rupee.order).toBe('dmy');
    const dollar = detectDateOrder('As of 12/02/2026 equity $1,234.56');
    expect(dollar).toEqual({ order: 'mdy', confidence: 0.85 });
  });

  it('sends an ambiguous date to review when nothing in the document decides', () => {
    const order = detectDateOrder('Date 12/02/2026 total 100');
    expect(order.confidence).toBeLessThan(0.8);
    expect(findDates('12/02/2026', order)[0]!.quality).toBeLessThan(0.8);
    const conflicting = detectDateOrder('13/01/2026 and 01/13/2026');
    expect(conflicting.confidence).toBeLessThan(0.8);
  });

  it('never reads a month word inside another word or without a day and year', () => {
    expect(findDates('Marzipan 12 2026')).toEqual([]);
    expect(findDates('Mai 2026')).toEqual([]);
    expect(findDates('3 days ago')).toEqual([]);
  });
});

describe('full-width dates', () => {
  it('reads a full-width CJK date', () => {
    expect(first('２０２６年１１月２７日')).toBe('2026-11-27');
  });
});
