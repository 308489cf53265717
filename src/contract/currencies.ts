/**
 * The one currency table of extraction: ISO 4217 codes statements print, the market tickers of units
 * that have no ISO code (a stablecoin is not the currency it tracks: `USDT` is not `USD`), the
 * symbols printed beside figures and the names printed in headings. Logic reads it through
 * `currency.lookup.ts`; nothing else in extraction keeps its own list.
 */

export interface CurrencyEntry {
  /** ISO 4217 code, or the market ticker of a unit that has none. */
  code: string;
  /** False for market tickers (USDT, USDC): the value is still reported as printed. */
  iso: boolean;
  /** Symbols that name this currency alone (`₹`, `HK$`). Shared symbols live in SHARED_SYMBOLS. */
  symbols: readonly string[];
  /** Lower-case names and their plurals as headings print them (`us dollars`, `pounds sterling`). */
  names: readonly string[];
}

export const CURRENCIES: readonly CurrencyEntry[] = [
  {
    code: 'USD',
    iso: true,
    symbols: ['US$', 'U$S'],
    names: ['us dollar', 'us dollars', 'u.s. dollar', 'u.s. dollars'],
  },
  { code: 'EUR', iso: true, symbols: ['€'], names: ['euro', 'euros', 'euroa', 'euró', 'ευρώ', 'евро'] },
  {
    code: 'GBP',
    iso: true,
    symbols: ['£'],
    names: ['british pound', 'british pounds', 'pound sterling', 'pounds sterling', 'sterling'],
  },
  { code: 'CHF', iso: true, symbols: ['SFr.', 'Fr.'], names: ['swiss franc', 'swiss francs'] },
  { code: 'JPY', iso: true, symbols: ['円'], names: ['japanese yen', 'yen'] },
  { code: 'CNY', iso: true, symbols: ['元', 'RMB'], names: ['renminbi', 'chinese yuan', 'yuan', '人民币'] },
  { code: 'CNH', iso: true, symbols: [], names: ['offshore renminbi', 'offshore yuan'] },
  { code: 'INR', iso: true, symbols: ['₹', 'Rs.', 'Rs'], names: ['indian rupee', 'indian rupees', 'rupee', 'rupees'] },
  { code: 'CAD', iso: true, symbols: ['C$', 'CA$', 'Can$'], names: ['canadian dollar', 'canadian dollars'] },
  { code: 'AUD', iso: true, symbols: ['A$', 'AU$'], names: ['australian dollar', 'australian dollars'] },
  { code: 'NZD', iso: true, symbols: ['NZ$'], names: ['new zealand dollar', 'new zealand dollars'] },
  { code: 'HKD', iso: true, symbols: ['HK$'], names: ['hong kong dollar', 'hong kong dollars'] },
  { code: 'SGD', iso: true, symbols: ['S$'], names: ['singapore dollar', 'singapore dollars'] },
  { code: 'TWD', iso: true, symbols: ['NT$'], names: ['new taiwan dollar', 'new taiwan dollars', 'taiwan dollar'] },
  { code: 'KRW', iso: true, symbols: ['₩'], names: ['korean won', 'south korean won'] },
  { code: 'SEK', iso: true, symbols: [], names: ['swedish krona', 'swedish kronor', 'svenska kronor'] },
  {
    code: 'NOK',
    iso: true,
    symbols: [],
    names: ['norwegian krone', 'norwegian kroner', 'norske kroner', 'norsk krone'],
  },
  { code: 'DKK', iso: true, symbols: [], names: ['danish krone', 'danish kroner', 'danske kroner', 'dansk krone'] },
  { code: 'PLN', iso: true, symbols: ['zł'], names: ['polish zloty', 'zloty'] },
  { code: 'CZK', iso: true, symbols: ['Kč'], names: ['czech koruna', 'česká koruna', 'ceska koruna', 'českých korun'] },
  { code: 'HUF', iso: true, symbols: ['Ft'], names: ['hungarian forint', 'forint'] },
  { code: 'ILS', iso: true, symbols: ['₪'], names: ['israeli shekel', 'new israeli shekel', 'shekel'] },
  { code: 'TRY', iso: true, symbols: ['₺', 'TL'], names: ['turkish lira', 'türk lirası', 'turk lirasi'] },
  {
    code: 'RUB',
    iso: true,
    symbols: ['₽', 'руб.', 'руб'],
    names: ['russian ruble', 'russian rouble', 'российский рубль', 'российских рублей', 'рубль', 'рублей', 'рубля'],
  },
  { code: 'MXN', iso: true, symbols: ['MX$', 'Mex$'], names: ['mexican peso', 'mexican pesos'] },
  { code: 'BRL', iso: true, symbols: ['R$'], names: ['brazilian real', 'brazilian reais'] },
  { code: 'ZAR', iso: true, symbols: [], names: ['south african rand'] },
  { code: 'THB', iso: true, symbols: ['฿'], names: ['thai baht', 'baht'] },
  { code: 'MYR', iso: true, symbols: ['RM'], names: ['malaysian ringgit', 'ringgit'] },
  { code: 'IDR', iso: true, symbols: ['Rp.', 'Rp'], names: ['indonesian rupiah', 'rupiah'] },
  { code: 'VND', iso: true, symbols: ['₫'], names: ['vietnamese dong', 'vietnam dong', 'việt nam đồng', 'đồng'] },
  { code: 'PHP', iso: true, symbols: ['₱'], names: ['philippine peso', 'philippine pesos'] },
  { code: 'AED', iso: true, symbols: [], names: ['uae dirham', 'emirati dirham', 'dirham'] },
  { code: 'SAR', iso: true, symbols: [], names: ['saudi riyal'] },
  { code: 'USDT', iso: false, symbols: ['₮'], names: ['tether'] },
  { code: 'USDC', iso: false, symbols: [], names: ['usd coin'] },
  // Crypto derivatives platforms keep inverse (coin-margined) accounts in the coin itself.
  { code: 'BTC', iso: false, symbols: ['₿'], names: ['bitcoin'] },
  { code: 'ETH', iso: false, symbols: [], names: ['ether', 'ethereum'] },
];

/**
 * Symbols several currencies print. `$` alone is the US dollar unless the document says otherwise;
 * `¥` is the yen or the yuan and only the document's other evidence (a code, `円`, `元`) decides.
 * The first code is the reading when the document gives no evidence, and `decided` says whether that
 * default is safe to report without review.
 */
export const SHARED_SYMBOLS: Readonly<Record<string, { codes: readonly string[]; decided: boolean }>> = {
  $: { codes: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN'], decided: true },
  '¥': { codes: ['JPY', 'CNY'], decided: false },
  '￥': { codes: ['JPY', 'CNY'], decided: false },
  kr: { codes: ['SEK', 'NOK', 'DKK'], decided: false },
};
