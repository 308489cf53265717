import { describe, expect, it } from 'vitest';
import { readDocumentFormats } from '../../src/extraction/parse/document.formats.ts';
import { findAmounts } from '../../src/extraction/parse/value.parser.ts';

describe('readDocumentFormats', () => {
  it('reads a European statement as decimal comma and day-first', () => {
    const f = readDocumentFormats('Kontoauszug 12.02.2026\nSaldo 1.234,56 EUR\nMarge 987,65 EUR');
    expect(f.locale).toBe('comma');
    expect(f.dateOrder.order).toBe('dmy');
    expect(f.currency).toBeNull();
  });

  it('decides the yen sign from the rest of the document', () => {
    const yuan = readDocumentFormats('币种 人民币 CNY\n保证金 ¥1,234.00');
    expect(yuan.currency).toBe('CNY');
    expect(findAmounts('¥1,234.00', yuan.locale, yuan)[0]).toMatchObject({ currency: 'CNY' });
    const yen = readDocumentFormats('Currency JPY\n証拠金 ¥1,234');
    expect(yen.currency).toBe('JPY');
    const none = readDocumentFormats('Margin ¥1,234');
    expect(none.currency).toBeNull();
    expect(findAmounts('¥1,234', none.locale, none)[0]).toMatchObject({ currency: 'JPY', currencyUndecided: true });
  });

  it('never lets a document currency turn the dollar sign into another dollar', () => {
    const f = readDocumentFormats('Account in CAD CAD CAD\nEquity $1,000.00');
    expect(f.currency).toBeNull();
    expect(findAmounts('$1,000.00', f.locale, f)[0]?.currency).toBe('USD');
  });

  it('lets spaces group digits only where the document does not group its figures by another mark', () => {
    expect(readDocumentFormats('Equity 1,234,567.89\nQty 100 200 300').spaceGroups).toBe(false);
    expect(readDocumentFormats("Equity 1'234'567.89\nQty 100 200 300").spaceGroups).toBe(false);
    expect(readDocumentFormats('Saldo 1.234.567,89 EUR\nQty 100 200 300').spaceGroups).toBe(false);
    // A spaced figure with decimals: the document groups by spaces.
    expect(readDocumentFormats('Equity 1 234 567,89\nMargin 1 000').spaceGroups).toBe(true);
    // Nothing grouped otherwise: a spaced whole figure may be one.
    expect(readDocumentFormats('Net equity 1 234 567').spaceGroups).toBe(true);
  });

  it('tells whether a negative figure’s minus leads its currency code, from figures printed alone', () => {
    expect(readDocumentFormats('Surplus   -CHF 2,400.10\nEquity   CHF 9,000.00').minusLeadsCode).toBe(true);
    expect(readDocumentFormats('Surplus   CHF 2,400.10-\nEquity   CHF 9,000.00').minusLeadsCode).toBe(false);
    // Both ways in one document, or no signed figure at all: nothing is known.
    expect(readDocumentFormats('A   -CHF 2,400.10\nB   CHF 1,000.00-').minusLeadsCode).toBe(false);
    expect(readDocumentFormats('Equity   CHF 9,000.00').minusLeadsCode).toBe(false);
  });
});
