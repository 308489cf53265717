import { RATE_LABEL_WORDS, RATE_MIN_DECIMALS } from '../labels/labels.rates.ts';
import { phraseRegExp } from '../vocabulary/word.patterns.ts';

/**
 * Rows of exchange or conversion rates (`FX rate to GBP | 1.0000 | 0.8610`): their figures are
 * ratios between currencies, never money and never account numbers, so no table reads them as
 * either.
 */

const RATE_LABEL = phraseRegExp(RATE_LABEL_WORDS);

/** True when a row's or column's label says it holds rates. */
export const isRateLabel = (text: string): boolean => RATE_LABEL.test(text.replace(/[_/]+/g, ' '));

const RATE_FIGURE = new RegExp(String.raw`^\d[.,]\d{${RATE_MIN_DECIMALS},}$`);

/**
 * A number printed as a rate near 1: one whole digit and four decimals or more (`0.8610`, `1,1735`).
 * Money is printed to cents and account numbers do not look like this; a row of them is a row of rates.
 */
export const isRateFigure = (text: string): boolean => RATE_FIGURE.test(text.trim());
