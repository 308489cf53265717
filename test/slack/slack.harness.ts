import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createAccess } from '../../src/core/access/roles.ts';
import { textCard } from '../../src/core/cards/card.model.ts';
import { type ChatCore, createChatCore } from '../../src/core/chat.core.ts';
import { createCommandRunner } from '../../src/core/commands/command.usecases.ts';
import type { TrustPolicy } from '../../src/core/decisions/trust.policy.ts';
import { createHomeRefresh, type HomeRefresh } from '../../src/core/home/home.refresh.ts';
import { buildHome, type HomeRequest } from '../../src/core/home/home.usecases.ts';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { GatewayRegistry } from '../../src/core/ports/chat.ports.ts';
import type { Extractor, JobQueue } from '../../src/core/ports/extraction.ports.ts';
import type { FetcherRegistry } from '../../src/core/ports/files.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { createExtractor } from '../../src/extraction/extractor.ts';
import { createHealth } from '../../src/http/health.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { createSlackPlatform } from '../../src/platforms/slack/slack.app.ts';
import { createTeamsPlatform } from '../../src/platforms/teams/teams.app.ts';
import { renderEvidenceCrop } from '../../src/render/evidence.crop.ts';
import { fileWriters } from '../../src/render/file.writers.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';
import type { Db } from '../../src/store/db.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { freshPglite } from '../support/databases.ts';
import { readingOf, sampleReport } from '../support/fakes.ts';
import { eventually, type SlackDouble, startSlackDouble } from '../support/slack-double.ts';
import { postActivity, startTeamsDouble, type TeamsDouble, teamsActivities } from '../support/teams-double.ts';
import { type SlackSender, slackSender } from './slack.requests.ts';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';
const SPEC_PREFIX = 'marginiq-test:';

/** What a test PDF says it contains: the harness's extractor answers with it instead of reading the layout. */
export type ReportSpec = Partial<MarginReport> & { account_number: string; report_date: string };

/** A small real PDF carrying its expected report in the Subject, so each test picks its own account and date. */
export async function testPdf(spec: ReportSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 200]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Margin statement ${spec.account_number} ${spec.report_date}`, { x: 20, y: 150, size: 12, font });
  doc.setSubject(SPEC_PREFIX + JSON.stringify(spec));
  return doc.save();
}

async function specOf(bytes: Uint8Array): Promise<ReportSpec | undefined> {
  try {
    const subject = (await PDFDocument.load(bytes, { updateMetadata: false })).getSubject();
    return subject?.startsWith(SPEC_PREFIX) ? (JSON.parse(subject.slice(SPEC_PREFIX.length)) as ReportSpec) : undefined;
  } catch {
    return undefined; // not loadable: the real extractor decides what is wrong with it
  }
}

/** Test PDFs answer from their spec; anything else (fixture documents, corrupt files) goes through real extraction. */
function harnessExtractor(real: Extractor & { close?: () => Promise<void> }) {
  return {
    async extract(input: { bytes: Uint8Array; fileName: string }) {
      const spec = await specOf(input.bytes);
      if (!spec) return real.extract(input);
      const report = sampleReport({ source_file_name: input.fileName, ...spec });
      return { readings: [readingOf(report)], method: 'text' as const, pages: 1, processing_time_ms: 12 };
    },
    /** Layout memory reads real documents again; a test PDF's page is not its report, so it teaches nothing. */
    async readLayout(bytes: Uint8Array) {
      if (await specOf(bytes)) throw new Error('a test PDF carries its report in its metadata, not on its page');
      return real.readLayout!(bytes);
    },
    ocrReady: () => real.ocrReady(),
    close: () => real.close?.() ?? Promise.resolve(),
  };
}

export interface SlackService {
  url: string;
  db: Db;
  repos: Repositories;
  chat: ChatCore;
  /** The platform gateways core posts through (issue 14: schedules driven by a test). */
  gateways: GatewayRegistry;
  slack: SlackDouble;
  sender: SlackSender;
  /** Ingestion ids in the order the queue received them. */
  jobs: string[];
  logs: string[];
  /** Waits until every queued job has run. */
  idle(): Promise<void>;
  /** Issue 17: homes drawn again after queue changes, wired as core.wiring.ts wires them. */
  homes: HomeRefresh;
  /** Where this service keeps its files (a replica shares it). */
  dir: string;
  /** Issue 17: the Teams side, when started with `teams: true`. */
  teams?: {
    double: TeamsDouble;
    activities: ReturnType<typeof teamsActivities>;
    send: (activity: unknown) => ReturnType<typeof postActivity>;
  };
  /**
   * Waits until the Events API delivery `eventId` has been handled to its end: the ingress marks its
   * claim done only after every listener returned. The event to wait for, instead of a sleep.
   */
  handled(eventId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * MarginIQ with Slack over HTTP, wired as the composition root wires it — real core, store, Bolt app,
 * HTTP server and extraction — against the loopback Slack double, with the durable queue replaced by
 * one that runs the worker's use-case in-process.
 */
export async function startSlackService(
  opts: {
    admins?: string[];
    maxFileBytes?: number;
    allowedTeams?: string[];
    trust?: TrustPolicy;
    /** Issue 17: an extractor of the test's own (progress reports), and the clock that paces progress. */
    extractor?: Extractor;
    clock?: () => number;
    /** Issue 17: the pause that gathers a burst of queue changes into one drawing of each home. */
    homeDebounceMs?: number;
    /**
     * Issue 17: another replica of the service: its own core, Bolt app and HTTP server on the first's
     * database, file storage and Slack double (stopping it leaves them to the first).
     */
    shareWith?: { db: Db; slack: SlackDouble; dir: string };
    /** Issue 17: Teams on the same core, against its own loopback double (unauthenticated). */
    teams?: boolean;
  } = {},
): Promise<SlackService> {
  const shared = opts.shareWith;
  const dir = shared?.dir ?? mkdtempSync(path.join(tmpdir(), 'marginiq-slack-'));
  const slack = shared?.slack ?? (await startSlackDouble());
  const { db, drop } = shared ? { db: shared.db, drop: async () => {} } : await freshPglite();
  const repos = createRepositories(db);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const limits = { maxFileBytes: opts.maxFileBytes ?? 25 * 1024 * 1024 };
  const extractor = harnessExtractor(
    createExtractor({
      pageRaster: PAGE_RASTER_MODULE,
      maxFileBytes: limits.maxFileBytes,
      maxPages: 50,
      timeoutMs: 60_000,
      ocrWorkers: 1,
    }),
  );
  const gateways: GatewayRegistry = {};
  const fetchers: FetcherRegistry = {};
  const jobs: string[] = [];
  const running = new Set<Promise<unknown>>();
  const queue: JobQueue = {
    async enqueueIngestion(id) {
      jobs.push(id);
      // Later than the core's own "queued" bookkeeping, as a real queue would be.
      const job = new Promise((r) => setTimeout(r, 30))
        .then(() => processIngestion(ingestDeps, id))
        .catch((err: unknown) => logger.error({ err }, 'job failed'));
      running.add(job);
      void job.finally(() => running.delete(job));
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
    extractor: opts.extractor ?? extractor,
    gateways,
    fetchers,
    limits,
    logger,
    ...(opts.trust ? { trust: opts.trust } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  };
  const access = createAccess({ admins: opts.admins ?? [], roles: repos.roles, riskChannels: repos.riskChannels });
  const health = createHealth({
    db,
    queue,
    extractor,
    storage: ingestDeps.storage,
    platforms: () => ['slack'],
    version: 'test',
    startedAt: Date.now(),
  });
  const analytics = createAnalyticsRepository(db);
  // Issue 17: the home, wired as core.wiring.ts wires it.
  const home = (req: HomeRequest) => buildHome({ access, repos, analytics, health, trust: opts.trust }, req);
  const homes = createHomeRefresh({
    viewers: repos.homeViewers,
    access,
    reports: repos.reports,
    gateways,
    home,
    logger,
    debounceMs: opts.homeDebounceMs ?? 50,
  });
  ingestDeps.queueChanged = homes.changed;
  const runCommand = createCommandRunner({
    home,
    queueChanged: homes.changed,
    writers: fileWriters,
    repos,
    uow: ingestDeps.uow,
    access,
    analytics,
    health,
    queueDepth: () => queue.depth(),
    // The digest itself is the digest module's business; here it only has to arrive in the channel.
    postDigest: async (to) => gateways.slack?.post(to, textCard('Daily digest', 'Margin reports of the day.')),
    logger,
    ...(opts.trust ? { trust: opts.trust } : {}),
  });
  const chat = createChatCore({ ...ingestDeps, access, runCommand, renderCrop: renderEvidenceCrop, home, homes });
  const metrics = createMetrics();
  const platform = await createSlackPlatform({
    slack: {
      botToken: slack.token,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: slack.apiUrl,
      allowedTeams: opts.allowedTeams ?? [],
    },
    chat,
    logger,
    metrics,
    limits,
    serveHttp: true,
  });
  gateways.slack = platform.gateway;
  if (platform.fetcher) fetchers.slack = platform.fetcher;
  const teams = opts.teams ? await startTeamsDouble() : undefined;
  const teamsPlatform = teams
    ? await createTeamsPlatform({
        teams: {
          clientId: undefined,
          clientSecret: undefined,
          tenantId: undefined,
          unauthenticated: true,
          allowedTenants: [],
        },
        chat,
        logger,
        metrics,
        limits,
        serveHttp: true,
        conversations: repos.conversations,
        outgoingFiles: repos.outgoingFiles,
        storage: ingestDeps.storage,
        endpoints: {
          authority: teams.url,
          graph: teams.graphUrl,
          openIdMetadata: teams.openIdMetadata,
          files: teams.storageUrl,
        },
      })
    : undefined;
  if (teamsPlatform) gateways.teams = teamsPlatform.gateway;
  const http = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: [...platform.routes, ...(teamsPlatform?.routes ?? [])],
    logger,
    metrics,
  });
  await platform.start();
  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  const handled = async (eventId: string) => {
    await eventually(
      async () => {
        const rows = await db.query<{ state: string }>('select state from analytics.processed_events where key = $1', [
          `slack:event:${eventId}`,
        ]);
        return rows[0]?.state === 'done' || undefined;
      },
      10_000,
      `event ${eventId} handled`,
    );
  };
  return {
    url: http.url,
    db,
    repos,
    chat,
    gateways,
    slack,
    sender: slackSender(http.url, SIGNING_SECRET),
    jobs,
    logs,
    idle,
    handled,
    homes,
    dir,
    ...(teams
      ? {
          teams: { double: teams, activities: teamsActivities(teams), send: (a: unknown) => postActivity(http.url, a) },
        }
      : {}),
    async stop() {
      await homes.stop();
      await teamsPlatform?.stop();
      await platform.stop();
      await http.close();
      await idle();
      await extractor.close();
      try {
        if (!shared) await slack.close(); // fails the suite if a message or view broke Block Kit
        await teams?.close(); // fails it if a card broke the Adaptive Card schema
      } finally {
        if (!shared) {
          await drop();
          rmSync(dir, { recursive: true, force: true });
        }
      }
    },
  };
}
