import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Config } from './config/config.ts';
import type { GatewayRegistry } from './core/ports/chat.ports.ts';
import type { Extractor } from './core/ports/extraction.ports.ts';
import type { FetcherRegistry } from './core/ports/files.ports.ts';
import { createCoreServices } from './core.wiring.ts';
import { createExtractor } from './extraction/extractor.ts';
import { createHealth } from './http/health.ts';
import { assertPortFree } from './http/port.check.ts';
import { serviceRoutes } from './http/routes.ts';
import { type HttpServer, startHttpServer } from './http/server.ts';
import { startIngestWorker } from './jobs/ingest.worker.ts';
import { createQueue } from './jobs/queue.ts';
import { warnOnLocalStorageWithReplicas } from './jobs/schedules/replica.check.ts';
import { startServiceSchedules } from './jobs/schedules/schedules.wiring.ts';
import type { Logger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import type { PlatformAdapter } from './platforms/platform.ts';
import { createPlatforms } from './platforms/platforms.ts';
import { PAGE_RASTER_MODULE } from './render/page.raster.module.ts';
import type { Service, ServiceOverrides } from './service.types.ts';
import { createShutdown } from './shutdown.ts';
import { createStorage } from './store/files/storage.ts';
import { openStore } from './store/store.open.ts';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
export type { Service, ServiceOverrides };
export { createStorage };

/**
 * The composition root, wiring only: builds every dependency once and starts a mode. `start` serves
 * chat, console, health and metrics and runs workers; `worker` runs workers and serves /health only.
 */
export async function startService(
  config: Config,
  logger: Logger,
  mode: 'start' | 'worker',
  overrides: ServiceOverrides = {},
): Promise<Service> {
  const startedAt = Date.now();
  const background = overrides.background !== false;
  const log = (component: string) => logger.child({ component });
  const metrics = createMetrics();
  const store = await openStore(config, logger, {
    fetch: overrides.fetch,
    ...(mode === 'start' && background ? { beforeOpen: () => assertPortFree(config.http) } : {}),
  });
  const { db, repos, storage } = store;
  const { maxFileBytes, maxPages, extractTimeoutMs } = config.limits;
  const extractor =
    overrides.extractor ??
    createExtractor({
      pageRaster: PAGE_RASTER_MODULE,
      maxFileBytes,
      maxPages,
      timeoutMs: extractTimeoutMs,
      ocrWorkers: config.ocrWorkers,
      ocrIdleMs: config.ocrIdleMs,
      logger: log('extraction'),
    });
  const queue = await createQueue(db, log('queue'), { expireInSeconds: Math.ceil(extractTimeoutMs / 1000) + 120 });
  const gateways: GatewayRegistry = {};
  const fetchers: FetcherRegistry = {};
  const platforms: PlatformAdapter[] = [];
  const platformNames = () => platforms.map((p) => p.name);
  const health = createHealth({ db, queue, extractor, storage, platforms: platformNames, version: VERSION, startedAt });
  const core = { ...store, queue, extractor, health, gateways, fetchers, logger };
  const { ingest, digests, chat, scoreboardMetrics, status, homes } = createCoreServices(config, core);

  const serveHttp = mode === 'start' && background;
  const platformDeps = { chat, status, repos, storage, logger, metrics, serveHttp, fetch: overrides.fetch };
  for (const adapter of await createPlatforms(config, platformDeps)) {
    platforms.push(adapter);
    gateways[adapter.name] = adapter.gateway;
    if (adapter.fetcher) fetchers[adapter.name] = adapter.fetcher;
  }
  const replica = config.replicaId ?? hostname();
  if (background) await startIngestWorker({ queue, ingest, metrics, logger, concurrency: config.ocrWorkers });
  const schedules =
    overrides.schedules === false
      ? undefined
      : startServiceSchedules(config, { ...core, replica, digests, logger: log('schedules') });
  const routes = [
    ...serviceRoutes({ health, metrics, more: scoreboardMetrics }),
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
  await warnOnLocalStorageWithReplicas({ runs: repos.scheduleRuns, replica, storage: storage.kind, logger }).catch(
    (err: unknown) => logger.warn({ err }, 'could not look for other replicas'),
  );
  logger.info({ url: http?.url, mode, platforms: platformNames(), db: db.kind, replica }, 'MarginIQ started');

  const stop = createShutdown(logger, [
    { name: 'schedules', stop: () => schedules?.stop() },
    // Issue 17: homes being drawn again finish; marks not yet taken stay for the next change or replica.
    { name: 'homes', stop: () => homes.stop() },
    ...platforms.map((p) => ({ name: `platform ${p.name}`, stop: () => p.stop() })),
    { name: 'http', stop: () => http?.close() },
    { name: 'queue', stop: () => queue.stop({ graceful: true, timeoutMs: 20_000 }) },
    // Issue 16: corrections being taught to layout memory finish before the reader and the database close.
    { name: 'layout memory', stop: () => chat.lessonsDone() },
    { name: 'extraction', stop: () => (extractor as Extractor & { close?: () => Promise<void> }).close?.() },
    { name: 'database', stop: () => db.close() },
  ]);
  return { url: http?.url ?? '', gateways, health, db, repos, chat, queue, metrics, platforms, homes, stop };
}
