import { type Placed, rows } from './pdf.builder.ts';

/** A statement of one invented layout on two days, for layout memory: its `Collateral Headroom Reserve` no vocabulary knows. */
export interface Day {
  account: string;
  date: string;
  equity: string;
  prior: string;
  maint: string;
  excess: string;
  cash: string;
  headroom: string;
}

/** A one-page daily snapshot whose `Collateral Headroom Reserve` no vocabulary knows. */
export function snapshot(d: Day): Placed[][] {
  return [
    [
      ['Quillon Securities Daily Risk Snapshot', 50, 40, 14],
      [`Account ${d.account}`, 50, 70],
      [`As of ${d.date}`, 380, 70],
      ...rows(
        110,
        16,
        [50, 380],
        [
          ['Net Liquidating Value', d.equity],
          ['Prior Day Net Liquidating Value', d.prior],
          ['House Maintenance Requirement', d.maint],
          ['Maintenance Excess', d.excess],
          ['Cash Balance', d.cash],
          ['Collateral Headroom Reserve', d.headroom],
        ],
      ),
      ['Figures in USD. Quillon Securities, member FINRA and SIPC.', 50, 300, 8],
    ],
  ];
}

export const day1: Day = {
  account: '44-1200-7',
  date: '2026-11-26',
  equity: '1,250,000.00',
  prior: '1,190,000.00',
  maint: '400,000.00',
  excess: '850,000.00',
  cash: '(12,345.67)',
  headroom: '77,120.50',
};
export const day2: Day = {
  account: '51-9034-2',
  date: '2026-11-27',
  equity: '2,005,300.10',
  prior: '1,998,000.00',
  maint: '905,300.10',
  excess: '1,100,000.00',
  cash: '(8,000.00)',
  headroom: '93,410.25',
};
