import { describe, expect, it } from 'vitest';
import { currencyFromSymbol, currencyFromText } from '../../src/extraction/parse/currency.parser.ts';
import { findDates } from '../../src/extraction/parse/date.parser.ts';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';
import { needsOcr } from '../../src/extraction/pdf/text-layer.ts';
import { contextOf, isNoneWord } from '../../src/extraction/vocabulary/context.match.ts';
import { foldedWords, foldText, letterRun } from '../../src/extraction/vocabulary/word.patterns.ts';

describe('the one fold of every word list', () => {
  it('folds Turkish dotted and dotless i alike, in either case', () => {
    expect(foldText('İDAME TEMİNATI')).toBe('idame teminati');
    expect(foldText('ıslak Işık')).toBe('islak isik');
  });

  it('drops Greek tonos and dialytika and reads a final sigma as sigma', () => {
    expect(foldText('Περιθώριο ΔΙΑΤΉΡΗΣΗΣ')).toBe('περιθωριο διατηρησησ');
    expect(foldText('Μαΐου')).toBe('μαιου');
    expect(foldText('ς')).toBe(foldText('Σ'));
  });

  it('lower-cases Cyrillic and reads ё as е, й as и', () => {
    expect(foldText('СЧЁТ')).toBe('счет');
    expect(foldText('Торговый')).toBe('торговыи');
  });

  it('strips stacked Vietnamese marks, composed or decomposed, and reads đ as d', () => {
    expect(foldText('Ký quỹ duy trì')).toBe('ky quy duy tri');
    expect(foldText('Số dư'.normalize('NFD'))).toBe('so du');
    expect(foldText('ĐỒNG')).toBe('dong');
  });

  it('strips Czech, Hungarian, Danish and Polish letters to plain ones', () => {
    expect(foldText('Přebytek žádný')).toBe('prebytek zadny');
    expect(foldText('Többlet őrző')).toBe('tobblet orzo');
    expect(foldText('Købekraft Æble')).toBe('kobekraft aeble');
    expect(foldText('Długich')).toBe('dlugich');
  });

  it('splits words in any script and keeps Hangul syllables whole', () => {
    expect(foldedWords('Маржин-колл: нет')).toEqual(['маржин', 'колл', 'нет']);
    expect(foldedWords('없음')).toEqual(['없음']);
  });

  it('tells a label cell by its letters in Latin, Greek or Cyrillic script', () => {
    expect(letterRun(2).test('Нал')).toBe(true);
    expect(letterRun(2).test('Ωρ')).toBe(true);
    expect(letterRun(2).test('Öz')).toBe(true);
    expect(letterRun(2).test('1 234,50 ₽')).toBe(false);
  });
});

describe('words for none, current and prior in the added languages', () => {
  it.each([
    'Yok',
    'YOK',
    'Nincs',
    'Intet',
    'Ingen',
    'Ei ole',
    'Tidak ada',
    'Nihil',
    'Нет',
    'ОТСУТСТВУЕТ',
    'Καμία',
    'ΚΑΝΕΝΑ',
    'Không',
    'Không có',
    'Žádná',
    'zadna',
  ])('reads %s as no figure', (word) => {
    expect(isNoneWord(word)).toBe(true);
  });

  it('reads the prior and current columns of each language', () => {
    for (const title of [
      'Önceki gün',
      'Předchozí den',
      'Előző nap',
      'Предыдущий день',
      'Προηγ. εργάσιμη',
      'Kemarin',
      'Kỳ trước',
    ])
      expect(contextOf(title), title).toBe('distractor');
    for (const title of ['Bugün', 'Сегодня', 'Σήμερα', 'Hari ini', 'Hôm nay'])
      expect(contextOf(title), title).toBe('current');
    for (const title of ['Toplam', 'Összesen', 'Итого', 'Σύνολο']) expect(contextOf(title), title).toBe('total');
  });
});

describe('dates in the added languages', () => {
  it.each([
    ['Değerleme: 7 Ara 2026', '2026-12-07'],
    ['15 Şubat 2027', '2027-02-15'],
    ['3 subat 2027', '2027-02-03'],
    ['Per tanggal 7 Desember 2026', '2026-12-07'],
    ['30 Agustus 2026', '2026-08-30'],
    ['Ngày 07 tháng 12 năm 2026', '2026-12-07'],
    ['ngay 5 thang 3 nam 2027', '2027-03-05'],
    ['Stav k 07.XII.2026', '2026-12-07'],
    ['dne 1. IV. 2027', '2027-04-01'],
    ['Fordulónap: 2026. 12. 07.', '2026-12-07'],
    ['2027. március 3.', '2027-03-03'],
    ['по состоянию на 7 декабря 2026 г.', '2026-12-07'],
    ['7 ДЕК 2026', '2026-12-07'],
    ['7 Δεκεμβρίου 2026', '2026-12-07'],
    ['7 ΔΕΚΕΜΒΡΙΟΥ 2026', '2026-12-07'],
    ['31. lokakuuta 2026', '2026-10-31'],
    ['7. december 2026', '2026-12-07'],
    ['12. září 2026', '2026-09-12'],
  ])('reads %s as %s', (text, iso) => {
    expect(findDates(text, 'dmy').map((d) => d.iso)).toEqual([iso]);
  });

  it('reads no Roman month where a space alone parts it from the day', () => {
    expect(findDates('Section 1 I 2026', 'dmy')).toEqual([]);
  });
});

describe('currencies of the added markets', () => {
  it.each([
    ['₺', 'TRY'],
    ['TL', 'TRY'],
    ['Kč', 'CZK'],
    ['Ft', 'HUF'],
    ['₽', 'RUB'],
    ['руб.', 'RUB'],
    ['Rp', 'IDR'],
    ['₫', 'VND'],
  ])('reads the symbol %s as %s', (symbol, code) => {
    expect(currencyFromSymbol(symbol)?.code).toBe(code);
  });

  it.each([
    ['VND (đồng)', 'VND'],
    ['česká koruna', 'CZK'],
    ['российский рубль', 'RUB'],
    ['danske kroner', 'DKK'],
    ['norske kroner', 'NOK'],
    ['ευρώ', 'EUR'],
  ])('reads the name in %s as %s', (text, code) => {
    expect(currencyFromText(text)).toBe(code);
  });

  it('reads a figure with its currency after it', () => {
    expect(findAmounts('1.234,50 TL', 'comma')[0]?.currency).toBe('TRY');
    expect(findAmounts('12 345,00 Kč', 'comma')[0]?.value).toBe(12345);
  });
});

describe('text layers in other scripts', () => {
  const page = (text: string) =>
    text.split(' ').map((t, i) => ({ text: t, x0: i * 40, x1: i * 40 + 30, y0: 0, y1: 10, conf: 1 }));

  it('takes a Cyrillic, Greek or Vietnamese text layer as text, not as a garbled font', () => {
    const digits = '1 234 567,89 2 345 678,90 3 456 789,01 4 567 890,12 5 678 901,23 6 789 012,34 7 890 123,45';
    expect(needsOcr(page(`Ликвидационная стоимость портфеля Минимальная маржа ${digits}`))).toBe(false);
    expect(needsOcr(page(`Καθαρή αξία λογαριασμού Περιθώριο διατήρησης ${digits}`))).toBe(false);
    expect(needsOcr(page(`Giá trị ký quỹ duy trì Số dư tiền mặt Sức mua ${digits}`))).toBe(false);
  });
});
