import { describe, expect, it } from 'vitest';
import {
  currencyCodeIn,
  currencyFromCode,
  currencyFromName,
  currencyFromSymbol,
  currencyFromText,
  detectDocumentCurrency,
  isCurrencyCode,
  isMarketTicker,
} from '../../src/extraction/parse/currency.parser.ts';
import { CURRENCIES, SHARED_SYMBOLS } from '../../src/extraction/vocabulary/currencies.ts';

describe('the currency table', () => {
  it('lists each code, symbol and name once', () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const symbols = [...CURRENCIES.flatMap((c) => c.symbols), ...Object.keys(SHARED_SYMBOLS)];
    expect(new Set(symbols).size).toBe(symbols.length);
    const names = CURRENCIES.flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
    // Market tickers: stablecoins (`USDT`) and coins (`BTC`), none of them an ISO code.
    for (const c of CURRENCIES) expect(c.code).toMatch(c.iso ? /^[A-Z]{3}$/ : /^[A-Z]{3,5}$/);
  });

  it('keeps every code a shared symbol may stand for in the table', () => {
    for (const { codes } of Object.values(SHARED_SYMBOLS)) for (const c of codes) expect(isCurrencyCode(c)).toBe(true);
  });
});

describe('currency lookups', () => {
  it('knows ISO codes and market tickers, and nothing else', () => {
    expect(isCurrencyCode('INR')).toBe(true);
    expect(isCurrencyCode('USDT')).toBe(true);
    expect(isMarketTicker('USDT')).toBe(true);
    expect(isMarketTicker('USD')).toBe(false);
    for (const coin of ['BTC', 'ETH']) expect(isMarketTicker(coin)).toBe(true);
    for (const word of ['OTE', 'SMA', 'ACH', 'usd']) expect(isCurrencyCode(word)).toBe(false);
  });

  it('reads a code alone, in brackets or inside a heading', () => {
    expect(currencyFromCode('(usd)')).toBe('USD');
    expect(currencyFromCode('USDC')).toBe('USDC');
    expect(currencyFromCode('Total')).toBeNull();
    expect(currencyCodeIn('Converted to usd')).toBe('USD');
    expect(currencyCodeIn('Wallet balance (USDT)')).toBe('USDT');
    expect(currencyCodeIn('EURO')).toBeNull();
  });

  it('reads currency names in headings', () => {
    expect(currencyFromName('*** US DOLLARS ***')).toBe('USD');
    expect(currencyFromName('Pounds Sterling')).toBe('GBP');
    expect(currencyFromName('EURO')).toBe('EUR');
    expect(currencyFromName('Indian Rupees')).toBe('INR');
    expect(currencyFromName('Eurostoxx futures')).toBeNull();
    expect(currencyFromText('Euro (EUR)')).toBe('EUR');
  });

  it('reads symbols, deciding a shared one only from the document', () => {
    expect(currencyFromSymbol('₹')).toEqual({ code: 'INR', decided: true });
    expect(currencyFromSymbol('€')).toEqual({ code: 'EUR', decided: true });
    expect(currencyFromSymbol('£')).toEqual({ code: 'GBP', decided: true });
    expect(currencyFromSymbol('$')).toEqual({ code: 'USD', decided: true });
    expect(currencyFromSymbol('$', 'CAD')).toEqual({ code: 'CAD', decided: true });
    expect(currencyFromSymbol('¥')).toEqual({ code: 'JPY', decided: false });
    expect(currencyFromSymbol('¥', 'CNY')).toEqual({ code: 'CNY', decided: true });
    expect(currencyFromSymbol('¥', 'EUR')).toEqual({ code: 'JPY', decided: false });
    expect(currencyFromSymbol('@')).toBeNull();
  });
});

describe('detectDocumentCurrency', () => {
  it('takes the currency the document names most', () => {
    expect(detectDocumentCurrency('Base currency: EUR. Net equity € 1.234,56, cash € 12,00')?.code).toBe('EUR');
    expect(
      detectDocumentCurrency('Margin balance 1,000.00 USDT, wallet 2,000.00 USDT (USD value 2,001.00)')?.code,
    ).toBe('USDT');
    expect(detectDocumentCurrency('口座 人民币 ¥1,000')?.code).toBe('CNY');
    expect(detectDocumentCurrency('nothing here')).toBeNull();
  });
});
