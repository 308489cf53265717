// Report dates: business days between 2025-01-02 and 2026-11-27, printed in the forms brokers use.

import type { Rng } from './prng.ts';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MON = MONTHS.map((m) => m.slice(0, 3));
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const FIRST = Date.UTC(2025, 0, 2);
const LAST = Date.UTC(2026, 10, 27);
const DAY = 86_400_000;

export const iso = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY);
const p2 = (n: number): string => String(n).padStart(2, '0');

/** a weekday, uniformly over the range */
export function businessDay(rng: Rng, from = FIRST, to = LAST): Date {
  for (;;) {
    const d = new Date(from + Math.floor(rng.next() * ((to - from) / DAY + 1)) * DAY);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) return d;
  }
}

/** the next business day after d */
export function nextBusinessDay(d: Date, n = 1): Date {
  let x = d;
  let left = n;
  while (left > 0) {
    x = addDays(x, 1);
    if (x.getUTCDay() !== 0 && x.getUTCDay() !== 6) left--;
  }
  return x;
}

/** a calendar month that ended on or before 2026-11-27: [first day, last day] */
export function monthPeriod(rng: Rng): [Date, Date] {
  const idx = rng.int(0, 21); // Jan 2025 .. Oct 2026
  const y = 2025 + Math.floor(idx / 12);
  const m = idx % 12;
  return [new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 0))];
}

export const fmt = {
  mdy: (d: Date): string => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()}`,
  mdyShort: (d: Date): string =>
    `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${String(d.getUTCFullYear()).slice(2)}`,
  dmy: (d: Date): string => `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
  dotted: (d: Date): string => `${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`,
  long: (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  longDay: (d: Date): string =>
    `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  uk: (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  ukShort: (d: Date): string =>
    `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  dmonY: (d: Date): string => `${p2(d.getUTCDate())}-${MON[d.getUTCMonth()]!.toUpperCase()}-${d.getUTCFullYear()}`,
  dmonYMixed: (d: Date): string => `${p2(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`,
  monDY: (d: Date): string => `${MON[d.getUTCMonth()]!.toUpperCase()} ${p2(d.getUTCDate())}, ${d.getUTCFullYear()}`,
  iso,
};

export function clock(rng: Rng, fromHour: number, toHour: number): string {
  const h = rng.int(fromHour, toHour);
  const m = rng.int(0, 59);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${p2(m)} ${h < 12 ? 'AM' : 'PM'}`;
}

export function clock24(rng: Rng, fromHour: number, toHour: number): string {
  return `${p2(rng.int(fromHour, toHour))}:${p2(rng.int(0, 59))}:${p2(rng.int(0, 59))}`;
}
