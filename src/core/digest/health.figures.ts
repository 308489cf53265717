import { type Card, type CardBlock, type CardField, card, type Tone } from '../cards/card.model.ts';
import { formatMs, formatWhen } from '../format.ts';
import type { HealthReport, HealthSource, HealthStatus } from '../ports/health.ports.ts';
import type { ScoreboardRepository, UptimeFigures } from '../scoreboard/scoreboard.port.ts';
import type { AnalyticsRepository, QueueDepth } from './analytics.port.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seed's monitoring figures plus the live health checks: one shape for /margin health, the console and the digest. */
export interface HealthFigures {
  report: HealthReport;
  /** Uploads that finished (succeeded or failed) in the last 24 h. */
  finished: number;
  successRate: number | null;
  avgMs: number | null;
  p95Ms: number | null;
  errors: number;
  deadLettered: number;
  queue: QueueDepth | null;
  lastDigestAt: string | null;
  /** How long the process that answers has run: one replica, or the CLI that printed a digest. */
  uptimeS: number;
  /** The service's uptime from the health watcher's recorded states (issue 15); absent without that record. */
  service?: { days: number; uptime: UptimeFigures };
}

/** The window the service uptime covers in health figures. */
export const SERVICE_UPTIME_DAYS = 7;

export interface HealthFigureDeps {
  analytics: AnalyticsRepository;
  health: HealthSource;
  queueDepth: () => Promise<QueueDepth>;
  /** The health watcher's record (analytics.health_history), for the service's uptime. */
  uptime?: Pick<ScoreboardRepository, 'uptime'> | undefined;
  now?: () => Date;
}

export async function collectHealthFigures(deps: HealthFigureDeps): Promise<HealthFigures> {
  const now = deps.now?.() ?? new Date();
  const serviceWindow = { since: new Date(now.getTime() - SERVICE_UPTIME_DAYS * DAY_MS), until: now };
  const [report, ing, queue, last, service] = await Promise.all([
    deps.health.check(),
    deps.analytics.ingestionHealth({ since: new Date(now.getTime() - DAY_MS), until: now }),
    // A queue that cannot say how deep it is should not hide the rest of the figures.
    deps.queueDepth().catch(() => null),
    deps.analytics.lastDigestSent(),
    deps.uptime?.uptime(serviceWindow),
  ]);
  const finished = ing.succeeded + ing.failed + ing.dead;
  return {
    report,
    finished,
    successRate: finished === 0 ? null : ing.succeeded / finished,
    avgMs: ing.avgMs,
    p95Ms: ing.p95Ms,
    errors: ing.failed + ing.dead,
    deadLettered: ing.dead,
    queue,
    lastDigestAt: last ? last.toISOString() : null,
    uptimeS: report.uptime_s,
    ...(service ? { service: { days: SERVICE_UPTIME_DAYS, uptime: service } } : {}),
  };
}

/** "99.95% over 7 days (from 2,016 recorded health states)", or why there is no figure. */
export function serviceUptimeText(f: HealthFigures): string {
  if (!f.service) return 'not recorded here (the health watcher of the running service records it)';
  const u = f.service.uptime;
  if (u.coveredMs <= 0) return `no health state recorded in the last ${f.service.days} days`;
  const ratio = (u.okMs + u.degradedMs) / u.coveredMs;
  return `${(ratio * 100).toFixed(2)}% over ${f.service.days} days — from ${u.states} recorded health state${u.states === 1 ? '' : 's'} (health watcher)`;
}

export const toneOf = (s: HealthStatus): Tone => (s === 'ok' ? 'success' : s === 'degraded' ? 'warning' : 'danger');
export const statusWord = (s: HealthStatus) => (s === 'ok' ? 'healthy' : s);

export function formatUptime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${s % 60}s`;
}

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);

/**
 * `process` adds how long this process has run: right in `/margin health` (the replica answering),
 * wrong in a digest, where the CLI or the replica that posted it is not the service.
 */
export function healthFields(f: HealthFigures, opts: { process?: boolean } = {}): CardField[] {
  const up = f.service?.uptime;
  return [
    { label: 'Success rate (24 h)', value: f.finished === 0 ? 'no uploads' : `${pct(f.successRate)} of ${f.finished}` },
    { label: 'Duration avg / p95', value: `${formatMs(f.avgMs)} / ${formatMs(f.p95Ms)}` },
    { label: 'Errors (24 h)', value: String(f.errors), flagged: f.errors > 0 },
    {
      label: 'Queue depth',
      value: f.queue ? `${f.queue.queued} queued · ${f.queue.active} active` : 'unknown',
      flagged: f.queue === null,
    },
    {
      label: 'Dead-lettered',
      value: String(f.queue?.deadLettered ?? f.deadLettered),
      flagged: (f.queue?.deadLettered ?? f.deadLettered) > 0,
    },
    { label: 'Last digest sent', value: f.lastDigestAt ? formatWhen(f.lastDigestAt) : 'never' },
    {
      label: 'Service uptime',
      value: serviceUptimeText(f),
      flagged: up !== undefined && up.coveredMs > 0 && up.downMs > 0,
    },
    ...(opts.process ? [{ label: 'This process up', value: formatUptime(f.uptimeS) }] : []),
  ];
}

export function checkItems(report: HealthReport): string[] {
  return Object.entries(report.checks).map(([name, c]) => {
    const latency = c.latency_ms === undefined ? '' : ` (${Math.round(c.latency_ms)} ms)`;
    return `${name}: ${statusWord(c.status)}${latency}${c.detail ? ` — ${c.detail}` : ''}`;
  });
}

export function healthCard(f: HealthFigures): Card {
  const title = `MarginIQ is ${statusWord(f.report.status)}`;
  const blocks: CardBlock[] = [
    { type: 'fields', fields: healthFields(f, { process: true }) },
    { type: 'list', title: 'Checks', items: checkItems(f.report), tone: toneOf(f.report.status) },
    {
      type: 'text',
      muted: true,
      text: `Version ${f.report.version}${f.report.platforms.length ? ` · ${f.report.platforms.join(', ')}` : ''}`,
    },
  ];
  const fallback = `${title}: success ${pct(f.successRate)}, p95 ${formatMs(f.p95Ms)}, ${f.errors} errors, queue ${f.queue?.queued ?? '?'}`;
  return card(title, toneOf(f.report.status), blocks, fallback);
}

/** Posted by the health watcher when the state changes. */
export function healthChangeCard(input: {
  previous: HealthStatus | null;
  report: HealthReport;
  since: string | null;
}): Card {
  const { previous, report } = input;
  const now = report.status;
  const title = now === 'ok' ? 'MarginIQ has recovered' : `MarginIQ is ${now}`;
  const was = previous
    ? `It was ${statusWord(previous)}${input.since ? ` since ${formatWhen(input.since)}` : ''}.`
    : '';
  const failing = Object.entries(report.checks)
    .filter(([, c]) => c.status !== 'ok')
    .map(([name, c]) => `${name}: ${statusWord(c.status)}${c.detail ? ` — ${c.detail}` : ''}`);
  const blocks: CardBlock[] = [{ type: 'text', text: `${title}. ${was}`.trim() }];
  if (failing.length > 0) blocks.push({ type: 'list', title: 'Failing checks', items: failing, tone: toneOf(now) });
  return card(title, toneOf(now), blocks, `${title}. ${was} ${failing.join('; ')}`.trim());
}
