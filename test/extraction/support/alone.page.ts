import { type Placed, rows } from './pdf.builder.ts';

/** Label/value rows of an identities-alone test page: labels at x 60, values at `x`. */
export const kv = (top: number, pairs: [string, string][], x = 360): Placed[] => rows(top, 16, [60, x], pairs);

/** A page head: a title, the account and the date on the lines the identities-alone tests use. */
export const head = (title: string, account: string, date: string): Placed[] => [
  [title, 180, 40, 12],
  [account, 60, 70],
  [date, 330, 70],
];
