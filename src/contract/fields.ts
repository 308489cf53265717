/**
 * The canonical margin fields of the interface, in display order. In `src/contract/` because
 * extraction reads them too and imports no code from core; core re-exports them from the report schema.
 */
export const FIELD_NAMES = [
  'total_equity',
  'maintenance_requirement',
  'initial_requirement',
  'excess_liquidity',
  'margin_call',
  'buying_power',
  'cash_balance',
  'long_market_value',
  'short_market_value',
  'sma',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Fields no statement prints below zero: a requirement, a long market value, SMA, buying power. */
export const NEVER_NEGATIVE: ReadonlySet<FieldName> = new Set([
  'maintenance_requirement',
  'initial_requirement',
  'long_market_value',
  'sma',
  'buying_power',
]);
