import type { CardBlock, CardField } from '../cards/card.model.ts';
import { formatDuration } from '../digest/digest.cards.ts';
import { averageDau, errorRate, type Scoreboard, satisfaction, uptimeRatio } from './scoreboard.usecases.ts';

const pct = (v: number | null, digits = 1) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A change against the window before. With nothing to compare against it says so, instead of
 * printing a change of 0 from 0.
 */
export function change(now: number | null, before: number | null, days: number, unit: 'count' | 'points'): string {
  const base = days === 7 ? 'no earlier week' : `no earlier ${days} days`;
  if (now === null || before === null || (unit === 'count' && before === 0)) return base;
  if (unit === 'points') {
    const d = (now - before) * 100;
    return `${d >= 0 ? '+' : ''}${d.toFixed(1)} points on the ${days} days before`;
  }
  const d = (now - before) / before;
  return `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}% on the ${days} days before`;
}

/** The scoreboard as card blocks: each figure, then what it is computed from. */
export function scoreboardBlocks(b: Scoreboard): CardBlock[] {
  const up = uptimeRatio(b.uptime);
  const err = errorRate(b.uploads);
  const sat = satisfaction(b.votes);
  const saved = b.reports * b.minutesSavedPerReport;
  const fields: CardField[] = [
    {
      label: 'Uptime',
      value:
        up === null
          ? 'no health state recorded in the window (the health watcher records the service every 5 minutes)'
          : `${pct(up, 2)} — from ${plural(b.uptime.states, 'recorded health state')} over ${formatDuration(b.uptime.coveredMs)} (health watcher; degraded counts as up${b.uptime.degradedMs > 0 ? `, ${formatDuration(b.uptime.degradedMs)} degraded` : ''}) · ${change(up, uptimeRatio(b.previous.uptime), b.days, 'points')}`,
    },
    {
      label: 'Error rate',
      value:
        err === null
          ? 'no uploads in the window'
          : `${pct(err)} — ${b.uploads.failed + b.uploads.dead} failed or dead of ${plural(b.uploads.uploads, 'upload')} · ${change(err, errorRate(b.previous.uploads), b.days, 'points')}`,
    },
    {
      label: 'Response time',
      value:
        b.uploads.timed === 0
          ? 'no processed upload in the window'
          : `p50 ${formatDuration(b.uploads.p50Ms)} · p95 ${formatDuration(b.uploads.p95Ms)} — upload to summary, ${plural(b.uploads.timed, 'processed upload')}`,
    },
    {
      label: 'Daily active users',
      value: `${averageDau(b.users, b.days).toFixed(1)} a day on average, ${b.users.distinct} distinct — people who shared, decided or ran a command or card action`,
    },
    {
      label: 'Satisfaction',
      value:
        sat === null
          ? 'no votes yet — 👍 / 👎 on the summary cards'
          : `${pct(sat, 0)} 👍 — ${b.votes.up} 👍 · ${b.votes.down} 👎 on summary cards (one vote per person per summary)`,
    },
    {
      label: 'Time saved (estimate)',
      value: `${formatDuration(saved * 60_000)} — ${plural(b.reports, 'report')} × ${b.minutesSavedPerReport} min (MINUTES_SAVED_PER_REPORT) · reports ${change(b.reports, b.previous.reports, b.days, 'count')}`,
    },
    {
      label: 'Call cycle time',
      value:
        b.calls.met === 0
          ? 'no call met in the window'
          : `median ${formatDuration(b.calls.medianMs)} open → met, over ${plural(b.calls.met, 'call')} met`,
    },
  ];
  const blocks: CardBlock[] = [{ type: 'fields', fields }];
  if (b.features.length > 0) {
    blocks.push({
      type: 'table',
      columns: ['Feature', 'Uses', 'People'],
      rows: b.features.map((f) => [f.feature, String(f.count), String(f.users)]),
    });
  } else {
    blocks.push({ type: 'text', muted: true, text: 'Feature adoption: no command or card action used in the window.' });
  }
  return blocks;
}
