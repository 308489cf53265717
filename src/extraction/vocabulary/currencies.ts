/** The one currency table lives in `src/contract/`: the edit forms read amounts with it too. */
export * from '../../contract/currencies.ts';

/**
 * Words of one market's regulation, which name its currency when nothing else does: a statement
 * that speaks of Reg T, SMA and FINRA and prints no currency is in US dollars.
 */
export const MARKET_WORDS: Readonly<Record<string, readonly string[]>> = {
  USD: ['finra', 'reg t', 'regulation t', 'sma', 'special memorandum', 'special memo', 'fed call', 'federal call'],
};
