import type { FieldName } from '../../contract/fields.ts';
import { BALANCE_SYNONYMS } from './synonyms.balances.ts';
import { HEADER_SYNONYMS } from './synonyms.header.ts';
import { LANGUAGE_SYNONYMS } from './synonyms.languages.ts';
import { MARGIN_SYNONYMS } from './synonyms.margin.ts';
import { NORDIC_POLISH_SYNONYMS } from './synonyms.nordic.polish.ts';

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
// Italian, Dutch, Portuguese and Spanish rows, then Swedish and Polish ones, follow each field's own rows.
const TABLE = Object.fromEntries(
  Object.entries(ENGLISH).map(([target, rows]) => [
    target,
    [
      ...rows,
      ...(LANGUAGE_SYNONYMS[target as LabelTarget] ?? []),
      ...(NORDIC_POLISH_SYNONYMS[target as LabelTarget] ?? []),
    ],
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
