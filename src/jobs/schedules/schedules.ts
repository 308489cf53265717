import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import { type PendingReminderDeps, runPendingReminders } from '../../core/alerts/pending.reminders.ts';
import type { Digests } from '../../core/digest/digest.usecases.ts';
import type { GatewayRegistry } from '../../core/ports/chat.ports.ts';
import type { JobQueue } from '../../core/ports/extraction.ports.ts';
import type { HealthSource } from '../../core/ports/health.ports.ts';
import type { Repositories } from '../../core/ports/repositories.ports.ts';
import { ARCHIVE_CHECK_CRON, type ArchiveVerifyDeps, runArchiveVerify } from './archive.verify.ts';
import { CALL_REMINDER_CRON, runCallReminders } from './call.reminders.ts';
import { runHealthWatch } from './health.watch.ts';
import { sweepStranded } from './ingestion.sweeper.ts';
import { createRunCoordinator } from './run.coordinator.ts';
import {
  HEALTH_WATCH_CRON,
  PENDING_REMINDERS_CRON,
  PROCESSED_EVENTS_KEEP_DAYS,
  SCHEDULE_RUNS_KEEP_DAYS,
  SCHEDULES,
  type ScheduleKey,
  SWEEPER_CRON,
  WEEKLY_DIGEST_CRON,
} from './schedule.names.ts';

interface Log {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
  debug?(o: object, m?: string): void;
}

export interface ScheduleDeps {
  /** This replica's name in schedule_runs (REPLICA_ID, else the host name). */
  replica?: string;
  digest: { cron: string; tz: string };
  digests: Pick<Digests, 'targets' | 'postDaily' | 'postWeekly'>;
  health: HealthSource;
  repos: Pick<Repositories, 'ingestions' | 'subscriptions' | 'scheduleRuns' | 'healthStates'> &
    Partial<Pick<Repositories, 'events'>>;
  /** Issue 15: what the overdue-call reminders read and claim. */
  calls?: Pick<Repositories, 'calls' | 'events'>;
  /** Issue 15: what the weekly archive check reads (file storage, the stored files' hashes) and records. */
  archive?: Omit<ArchiveVerifyDeps, 'subscriptions' | 'gateways' | 'logger' | 'now'>;
  /** Issue 14: what pending-report reminders read and claim, with REMIND_AFTER / ESCALATE_AFTER / REMIND_HOURS. */
  reminders?: Omit<PendingReminderDeps, 'gateways' | 'logger'>;
  queue: Pick<JobQueue, 'enqueueIngestion'>;
  gateways: GatewayRegistry;
  logger: Log;
  /** Tests: other crons (six fields for seconds), a finer fire-time resolution, a subset of schedules. */
  crons?: Partial<Record<ScheduleKey, string>>;
  resolutionMs?: number;
  only?: ScheduleKey[];
}

export interface Schedules {
  stop(): Promise<void>;
  /** Runs one schedule's job now, outside the cron (still recorded, under the current minute). */
  runNow(key: ScheduleKey): Promise<unknown>;
}

export async function runDailyDigest(deps: Pick<ScheduleDeps, 'digests'>) {
  const targets = await deps.digests.targets('digest');
  if (targets.length === 0) return { targets: 0, posted: 0 };
  const { delivery } = await deps.digests.postDaily(targets, { scope: 'subscribers' });
  if (delivery.posted.length === 0 && delivery.failed.length > 0) {
    throw new Error(
      `daily digest reached none of ${targets.length} channels: ${delivery.failed[0]?.error ?? 'unknown'}`,
    );
  }
  return {
    targets: targets.length,
    posted: delivery.posted.length,
    failed: delivery.failed.length,
    skipped: delivery.skipped.length,
  };
}

export async function runWeeklyDigest(deps: Pick<ScheduleDeps, 'digests'>) {
  const targets = await deps.digests.targets('weekly');
  if (targets.length === 0) return { targets: 0, posted: 0 };
  const { delivery } = await deps.digests.postWeekly(targets);
  if (delivery.posted.length === 0 && delivery.failed.length > 0) {
    throw new Error(
      `weekly digest reached none of ${targets.length} channels: ${delivery.failed[0]?.error ?? 'unknown'}`,
    );
  }
  return { targets: targets.length, posted: delivery.posted.length, failed: delivery.failed.length };
}

/**
 * Starts the cron schedules. Every task is `distributed`: node-cron asks the run coordinator before
 * each fire, and only the replica whose schedule_runs insert wins runs it, then records the outcome.
 */
export function startSchedules(deps: ScheduleDeps): Schedules {
  const replica = deps.replica ?? hostname();
  const log = deps.logger;
  const inflight = new Set<Promise<unknown>>();

  const jobs: Record<ScheduleKey, { cron: string; run: () => Promise<unknown> }> = {
    dailyDigest: { cron: deps.digest.cron, run: () => runDailyDigest(deps) },
    weeklyDigest: { cron: WEEKLY_DIGEST_CRON, run: () => runWeeklyDigest(deps) },
    healthWatch: {
      cron: HEALTH_WATCH_CRON,
      run: () =>
        runHealthWatch({
          healthStates: deps.repos.healthStates,
          health: deps.health,
          subscriptions: deps.repos.subscriptions,
          gateways: deps.gateways,
          logger: log,
        }),
    },
    callReminders: {
      cron: CALL_REMINDER_CRON,
      run: () =>
        deps.calls
          ? runCallReminders({
              ...deps.calls,
              subscriptions: deps.repos.subscriptions,
              gateways: deps.gateways,
              logger: log,
            })
          : Promise.resolve({ skipped: 'no calls store' }),
    },
    archiveCheck: {
      cron: ARCHIVE_CHECK_CRON,
      run: () => {
        if (!deps.archive) return Promise.resolve({ skipped: 'no archive to check' });
        return runArchiveVerify({
          ...deps.archive,
          subscriptions: deps.repos.subscriptions,
          gateways: deps.gateways,
          logger: log,
        });
      },
    },
    pendingReminders: {
      cron: PENDING_REMINDERS_CRON,
      run: () =>
        deps.reminders
          ? runPendingReminders({ ...deps.reminders, gateways: deps.gateways, logger: log })
          : Promise.resolve({ skipped: 'no reminder policy' }),
    },
    sweeper: {
      cron: SWEEPER_CRON,
      run: async () => ({
        ...(await sweepStranded({ ingestions: deps.repos.ingestions, queue: deps.queue, logger: log })),
        // The record of old fires: a month is kept for /margin health and the digests.
        runsPruned: await coordinator.prune(SCHEDULE_RUNS_KEEP_DAYS),
        // Issue 18: event keys matter for minutes (platform redeliveries) and for a day (once-a-day posts).
        eventsPruned:
          (await deps.repos.events?.prune(new Date(Date.now() - PROCESSED_EVENTS_KEEP_DAYS * 86_400_000))) ?? 0,
      }),
    },
  };

  const cronOf = (key: ScheduleKey) => deps.crons?.[key] ?? jobs[key].cron;
  // A cron with a seconds field fires within a minute: each of its fires is a fire time of its own.
  const secondsCron = new Set(
    (Object.keys(jobs) as ScheduleKey[])
      .filter((key) => cronOf(key).trim().split(/\s+/).length === 6)
      .map((key) => SCHEDULES[key] as string),
  );
  const coordinator = createRunCoordinator({
    runs: deps.repos.scheduleRuns,
    replica,
    resolutionMs: deps.resolutionMs,
    resolutionOf: (name) => (secondsCron.has(name) ? 1_000 : 60_000),
    logger: log,
  });

  // The cron tick's error boundary: the outcome goes to schedule_runs and the log, never up into node-cron.
  async function fire(key: ScheduleKey, slot: Date) {
    const name = SCHEDULES[key];
    const fireTime = coordinator.fireTimeOf(slot, name);
    const started = performance.now();
    let result: { outcome: 'ok' | 'failed'; detail?: unknown };
    try {
      result = { outcome: 'ok', detail: await jobs[key].run() };
    } catch (err) {
      log.error({ err, schedule: name, fireTime: fireTime.toISOString() }, 'scheduled job failed');
      result = { outcome: 'failed', detail: { error: err instanceof Error ? err.message : String(err) } };
    }
    const durationMs = performance.now() - started;
    await coordinator
      .finish(name, fireTime, { ...result, durationMs })
      .catch((err: unknown) => log.warn({ err, schedule: name }, 'schedule run not recorded'));
    log.info(
      { schedule: name, fireTime: fireTime.toISOString(), outcome: result.outcome, ms: Math.round(durationMs) },
      'schedule ran',
    );
    return result;
  }

  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    return p.finally(() => inflight.delete(p));
  };

  const cronLogger = {
    info: (m: string) => log.debug?.({ component: 'node-cron' }, m),
    warn: (m: string) => log.warn({ component: 'node-cron' }, m),
    error: (m: string | Error, err?: Error) => log.error({ component: 'node-cron', err: err ?? m }, String(m)),
    debug: (m: string | Error) => log.debug?.({ component: 'node-cron' }, String(m)),
  };

  const keys = deps.only ?? (Object.keys(jobs) as ScheduleKey[]);
  const tasks: ScheduledTask[] = keys.map((key) =>
    cron.schedule(cronOf(key), (ctx) => track(fire(key, ctx.date)), {
      name: SCHEDULES[key],
      timezone: deps.digest.tz,
      distributed: true,
      runCoordinator: coordinator,
      noOverlap: true,
      logger: cronLogger,
    }),
  );
  log.info({ replica, schedules: keys.map((k) => SCHEDULES[k]) }, 'schedules started');

  return {
    async runNow(key) {
      const fireTime = coordinator.fireTimeOf(new Date(), SCHEDULES[key]);
      if (!(await coordinator.claim(SCHEDULES[key], fireTime))) return { skipped: 'another replica ran this fire' };
      return track(fire(key, fireTime));
    },
    async stop() {
      for (const t of tasks) await t.destroy();
      await Promise.allSettled([...inflight]);
    },
  };
}
