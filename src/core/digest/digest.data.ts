import type { ReportScope } from '../access/scope.ts';
import type { CallsRepository, MarginCall } from '../calls/calls.port.ts';
import { hasCall } from '../cards/report.fields.ts';
import type { ArchiveCheck, OpsRepository } from '../ops/ops.port.ts';
import type { HealthSource } from '../ports/health.ports.ts';
import type { IngestionsRepository, ReportsRepository } from '../ports/reports.ports.ts';
import type { ReportStatus } from '../report/report.model.ts';
import { collectScoreboard, type Scoreboard, type ScoreboardDeps } from '../scoreboard/scoreboard.usecases.ts';
import type {
  AnalyticsRepository,
  CountRow,
  CushionItem,
  DailyPoint,
  IngestionHealth,
  PendingItem,
  QueueDepth,
  ReportStats,
  ThreadRef,
  TurnaroundStats,
} from './analytics.port.ts';
import { DIGEST_ACCOUNTS } from './excess.by-account.ts';
import { collectHealthFigures, type HealthFigures } from './health.figures.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A digest after a long pause summarises a week, not everything since the last one. */
const MAX_WINDOW_MS = 7 * DAY_MS;
export const CHART_DAYS = 30;

export interface DigestDataDeps {
  analytics: AnalyticsRepository;
  reports: Pick<ReportsRepository, 'calls'>;
  ingestions: Pick<IngestionsRepository, 'failedSince'>;
  health: HealthSource;
  queueDepth: () => Promise<QueueDepth>;
  tz: string;
  now?: () => Date;
  /** Issue 15: margin calls due today go in the morning digest. */
  calls?: Pick<CallsRepository, 'outstanding'> | undefined;
  /** Issue 15: the scoreboard in the weekly digest, and the service's uptime in both. */
  scoreboard?: Omit<ScoreboardDeps, 'now'> | undefined;
  /** Issue 15: the weekly digest reports the last archive check. */
  ops?: Pick<OpsRepository, 'lastArchiveCheck'> | undefined;
}

export interface CallItem {
  accountNumber: string;
  reportDate: string;
  currency: string;
  marginCall: number | null;
  excess: number | null;
  status: ReportStatus;
}

export interface TotalsChange {
  currency: string;
  equityNow: number;
  equityPrev: number;
  requirementNow: number;
  requirementPrev: number;
  accountsNow: number;
  accountsPrev: number;
}

export interface FailureItem {
  fileName: string;
  status: 'failed' | 'dead';
  reason: string;
  createdAt: string;
  thread: ThreadRef | null;
}

export interface DailyDigestData {
  generatedAt: string;
  tz: string;
  day: string;
  since: string;
  /** False when no digest went out before: the window is the last 24 hours. */
  sinceLastDigest: boolean;
  received: ReportStats;
  ingestions: IngestionHealth;
  pending: { items: PendingItem[]; total: number };
  calls: CallItem[];
  cushions: CushionItem[];
  weekOverWeek: { asOf: string; previous: string; rows: TotalsChange[] };
  failures: FailureItem[];
  health: HealthFigures;
  series: DailyPoint[];
  /** Margin calls (open, partially met, disputed) due today, in DIGEST_TZ. */
  dueToday: MarginCall[];
  /** True when an earlier digest to the subscribers listed some of them already (digest.usecases.ts). */
  dueTodayListedEarlier: boolean;
}

export interface WeeklyDigestData {
  generatedAt: string;
  tz: string;
  since: string;
  until: string;
  totals: ReportStats;
  perDay: DailyPoint[];
  perAccount: CountRow[];
  perUploader: CountRow[];
  turnaround: TurnaroundStats;
  featureUse: CountRow[];
  /** The scoreboard over the week (issue 15); absent where no scoreboard store is wired. */
  scoreboard?: Scoreboard;
  /** The latest archive check of the week; null when none ran; absent where not wired. */
  archive?: ArchiveCheck | null;
  /** Rejections by reason code (issue 14). */
  rejectReasons?: CountRow[];
}

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function localDay(at: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The last `days` local days ending today, with zero for days nothing arrived. */
export function fillDays(points: DailyPoint[], today: string, days: number): DailyPoint[] {
  const byDay = new Map(points.map((p) => [p.day, p]));
  const out: DailyPoint[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    out.push(byDay.get(day) ?? { day, reports: 0, avgQuality: null });
  }
  return out;
}

function mergeTotals(now: Awaited<ReturnType<AnalyticsRepository['totalsAsOf']>>, prev: typeof now): TotalsChange[] {
  const currencies = [...new Set([...now.map((r) => r.currency), ...prev.map((r) => r.currency)])].sort();
  return currencies.map((currency) => {
    const a = now.find((r) => r.currency === currency);
    const b = prev.find((r) => r.currency === currency);
    return {
      currency,
      equityNow: a?.equity ?? 0,
      equityPrev: b?.equity ?? 0,
      requirementNow: a?.requirement ?? 0,
      requirementPrev: b?.requirement ?? 0,
      accountsNow: a?.accounts ?? 0,
      accountsPrev: b?.accounts ?? 0,
    };
  });
}

/** The daily digest's figures; with a scope (a channel that is not a risk channel) only its reports (issue 18). */
export async function collectDailyDigest(deps: DigestDataDeps, scope?: ReportScope): Promise<DailyDigestData> {
  const now = deps.now?.() ?? new Date();
  const last = await deps.analytics.lastDigestSent('subscribers');
  const floor = new Date(now.getTime() - MAX_WINDOW_MS);
  const since = last ? (last < floor ? floor : last) : new Date(now.getTime() - DAY_MS);
  const window = { since, until: now };
  const day = localDay(now, deps.tz);
  const previous = addDays(day, -7);
  const chartWindow = { since: new Date(now.getTime() - (CHART_DAYS + 1) * DAY_MS), until: now };
  const [received, ingestions, pending, calls, cushions, totalsNow, totalsPrev, failed, health, perDay, outstanding] =
    await Promise.all([
      deps.analytics.reportStats(window),
      deps.analytics.ingestionHealth(window),
      deps.analytics.pendingWithThreads(10, scope),
      deps.reports.calls(scope),
      deps.analytics.thinnestCushions(DIGEST_ACCOUNTS, scope),
      deps.analytics.totalsAsOf(day, scope),
      deps.analytics.totalsAsOf(previous, scope),
      deps.ingestions.failedSince(since, scope),
      collectHealthFigures({
        analytics: deps.analytics,
        health: deps.health,
        queueDepth: deps.queueDepth,
        uptime: deps.scoreboard?.scoreboard,
        now: () => now,
      }),
      deps.analytics.reportsPerDay(chartWindow, deps.tz),
      deps.calls?.outstanding(1000, scope) ?? [],
    ]);
  return {
    generatedAt: now.toISOString(),
    tz: deps.tz,
    day,
    since: since.toISOString(),
    sinceLastDigest: Boolean(last),
    received,
    ingestions,
    pending,
    calls: calls
      .filter((r) => hasCall(r.extracted))
      .map((r) => ({
        accountNumber: r.accountNumber,
        reportDate: r.reportDate,
        currency: r.extracted.currency,
        marginCall: r.extracted.fields.margin_call ?? null,
        excess: r.extracted.fields.excess_liquidity ?? null,
        status: r.status,
      })),
    cushions,
    weekOverWeek: { asOf: day, previous, rows: mergeTotals(totalsNow, totalsPrev) },
    failures: failed.map((i) => ({
      fileName: i.fileName,
      status: i.status === 'dead' ? 'dead' : 'failed',
      reason: i.errorMessage ?? i.errorCode ?? 'unknown error',
      createdAt: i.createdAt,
      thread: i.channelId
        ? { platform: i.platform, channelId: i.channelId, threadRef: i.threadRef, replyRef: i.replyRef }
        : null,
    })),
    health,
    series: fillDays(perDay, day, CHART_DAYS),
    dueToday: outstanding.filter((c) => c.dueDate === day),
    dueTodayListedEarlier: false,
  };
}

export async function collectWeeklyDigest(
  deps: Pick<DigestDataDeps, 'analytics' | 'tz' | 'now' | 'scoreboard' | 'ops'>,
  scope?: ReportScope,
): Promise<WeeklyDigestData> {
  const now = deps.now?.() ?? new Date();
  const window = { since: new Date(now.getTime() - 7 * DAY_MS), until: now };
  // The scoreboard's uptime is the service's, from the health watcher's record.
  const [scoreboard, archive] = await Promise.all([
    deps.scoreboard ? collectScoreboard({ ...deps.scoreboard, now: () => now }, 7) : undefined,
    // The archive check names files from every conversation: a risk channel's (whole-book) digest only.
    deps.ops && (!scope || scope.kind === 'book')
      ? deps.ops.lastArchiveCheck(window.since).then((c) => c ?? null)
      : undefined,
  ]);
  const [totals, perDay, perAccount, perUploader, turnaround, featureUse, rejectReasons] = await Promise.all([
    deps.analytics.reportStats(window),
    deps.analytics.reportsPerDay(window, deps.tz),
    deps.analytics.reportsByAccount(window, 10, scope),
    deps.analytics.reportsByUploader(window, 10),
    deps.analytics.turnaround(window),
    deps.analytics.featureUse(window),
    deps.analytics.rejectReasons(window),
  ]);
  return {
    generatedAt: now.toISOString(),
    tz: deps.tz,
    since: window.since.toISOString(),
    until: now.toISOString(),
    totals,
    perDay: fillDays(perDay, localDay(now, deps.tz), 7),
    perAccount,
    perUploader,
    turnaround,
    featureUse,
    ...(scoreboard ? { scoreboard } : {}),
    ...(archive !== undefined ? { archive } : {}),
    rejectReasons,
  };
}
