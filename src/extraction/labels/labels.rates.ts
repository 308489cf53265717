/**
 * Words of a row or column that holds ratios between currencies or units, never money nor account
 * numbers (`Rate to GBP | 1.0000 | 0.8610`, `FX rate`, `Conversion factor`): its figures are rates.
 * Each phrase is matched as whole words, case-insensitively. `FX` or `Conversion` alone are not here:
 * a row of currency conversions (`FX conversion  -12,000.00`) moves money.
 */
export const RATE_LABEL_WORDS: readonly string[] = [
  'rate',
  'rates',
  'exchange rate',
  'exchange rates',
  'fx rate',
  'forex rate',
  'spot rate',
  'closing rate',
  'settlement rate',
  'rate of exchange',
  'conversion rate',
  'conversion factor',
  'conv rate',
  'xrate',
  'wechselkurs',
  'umrechnungskurs',
  'devisenkurs',
  'taux',
  'taux de change',
  'taux de conversion',
  'tasso di cambio',
  'tipo de cambio',
];

/** A rate printed to four decimals or more (`0.8610`, `1.173500`): money is printed to cents. */
export const RATE_MIN_DECIMALS = 4;

/**
 * The word after a percentage that names a rate's basis (`50% of the market value`, `50% dari nilai pasar
 * efek`): in a sentence, a field named after it is what the rate is taken of, not the figure the sentence gives.
 */
export const RATE_BASIS_WORDS: readonly string[] = [
  'of',
  'dari',
  'av',
  'af',
  'von',
  'des',
  'de',
  'du',
  'del',
  'della',
  'van',
];
