import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createAccess } from '../../src/core/access/roles.ts';
import { textCard } from '../../src/core/cards/card.model.ts';
import { type ChatCore, createChatCore } from '../../src/core/chat.core.ts';
import type { CommandRunner } from '../../src/core/commands/command.types.ts';
import { type IngestDeps, processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { ChatGateway, Extractor, GatewayRegistry, JobQueue, Repositories } from '../../src/core/ports.ts';
import { createExtractor } from '../../src/extraction/extractor.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { createConsolePlatform } from '../../src/platforms/console/console.app.ts';
import type { Db } from '../../src/store/db.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { renderDoc } from '../fixtures/fixture-doc.ts';
import { createRng } from '../fixtures/prng.ts';
import { sampleStatement } from '../fixtures/sample.ts';
import { freshPglite } from '../support/databases.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED_SAMPLE = path.join(ROOT, 'samples', 'sample-margin-statement.pdf');

/** The shipped sample when it is there; otherwise the same document rendered from the fixture generator. */
export async function samplePdf(dir: string): Promise<string> {
  if (existsSync(SHIPPED_SAMPLE)) return SHIPPED_SAMPLE;
  const { bytes } = await renderDoc(sampleStatement(createRng('marginiq-fixtures-v1:sample')));
  const file = path.join(dir, 'sample-margin-statement.pdf');
  writeFileSync(file, bytes);
  return file;
}

export interface ConsoleService {
  url: string;
  db: Db;
  repos: Repositories;
  chat: ChatCore;
  gateway: ChatGateway;
  stop(): Promise<void>;
}

/** Commands belong to the command runner's own tests; the console only has to carry them. */
const echoRunner: CommandRunner = async (ctx, text) => ({
  card: textCard('MarginIQ', `You asked for "${text}" as ${ctx.user}.`),
  visibility: 'ephemeral',
});

/**
 * The console wired the way the composition root wires it — real core, store, extraction and HTTP
 * server — with the durable queue replaced by one that runs the worker's use-case in-process.
 */
export async function startConsoleService(
  opts: { token?: string; maxFileBytes?: number; extractor?: Extractor; runCommand?: CommandRunner } = {},
): Promise<ConsoleService> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-console-'));
  const { db, drop } = await freshPglite();
  const repos = createRepositories(db);
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const limits = { maxFileBytes: opts.maxFileBytes ?? 25 * 1024 * 1024 };
  const extractor =
    opts.extractor ??
    createExtractor({ maxFileBytes: limits.maxFileBytes, maxPages: 50, timeoutMs: 60_000, ocrWorkers: 1 });
  const gateways: GatewayRegistry = {};
  const running = new Set<Promise<unknown>>();
  const queue: JobQueue = {
    async enqueueIngestion(id) {
      // Later than the core's own "queued" bookkeeping, as a real queue would be.
      setTimeout(() => {
        const job = processIngestion(ingestDeps, id).catch((err: unknown) => logger.error({ err }, 'job failed'));
        running.add(job);
        void job.finally(() => running.delete(job));
      }, 50);
    },
    async depth() {
      return { queued: 0, active: running.size, failed: 0, deadLettered: 0 };
    },
  };
  const ingestDeps: IngestDeps = {
    repos,
    uow: createUnitOfWork(db),
    storage: createLocalStorage(path.join(dir, 'files')),
    queue,
    extractor,
    gateways,
    fetchers: {},
    limits,
    logger,
  };
  const chat = createChatCore({
    ...ingestDeps,
    access: createAccess({ admins: [], roles: repos.roles }),
    runCommand: opts.runCommand ?? echoRunner,
  });
  const platform = await createConsolePlatform({
    chat,
    logger,
    limits,
    ...(opts.token ? { token: opts.token } : {}),
    samplePath: await samplePdf(dir),
    serveHttp: true,
    roles: repos.roles,
  });
  gateways.console = platform.gateway;
  const http = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: platform.routes,
    logger,
    metrics: createMetrics(),
  });
  await platform.start();
  return {
    url: http.url,
    db,
    repos,
    chat,
    gateway: platform.gateway,
    async stop() {
      await platform.stop();
      await http.close();
      await Promise.allSettled([...running]);
      await (extractor as Extractor & { close?: () => Promise<void> }).close?.();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
