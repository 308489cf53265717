import { RATE_BASIS_WORDS } from './labels.rates.ts';

const RATE_BASIS: ReadonlySet<string> = new Set(RATE_BASIS_WORDS);

/**
 * Where a rate of a basis stands in a label's words (`… is 50% of the market value`, as tokenized: lower
 * case, `50%` one word or `50 %` two): the index of the rate, or -1. The words from there on name what the rate is
 * taken of, not the figure the label gives.
 */
export const rateBasisAt = (words: readonly string[]): number =>
  words.findIndex(
    (w, i) =>
      (/\d%$/.test(w) && RATE_BASIS.has(words[i + 1] ?? '')) ||
      (/^\d+$/.test(w) && words[i + 1] === '%' && RATE_BASIS.has(words[i + 2] ?? '')),
  );
