/** The one currency table lives in `src/contract/`: the edit forms read amounts with it too. */
export * from '../../contract/currencies.ts';
