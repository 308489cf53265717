import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from './config/config.ts';
import { createAccess } from './core/access/roles.ts';
import { type ChatCore, createChatCore } from './core/chat.core.ts';
import { createCommandRunner } from './core/commands/command.usecases.ts';
import { renderDigestChart } from './core/digest/digest.chart.ts';
import { createDigests } from './core/digest/digest.usecases.ts';
import { deadLetterIngestion, type IngestDeps, processIngestion } from './core/ingest/ingest.usecases.ts';
import type {
  Extractor,
  FetcherRegistry,
  FileStorage,
  GatewayRegistry,
  HealthSource,
  Repositories,
} from './core/ports.ts';
import { collectScoreboard } from './core/scoreboard/scoreboard.usecases.ts';
import { createExtractor } from './extraction/extractor.ts';
import { createHealth } from './http/health.ts';
import { assertPortFree } from './http/port.check.ts';
import { type HttpServer, sendJson, startHttpServer } from './http/server.ts';
import { createQueue, type Queue } from './jobs/queue.ts';
import { startSchedules } from './jobs/schedules/schedules.ts';
import type { Logger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { renderScoreboardMetrics } from './observability/scoreboard.metrics.ts';
import type { PlatformAdapter, Route } from './platforms/platform.ts';
import { type Db, openDb } from './store/db.ts';
import { createLocalStorage } from './store/files/local.storage.ts';
import { createSupabaseStorage } from './store/files/supabase.storage.ts';
import { migrate } from './store/migrations.runner.ts';
import { createAnalyticsRepository } from './store/repositories/analytics.repository.ts';
import { createScoreboardRepository } from './store/repositories/scoreboard.repository.ts';
import { createRepositories, createUnitOfWork } from './store/repositories.ts';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface ServiceOverrides {
  /** Stand-ins for the cloud's edges in tests (fetch for Supabase, Graph, connector). */
  fetch?: typeof fetch;
  extractor?: Extractor;
  /** Skip the cron schedules (tests that drive schedules themselves, one-off commands). */
  schedules?: boolean;
  /** Skip the queue workers and the HTTP server: a one-off command that only needs the gateways. */
  background?: boolean;
}

export interface Service {
  url: string;
  db: Db;
  repos: Repositories;
  chat: ChatCore;
  queue: Queue;
  metrics: Metrics;
  platforms: PlatformAdapter[];
  gateways: GatewayRegistry;
  health: HealthSource;
  stop(): Promise<void>;
}

export function createStorage(config: Config, fetchImpl?: typeof fetch): FileStorage {
  return config.storage.kind === 'supabase'
    ? createSupabaseStorage({
        url: config.storage.url,
        key: config.storage.key,
        bucket: config.storage.bucket,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      })
    : createLocalStorage(config.storage.dir);
}

/**
 * The composition root: builds every dependency once and starts a mode.
 * `start` serves chat, console, health and metrics and runs workers; `worker` runs workers and serves /health only.
 */
export async function startService(
  config: Config,
  logger: Logger,
  mode: 'start' | 'worker',
  overrides: ServiceOverrides = {},
): Promise<Service> {
  const startedAt = Date.now();
  const metrics = createMetrics();
  const db = await openDb(config.database, {
    onCreate: (m) => logger.info(m),
    ...(mode === 'start' && overrides.background !== false ? { beforeOpen: () => assertPortFree(config.http) } : {}),
  });
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied: applied.map((m) => m.name) }, 'migrations applied');
  const repos = createRepositories(db);
  const storage = createStorage(config, overrides.fetch);
  const extractor =
    overrides.extractor ??
    createExtractor({
      maxFileBytes: config.limits.maxFileBytes,
      maxPages: config.limits.maxPages,
      timeoutMs: config.limits.extractTimeoutMs,
      ocrWorkers: config.ocrWorkers,
      logger: logger.child({ component: 'extraction' }),
    });
  const queue = await createQueue(db, logger.child({ component: 'queue' }), {
    expireInSeconds: Math.ceil(config.limits.extractTimeoutMs / 1000) + 120,
  });
  const gateways: GatewayRegistry = {};
  const fetchers: FetcherRegistry = {};
  const platforms: PlatformAdapter[] = [];
  const access = createAccess({ admins: config.admins, roles: repos.roles });
  const health = createHealth({
    db,
    queue,
    extractor,
    storage,
    platforms: () => platforms.map((p) => p.name),
    version: VERSION,
    startedAt,
  });
  const ingestDeps: IngestDeps = {
    repos,
    uow: createUnitOfWork(db),
    storage,
    queue,
    extractor,
    gateways,
    fetchers,
    limits: { maxFileBytes: config.limits.maxFileBytes },
    logger: logger.child({ component: 'ingest' }),
    alertChannels: async () =>
      (await repos.subscriptions.list('alerts')).map((s) => ({
        platform: s.platform as 'slack',
        channelId: s.channel_id,
      })),
  };
  const analytics = createAnalyticsRepository(db);
  const scoreboard = createScoreboardRepository(db);
  const queueDepth = () => queue.depth();
  const digests = createDigests({
    analytics,
    repos,
    health,
    queueDepth,
    gateways,
    renderChart: renderDigestChart,
    channels: config.digest.channels,
    tz: config.digest.tz,
    logger: logger.child({ component: 'digest' }),
  });
  const runCommand = createCommandRunner({
    repos,
    uow: createUnitOfWork(db),
    access,
    analytics,
    health,
    queueDepth,
    postDigest: (to, { actor, kind }) =>
      kind === 'weekly' ? digests.postWeekly([to], { actor }) : digests.postDaily([to], { scope: 'channel', actor }),
    logger: logger.child({ component: 'commands' }),
    callDueDays: config.calls.dueDays,
    scoreboard: { scoreboard, minutesSavedPerReport: config.calls.minutesSavedPerReport },
  });
  const chat = createChatCore({
    ...ingestDeps,
    access,
    runCommand,
    callDueDays: config.calls.dueDays,
    usage: scoreboard,
  });

  const background = overrides.background !== false;
  const serveHttp = mode === 'start' && background;
  for (const adapter of await createPlatforms(config, {
    chat,
    repos,
    storage,
    logger,
    metrics,
    serveHttp,
    fetch: overrides.fetch,
  })) {
    platforms.push(adapter);
    gateways[adapter.name] = adapter.gateway;
    if (adapter.fetcher) fetchers[adapter.name] = adapter.fetcher;
  }

  const jobsDone = metrics.counter('jobs_total', 'Ingestion jobs by outcome');
  const jobSeconds = metrics.histogram('job_duration_seconds', 'Ingestion job duration');
  const extractions = metrics.counter('extractions_total', 'Extractions by outcome');
  if (background)
    await queue.work(async (ingestionId, attempt) => {
      const log = logger.child({ job: ingestionId, attempt: attempt.retryCount });
      const t = performance.now();
      try {
        const outcome = await processIngestion(ingestDeps, ingestionId);
        extractions.inc({ outcome });
        jobsDone.inc({ outcome: 'completed' });
        log.info({ outcome, ms: Math.round(performance.now() - t) }, 'ingestion done');
      } catch (err) {
        // The queue's error boundary: log, count, and let pg-boss retry with backoff or dead-letter.
        jobsDone.inc({ outcome: 'retry' });
        log.warn({ err }, 'ingestion failed; it will be retried');
        throw err;
      } finally {
        jobSeconds.observe({}, (performance.now() - t) / 1000);
      }
    }, config.ocrWorkers);
  if (background)
    await queue.workDeadLetters(async (ingestionId) => {
      logger.error({ ingestionId }, 'ingestion dead-lettered');
      await deadLetterIngestion(ingestDeps, ingestionId, 'retries exhausted');
    });

  const schedules =
    overrides.schedules === false
      ? undefined
      : startSchedules({
          db,
          replica: config.replicaId ?? hostname(),
          digest: config.digest,
          digests,
          health,
          repos,
          queue,
          gateways,
          logger: logger.child({ component: 'schedules' }),
        });

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/health',
      handler: async (_req, res) => {
        const report = await health.check();
        sendJson(res, report.status === 'down' ? 503 : 200, report);
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => {
        // Issue 15: the scoreboard's gauges, from the database, after the process's own metrics.
        const board = await collectScoreboard(
          { scoreboard, minutesSavedPerReport: config.calls.minutesSavedPerReport },
          7,
        ).then(renderScoreboardMetrics, (err: unknown) => {
          logger.warn({ err }, 'scoreboard metrics unavailable');
          return '';
        });
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(`${metrics.render()}${board ? `${board}\n` : ''}`);
      },
    },
    ...platforms.flatMap((p) => p.routes),
  ];
  let http: HttpServer | undefined;
  try {
    if (background)
      http = await startHttpServer({ host: config.http.host, port: config.http.port, routes, logger, metrics });
  } catch (err) {
    await queue.stop({ graceful: false }).catch(() => {});
    await db.close().catch(() => {});
    throw err;
  }
  if (background) for (const p of platforms) await p.start();
  logger.info(
    {
      url: http?.url,
      mode,
      platforms: platforms.map((p) => p.name),
      db: db.kind,
      replica: config.replicaId ?? hostname(),
    },
    'MarginIQ started',
  );

  let stopping: Promise<void> | undefined;
  return {
    url: http?.url ?? '',
    gateways,
    health,
    db,
    repos,
    chat,
    queue,
    metrics,
    platforms,
    stop() {
      stopping ??= (async () => {
        await schedules?.stop().catch((err: unknown) => logger.warn({ err }, 'schedules stop failed'));
        // Platforms first: they end long-lived streams (console SSE) that would hold the server open.
        for (const p of platforms) await p.stop().catch((err: unknown) => logger.warn({ err }, 'platform stop failed'));
        await http?.close();
        await queue
          .stop({ graceful: true, timeoutMs: 20_000 })
          .catch((err: unknown) => logger.warn({ err }, 'queue stop failed'));
        await (extractor as Extractor & { close?: () => Promise<void> }).close?.();
        await db.close().catch(() => {});
      })();
      return stopping;
    },
  };
}

async function createPlatforms(
  config: Config,
  deps: {
    chat: ChatCore;
    repos: Repositories;
    storage: FileStorage;
    logger: Logger;
    metrics: Metrics;
    serveHttp: boolean;
    fetch: typeof fetch | undefined;
  },
): Promise<PlatformAdapter[]> {
  const out: PlatformAdapter[] = [];
  const limits = { maxFileBytes: config.limits.maxFileBytes };
  // Platform SDKs load only when configured, so a console-only laptop never pays for them.
  if (config.slack) {
    const { createSlackPlatform } = await import('./platforms/slack/slack.app.ts');
    out.push(
      await createSlackPlatform({
        slack: config.slack,
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'slack' }),
        metrics: deps.metrics,
        limits,
        serveHttp: deps.serveHttp,
      }),
    );
  }
  if (config.teams) {
    const { createTeamsPlatform } = await import('./platforms/teams/teams.app.ts');
    out.push(
      await createTeamsPlatform({
        teams: config.teams,
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'teams' }),
        metrics: deps.metrics,
        limits,
        serveHttp: deps.serveHttp,
        conversations: deps.repos.conversations,
        outgoingFiles: deps.repos.outgoingFiles,
        storage: deps.storage,
        publicUrl: config.publicUrl,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
    );
  }
  if (config.console.enabled) {
    const { createConsolePlatform } = await import('./platforms/console/console.app.ts');
    out.push(
      await createConsolePlatform({
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'console' }),
        limits,
        token: config.console.token,
        platformConfigured: config.console.platformConfigured,
        samplePath: SAMPLE_PATH,
        serveHttp: deps.serveHttp,
        roles: deps.repos.roles,
      }),
    );
  }
  return out;
}

export const SAMPLE_PATH = fileURLToPath(new URL('../samples/sample-margin-statement.pdf', import.meta.url));
