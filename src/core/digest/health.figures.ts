import { type Card, type CardBlock, type CardField, card, type Tone } from '../cards/card.model.ts';
import { formatMs, formatWhen } from '../format.ts';
import type { HealthReport, HealthSource, HealthStatus } from '../ports.ts';
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
  uptimeS: number;
}

export interface HealthFigureDeps {
  analytics: AnalyticsRepository;
  health: HealthSource;
  queueDepth: () => Promise<QueueDepth>;
  now?: () => Date;
}

export async function collectHealthFigures(deps: HealthFigureDeps): Promise<HealthFigures> {
  const now = deps.now?.() ?? new Date();
  const [report, ing, queue, last] = await Promise.all([
    deps.health.check(),
    deps.analytics.ingestionHealth({ since: new Date(now.getTime() - DAY_MS), until: now }),
    // A queue that cannot say how deep it is should not hide the rest of the figures.
    deps.queueDepth().catch(() => null),
    deps.analytics.lastDigestSent(),
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
  };
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

export function healthFields(f: HealthFigures): CardField[] {
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
    { label: 'Uptime', value: formatUptime(f.uptimeS) },
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
    { type: 'fields', fields: healthFields(f) },
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
