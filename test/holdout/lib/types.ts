// The scorer's truth format (../shared/eval/score.mjs) and the shape every layout module returns.

import type { Rng } from './prng.ts';

export const FIELDS = [
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
export type Field = (typeof FIELDS)[number];
export type Fields = Partial<Record<Field, number>>;

export interface TruthReport {
  account_number: string;
  report_date: string;
  currency: string;
  fields: Fields;
}

export type Kind = 'text' | 'scanned' | 'mixed';

export interface GoodTruth {
  reports: TruthReport[];
  kind: Kind;
  layout: string;
  pages: number;
  notes: string;
}

export interface BadTruth {
  expect: 'error';
  reason: string;
}

/** what a layout produces for one document */
export interface Built {
  pdf: Uint8Array;
  reports: TruthReport[];
  notes: string;
}

export interface Layout {
  name: string;
  /** what the layout exercises (README) */
  tests: string;
  /** number of distinct wording/format variants */
  variants: number;
  build(rng: Rng, variant: number): Promise<Built>;
}
