/** The number formats statements print live in `src/contract/`: the edit forms read amounts with them too. */
export * from '../../contract/number-formats.ts';
