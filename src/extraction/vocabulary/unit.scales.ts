/**
 * Words that state the unit figures are printed in (`All figures in GBP '000`, `in thousands`,
 * `(000s)`, `USD 000`, `in millions`, `€m`): a printed 9,842.0 under `'000` is 9,842,000.
 */

export interface UnitScaleWords {
  factor: number;
  /** Stand alone after a lead or in brackets (`in thousands`, `(000s)`). */
  names: readonly string[];
  /** Only right after a currency code or sign (`USD 000`, `€m`, `GBP k`). */
  marks: readonly string[];
}

export const UNIT_SCALES: readonly UnitScaleWords[] = [
  {
    factor: 1e3,
    names: ['thousands', "'000", '’000', "'000s", '’000s', '000s', "000's"],
    marks: ['000', 'k', 'thousand'],
  },
  { factor: 1e6, names: ['millions', "'000,000", '000,000s'], marks: ['m', 'mn', 'mm', 'million'] },
  { factor: 1e9, names: ['billions'], marks: ['bn', 'billion'] },
];

/** Words that introduce the unit (`All figures in`, `amounts expressed in`): the last word before it. */
export const UNIT_LEADS: readonly string[] = ['in'];
