/** Display formatting shared by every card. */
export function formatMoney(value: number | undefined, currency = 'USD'): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '-' : ''}${abs} ${currency}`;
}

export const formatPercent = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v * 100)}%`;

export const formatWhen = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

export const formatMs = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

/** Names of platform users, as far as they are known (PeopleRepository.names). */
export type KnownNames = ReadonlyMap<string, string>;

/** Shows who a platform user is: their name when known, else their id without the platform prefix. */
export const displayUser = (user: string | null | undefined, names?: KnownNames) =>
  user ? (names?.get(user) ?? user.replace(/^(slack|teams|console):/, '')) : 'unknown';

/** File sizes in the sentences people read: "12.3 MB" (in `src/contract/`: extraction uses it too). */
export { formatMegabytes } from '../contract/format.ts';
