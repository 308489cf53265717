/** The number formats statements print live in `src/contract/`: the edit forms read amounts with them too. */
export * from '../../contract/number-formats.ts';

/** A cell holding one of these (lower case) is nil, 0: `Nil`. */
export const NIL_WORDS: readonly string[] = ['nil'];
