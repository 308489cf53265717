import {
  averageDau,
  errorRate,
  type Scoreboard,
  satisfaction,
  uptimeRatio,
} from '../core/scoreboard/scoreboard.usecases.ts';

/**
 * The scoreboard (issue 15) as Prometheus gauges, computed from the database at scrape time over
 * the last 7 days, so every replica reports the same figures. Kept in its own file so the move of
 * /metrics to prom-client only has to register this text (or turn each line into a collect() gauge).
 */
export const SCOREBOARD_METRICS = {
  uptime: 'marginiq_uptime_ratio',
  errorRate: 'marginiq_upload_error_ratio',
  uploads: 'marginiq_uploads_window_total',
  responseP50: 'marginiq_upload_to_summary_p50_seconds',
  responseP95: 'marginiq_upload_to_summary_p95_seconds',
  dau: 'marginiq_daily_active_users',
  satisfaction: 'marginiq_satisfaction_ratio',
  votes: 'marginiq_summary_votes',
  timeSaved: 'marginiq_time_saved_estimate_seconds',
  callCycle: 'marginiq_call_cycle_median_seconds',
  featureUse: 'marginiq_feature_uses',
} as const;

const gauge = (name: string, help: string, samples: [labels: string, value: number | null][]) => {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const [labels, value] of samples) if (value !== null) lines.push(`${name}${labels} ${value}`);
  return lines;
};

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderScoreboardMetrics(b: Scoreboard): string {
  const w = `{window="${b.days}d"}`;
  const s = (ms: number | null) => (ms === null ? null : ms / 1000);
  return [
    ...gauge(SCOREBOARD_METRICS.uptime, 'Share of recorded service health time up (ok or degraded)', [
      [w, uptimeRatio(b.uptime)],
    ]),
    ...gauge(SCOREBOARD_METRICS.errorRate, 'Failed or dead uploads over uploads', [[w, errorRate(b.uploads)]]),
    ...gauge(SCOREBOARD_METRICS.uploads, 'Uploads received in the window', [[w, b.uploads.uploads]]),
    ...gauge(SCOREBOARD_METRICS.responseP50, 'Upload to summary, median', [[w, s(b.uploads.p50Ms)]]),
    ...gauge(SCOREBOARD_METRICS.responseP95, 'Upload to summary, 95th percentile', [[w, s(b.uploads.p95Ms)]]),
    ...gauge(SCOREBOARD_METRICS.dau, 'People who shared, decided or used a command or card action, average a day', [
      [w, averageDau(b.users, b.days)],
    ]),
    ...gauge(SCOREBOARD_METRICS.satisfaction, 'Thumbs up over all votes on summary cards', [
      [w, satisfaction(b.votes)],
    ]),
    ...gauge(SCOREBOARD_METRICS.votes, 'Votes on summary cards', [
      [`{window="${b.days}d",vote="up"}`, b.votes.up],
      [`{window="${b.days}d",vote="down"}`, b.votes.down],
    ]),
    ...gauge(SCOREBOARD_METRICS.timeSaved, 'Reports times MINUTES_SAVED_PER_REPORT (an estimate)', [
      [w, b.reports * b.minutesSavedPerReport * 60],
    ]),
    ...gauge(SCOREBOARD_METRICS.callCycle, 'Margin calls, open to met, median', [[w, s(b.calls.medianMs)]]),
    ...gauge(
      SCOREBOARD_METRICS.featureUse,
      'Uses of each command and card action',
      b.features.map((f) => [`{window="${b.days}d",feature="${label(f.feature)}"}`, f.count]),
    ),
  ].join('\n');
}
