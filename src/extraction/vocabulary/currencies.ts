/** The one currency table lives in `src/contract/`: the edit forms read amounts with it too. */
export * from '../../contract/currencies.ts';

/**
 * Words of one market's regulation, which name its currency when nothing else does: a statement
 * that speaks of Reg T, SMA and FINRA and prints no currency is in US dollars.
 */
export const MARKET_WORDS: Readonly<Record<string, readonly string[]>> = {
  USD: ['finra', 'reg t', 'regulation t', 'sma', 'special memorandum', 'special memo', 'fed call', 'federal call'],
};

/**
 * Currency words printed without their country (`balances are in dollars`, `*** US DOLLARS ***`):
 * each is part of a name in the one currency table, which then says the code.
 */
export const CURRENCY_UNIT_WORDS: readonly string[] = [
  'dollar',
  'dollars',
  'euro',
  'euros',
  'pound',
  'pounds',
  'pound sterling',
  'pounds sterling',
  'sterling',
  'franc',
  'francs',
  'yen',
];

/** A currency section's heading with one of these is the converted, all-currency total. */
export const CONVERTED_TOTAL_WORDS: readonly string[] = [
  'converted',
  'all currencies',
  'base currency',
  'combined',
  'consolidated',
  'total',
];
/** Of those, the ones that make a heading a total even without decoration (`Converted to USD`). */
export const CONVERTED_WORDS: readonly string[] = ['converted', 'all currencies'];
/** Words of a currency heading that are not the currency (`CONVERTED TO USD` names USD). */
export const CURRENCY_HEADING_NOISE: readonly string[] = [
  'converted',
  'to',
  'all',
  'currencies',
  'base',
  'currency',
  'combined',
  'consolidated',
  'total',
];

/**
 * Words of a currency label that make it the statement's base (reporting) currency, the one its
 * per-currency columns are reported in (`Base Currency`, `Reporting currency`, `Account currency`);
 * a bare `Currency` may name one column's currency only.
 */
export const BASE_CURRENCY_LABEL_WORDS: readonly string[] = [
  'base',
  'reporting',
  'report',
  'reference',
  'account',
  'accounting',
  'presentation',
  'valuation',
  'referenzwährung',
  'devise de référence',
  'devise de base',
];
