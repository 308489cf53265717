import type { FieldName } from '../../contract/fields.ts';
import { BALANCE_SYNONYMS } from './synonyms.balances.ts';
import { HEADER_SYNONYMS } from './synonyms.header.ts';
import { INDONESIAN_VIETNAMESE_SYNONYMS } from './synonyms.indonesian.vietnamese.ts';
import { LANGUAGE_SYNONYMS } from './synonyms.languages.ts';
import { MARGIN_SYNONYMS } from './synonyms.margin.ts';
import { NORDIC_FINNISH_SYNONYMS } from './synonyms.nordic.finnish.ts';
import { NORDIC_POLISH_SYNONYMS } from './synonyms.nordic.polish.ts';
import { RUSSIAN_GREEK_SYNONYMS } from './synonyms.russian.greek.ts';
import { TURKISH_CZECH_HUNGARIAN_SYNONYMS } from './synonyms.turkish.czech.hungarian.ts';

/** What a label can point at: a margin figure, or one of the header values. */
export type LabelTarget = FieldName | 'account' | 'date' | 'currency';

export interface Synonym {
  target: LabelTarget;
  phrase: string;
  /**
   * Preference among labels of the same field (house over exchange, net liquidation over equity).
   * Below 0.8 the label is a fallback whose value is always flagged for review.
   */
  weight: number;
  /** The label names a deficit or debit printed as a positive number (`Margin Deficit 1,200`). */
  negate?: boolean;
}

export type SynonymRow = [phrase: string, weight?: number, negate?: boolean];

// Key order is the matcher's order of preference among equal matches: margin figures, balances, header values.
const ENGLISH: Record<LabelTarget, SynonymRow[]> = { ...MARGIN_SYNONYMS, ...BALANCE_SYNONYMS, ...HEADER_SYNONYMS };
/**
 * The other languages, each table's rows after each field's English, German and French ones: Italian, Dutch,
 * Portuguese, Spanish; Swedish, Polish; Danish, Norwegian, Finnish; Turkish, Czech, Hungarian; Russian, Greek;
 * Indonesian, Vietnamese.
 */
const LANGUAGES: readonly Partial<Record<LabelTarget, SynonymRow[]>>[] = [
  LANGUAGE_SYNONYMS,
  NORDIC_POLISH_SYNONYMS,
  NORDIC_FINNISH_SYNONYMS,
  TURKISH_CZECH_HUNGARIAN_SYNONYMS,
  RUSSIAN_GREEK_SYNONYMS,
  INDONESIAN_VIETNAMESE_SYNONYMS,
];
const TABLE = Object.fromEntries(
  Object.entries(ENGLISH).map(([target, rows]) => [
    target,
    [...rows, ...LANGUAGES.flatMap((language) => language[target as LabelTarget] ?? [])],
  ]),
) as Record<LabelTarget, SynonymRow[]>;

export const SYNONYMS: Synonym[] = Object.entries(TABLE).flatMap(([target, rows]) =>
  rows.map(([phrase, weight = 1, negate]) => ({
    target: target as LabelTarget,
    phrase,
    weight,
    ...(negate ? { negate } : {}),
  })),
);
