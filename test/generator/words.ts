// The generator's own vocabulary. It is written apart from the extractor's data files on purpose:
// `vocabulary.test.ts` fails if any label here equals one of the extractor's phrases, so the
// property tests measure reading by structure and accounting, not a shared word list.
import type { MoneyField } from './figures.ts';

export const FIELD_WORDS: Record<MoneyField, readonly string[]> = {
  total_equity: [
    'Total Account Worth',
    'Net Liquidating Balance',
    'Equity at Market',
    'Portfolio Equity Total',
    'Account Net Worth',
    'Liquidation Equity Value',
  ],
  maintenance_requirement: [
    'House Minimum Equity',
    'Maintenance Obligation',
    'Required Maintenance Equity',
    'Minimum Maintenance Level',
    'Maint. Margin Needed',
  ],
  initial_requirement: [
    'Initial Margin Needed',
    'Initial Equity Required',
    'Reg. T Initial Need',
    'Initial Margin Level',
  ],
  excess_liquidity: [
    'Excess Over House Minimum',
    'Maintenance Cushion',
    'Surplus (Shortfall)',
    'Excess / (Shortfall)',
    'Equity Over Requirement',
  ],
  margin_call: ['Maintenance Call Due Now', 'Call Outstanding', 'House Call Amount', 'Margin Call Issued'],
  buying_power: ['Purchasing Power', 'Margin Purchasing Power', 'Buying Capacity', 'Available to Buy'],
  cash_balance: ['Cash on Account', 'Cash Ledger Amount', 'Cash Position', 'Settled Cash Position'],
  long_market_value: [
    'Long Holdings Value',
    'Long Side Market Worth',
    'Value of Long Holdings',
    'Long Securities at Market',
  ],
  short_market_value: [
    'Short Holdings Value',
    'Short Side Market Worth',
    'Value of Short Holdings',
    'Short Securities at Market',
  ],
  sma: ['Special Memo Acct Balance', 'SMA (Reg. T)', 'Special Memorandum Balance'],
};

/** Short column titles for tables with one row per account. */
export const COLUMN_WORDS: Record<MoneyField, readonly [string, string][]> = {
  total_equity: [
    ['Acct Net', 'Worth'],
    ['Net Liq. Acct', 'Worth'],
  ],
  maintenance_requirement: [
    ['House Min.', 'Floor'],
    ['Maint. Level', 'Needed'],
  ],
  initial_requirement: [
    ['Init. Equity', 'Needed'],
    ['Initial Need', 'Reg. T Basis'],
  ],
  excess_liquidity: [
    ['Excess or', '(Shortfall)'],
    ['Maint. Level', 'Cushion'],
  ],
  margin_call: [
    ['Calls Now', 'Outstanding'],
    ['Maint. Call', 'Due Now'],
  ],
  buying_power: [
    ['Purchasing', 'Capacity'],
    ['Buying', 'Capacity'],
  ],
  cash_balance: [
    ['Cash Ledger', 'Sum'],
    ['Cash Held', 'at Close'],
  ],
  long_market_value: [
    ['Long Side', 'at Market'],
    ['Mkt Value of', 'Long Side'],
  ],
  short_market_value: [
    ['Short Side', 'at Market'],
    ['Mkt Value of', 'Short Side'],
  ],
  sma: [['Spec. Memo', 'Acct Bal.']],
};

export const ACCOUNT_WORDS = [
  'Account Reference',
  'Acct. Identifier',
  'Client Account No.',
  'Account Nbr',
  'Portfolio ID',
];
export const DATE_WORDS = [
  'Statement as at',
  'Valuation as of',
  'Positions as of close',
  'Business Day Ending',
  'Data as of',
];
export const CURRENCY_WORDS = ['Figures shown in', 'Denomination', 'Amounts expressed in'];

/** Other accounts printed beside the real one: the figures never belong to them. */
export const OTHER_ACCOUNT_WORDS = [
  'Master Relationship No.',
  'Linked Funding Acct',
  'Sweep Vehicle Ref',
  'Clearing Firm Acct',
  'Swap Collateral Acct',
];

/**
 * Column titles, as the two lines a two-line header prints (one-line headers join them): the
 * current column holds the report; the others are distractors.
 */
export const CURRENT_WORDS: readonly [string, string][] = [
  ['Session', 'Close Figures'],
  ['Reported Figures', 'Tonight'],
  ['As Reported', 'This Session'],
];
export const DISTRACTOR_COLUMN_WORDS: readonly [string, string][] = [
  ['Session', 'Before'],
  ['Preceding', 'Session'],
  ['Move Since', 'Last Session'],
  ['Day-over-Day', 'Move'],
  ['Running Sum', 'Since January'],
];
/** Upper header over the value columns (stacked headers). */
export const GROUP_HEADER_WORDS = ['Book Figures', 'Margin Figures', 'Account Values'];
export const ROW_TITLE_WORDS = ['Item', 'Description', 'Measure'];

export const PAGE_TOTAL_WORDS = ['TOTAL FOR PAGE', 'Page Subtotal'];
export const REPORT_TOTAL_WORDS = ['TOTAL FOR REPORT', 'Grand Total All Accounts'];
export const HOUSEHOLD_WORDS = ['Household Combined', 'All Accts Together', 'Relationship Aggregate'];

export const TITLE_WORDS = [
  'Daily Margin Position',
  'Margin Exception Listing',
  'Customer Margin Summary',
  'Risk Overview',
  'Collateral and Margin Report',
];
export const FIRM_WORDS = ['Northwind Clearing', 'Bluefin Securities', 'Halden & Roe', 'Kestrel Prime Services'];

/** Prose sentences; `{x}` is replaced by a formatted amount. */
export const PROSE: Partial<Record<MoneyField, readonly string[]>> = {
  total_equity: ['the account net worth came to {x}', 'total net assets stood at {x}'],
  maintenance_requirement: ['against a house minimum of {x}', 'with a maintenance obligation of {x}'],
  excess_liquidity: ['leaving a cushion of {x}', 'which leaves an excess of {x} over the house minimum'],
  margin_call: ['a maintenance deficiency of {x} must be met', 'a house call of {x} is outstanding'],
};

export const NO_CALL_PROSE = ['no maintenance call is due', 'there is no call outstanding on this account'];
export const CARD_TITLE_WORDS = ['Overview', 'Margin Needs', 'Holdings Snapshot', 'Funding Sources'];
/** Banner titles a line-printed statement draws between runs of asterisks over its blocks of figures. */
export const BANNER_WORDS = [
  'Cash Ledger Overview',
  'Equity and Margin Recap',
  'Account Figures at Close',
  'Margin Status Digest',
];

/** Every label string the generator can print, for the vocabulary test. */
export function allGeneratorLabels(): string[] {
  return [
    ...Object.values(FIELD_WORDS).flat(),
    ...Object.values(COLUMN_WORDS).flatMap((pairs) => pairs.flatMap(([a, b]) => [a, b, `${a} ${b}`])),
    ...ACCOUNT_WORDS,
    ...DATE_WORDS,
    ...CURRENCY_WORDS,
    ...OTHER_ACCOUNT_WORDS,
    ...[...CURRENT_WORDS, ...DISTRACTOR_COLUMN_WORDS].flatMap(([a, b]) => [a, b, `${a} ${b}`]),
    ...GROUP_HEADER_WORDS,
    ...ROW_TITLE_WORDS,
    ...CARD_TITLE_WORDS,
    ...BANNER_WORDS,
    ...PAGE_TOTAL_WORDS,
    ...REPORT_TOTAL_WORDS,
    ...HOUSEHOLD_WORDS,
  ];
}
