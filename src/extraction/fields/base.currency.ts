import type { Segmented } from '../layout/segments.ts';
import { currencyInProse } from '../structure/prose.cells.ts';
import { BASE_CURRENCY_LABEL_WORDS } from '../vocabulary/currencies.ts';
import { phraseRegExp } from '../vocabulary/word.patterns.ts';
import { labelHits } from './candidates.ts';
import { rowValues } from './label.values.ts';

/**
 * The base (reporting) currency a statement states in words, wherever it prints it: a base-currency
 * label with its code (`Base Currency | GBP`, `Reporting currency: EUR` inside a header line), or a
 * sentence about all the figures (`All amounts are shown in euros`). It says which column of a table
 * that prints one column per currency is the report. A bare `Currency` label counts only when no
 * base statement speaks; two different statements of the same strength say nothing.
 */
export function statedBaseCurrency(lines: readonly Segmented[]): string | null {
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const line of lines) {
    const hits = labelHits(line);
    for (const hit of hits) {
      if (hit.match.target !== 'currency') continue;
      const code = rowValues(line, hit, hits, null)[0]?.value;
      if (typeof code !== 'string') continue;
      (BASE_LABEL.test(hit.seg.text) ? strong : weak).add(code);
    }
    const prose = currencyInProse(line);
    if (prose && typeof prose.value === 'string') strong.add(prose.value);
  }
  const told = strong.size > 0 ? strong : weak;
  return told.size === 1 ? [...told][0]! : null;
}

const BASE_LABEL = phraseRegExp(BASE_CURRENCY_LABEL_WORDS);
