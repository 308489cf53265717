import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import pino from 'pino';
import { createAccess } from '../../src/core/access/roles.ts';
import { type ChatCore, createChatCore } from '../../src/core/chat.core.ts';
import type { CommandRunner } from '../../src/core/commands/command.types.ts';
import { createCommandRunner } from '../../src/core/commands/command.usecases.ts';
import type { TrustPolicy } from '../../src/core/decisions/trust.policy.ts';
import { AppError } from '../../src/core/errors.ts';
import type { CropRenderer } from '../../src/core/evidence/show.source.ts';
import { createHomeRefresh } from '../../src/core/home/home.refresh.ts';
import { buildHome, type HomeRequest } from '../../src/core/home/home.usecases.ts';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { GatewayRegistry } from '../../src/core/ports/chat.ports.ts';
import type { Extractor, JobQueue } from '../../src/core/ports/extraction.ports.ts';
import type { FetcherRegistry } from '../../src/core/ports/files.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import type { PlatformAdapter } from '../../src/platforms/platform.ts';
import { createTeamsPlatform } from '../../src/platforms/teams/teams.app.ts';
import { fileWriters } from '../../src/render/file.writers.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { freshPglite } from '../support/databases.ts';
import { sampleReport, scriptedExtractor } from '../support/fakes.ts';
import { eventually } from '../support/slack-double.ts';
import { postActivity, startTeamsDouble, teamsActivities } from '../support/teams-double.ts';

export const ADMIN = 'aad-admin';
export const APPROVER = 'aad-approver';
export const ANALYST = 'aad-analyst';
/** The names Teams sends for them in `from.name`. */
export const NAMES: Record<string, string> = {
  [ADMIN]: 'Ada Admin',
  [APPROVER]: 'Avery Approver',
  [ANALYST]: 'Ann Analyst',
};

/** A "PDF" the scripted extractor understands: `acct=` picks the account, `broken` makes it corrupt. */
export const pdf = (tag: string) => new TextEncoder().encode(`%PDF-1.7\n${tag}\n%%EOF\n`);

/**
 * A real one-page PDF (400×200 pt) printing "Margin statement …" at 38–53 pt from the top, with the
 * scripted extractor's tag in a trailing comment: Show source renders its region.
 */
export async function sourcedPdf(tag: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 200]);
  page.drawText(`Margin statement ${tag}`, {
    x: 20,
    y: 150,
    size: 12,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  const bytes = await doc.save();
  return new Uint8Array([...bytes, ...new TextEncoder().encode(`\n%${tag} sourced\n`)]);
}

export function testExtractor(): Extractor {
  return scriptedExtractor((bytes) => {
    const text = new TextDecoder().decode(bytes);
    if (text.includes('broken'))
      return new AppError('extraction.corrupt_pdf', 'The PDF is damaged and cannot be read.');
    const account = text.match(/acct=([\w-]+)/)?.[1] ?? 'U1234567';
    const call = text.includes('call');
    // `sourced`: excess does not agree with equity − requirement (a value to review), read from the
    // box where sourcedPdf prints its line (Show source, issue 14).
    const sourced = text.includes('sourced');
    return {
      reports: [
        sampleReport({
          account_number: account,
          ...(sourced
            ? {
                evidence: {
                  excess_liquidity: { page: 1, bbox: [20, 38, 140, 53], label: null, text: 'Margin statement' },
                },
              }
            : {}),
          fields: sourced
            ? { ...sampleReport().fields, excess_liquidity: 550_000 }
            : call
              ? {
                  total_equity: 300_000,
                  maintenance_requirement: 400_000,
                  excess_liquidity: -100_000,
                  margin_call: 100_000,
                }
              : sampleReport().fields,
        }),
      ],
      method: 'text',
      pages: 1,
      processing_time_ms: 100,
    };
  });
}

/**
 * The real Teams app on MarginIQ's real HTTP server and core, against the loopback double; the
 * queue runs each job right away instead of through pg-boss.
 */
export async function startTeamsHarness(
  opts: {
    credentials?: boolean;
    runCommand?: (base: CommandRunner) => CommandRunner;
    publicUrl?: string;
    trust?: TrustPolicy;
    /** Issue 14, Show source: the crop renderer core is given (none: the card offers no crop). */
    renderCrop?: CropRenderer;
    /** Issue 17: an extractor of the test's own (progress reports), and the clock that paces progress. */
    extractor?: Extractor;
    clock?: () => number;
    /** Issue 17: how the gateway waits out a connector 429 (default: really sleeping). */
    sleep?: (ms: number) => Promise<void>;
    /** Warnings and errors logged, one JSON line each, for a test that waits on one. */
    logs?: string[];
  } = {},
) {
  const double = await startTeamsDouble();
  const t = await freshPglite();
  const repos: Repositories = createRepositories(t.db);
  // A test that waits on a warning (issue 17: a progress update backing off) collects the log lines.
  const logger = opts.logs
    ? pino({ level: 'warn' }, { write: (line: string) => void opts.logs?.push(line) })
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const gateways: GatewayRegistry = {};
  const fetchers: FetcherRegistry = {};
  const jobs = new Set<Promise<unknown>>();
  let deps: IngestDeps;
  const queue: JobQueue = {
    async enqueueIngestion(id) {
      const job = new Promise((r) => setImmediate(r))
        .then(() => processIngestion(deps, id))
        .catch((err: unknown) => logger.warn({ err }, 'job failed'))
        .finally(() => jobs.delete(job));
      jobs.add(job);
    },
    async depth() {
      return { queued: jobs.size, active: 0, failed: 0, deadLettered: 0 };
    },
  };
  deps = {
    repos,
    uow: createUnitOfWork(t.db),
    storage: createLocalStorage(mkdtempSync(path.join(tmpdir(), 'marginiq-teams-'))),
    queue,
    extractor: opts.extractor ?? testExtractor(),
    ...(opts.clock ? { clock: opts.clock } : {}),
    gateways,
    fetchers,
    limits: { maxFileBytes: 64 * 1024 },
    logger,
    ...(opts.trust ? { trust: opts.trust } : {}),
  };
  const access = createAccess({ admins: [`teams:${ADMIN}`], roles: repos.roles, riskChannels: repos.riskChannels });
  await repos.roles.set(`teams:${APPROVER}`, 'approver', `teams:${ADMIN}`);
  const analytics = createAnalyticsRepository(t.db);
  const health = {
    async check() {
      return {
        status: 'ok' as const,
        checks: { database: { status: 'ok' as const } },
        version: 'test',
        uptime_s: 1,
        platforms: ['teams'],
      };
    },
  };
  // Issue 17: the home, wired as core.wiring.ts wires it.
  const home = (req: HomeRequest) => buildHome({ access, repos, analytics, health, trust: opts.trust }, req);
  const homes = createHomeRefresh({
    viewers: repos.homeViewers,
    access,
    reports: repos.reports,
    gateways,
    home,
    logger,
    debounceMs: 50,
  });
  deps.queueChanged = homes.changed;
  const baseRunner = createCommandRunner({
    home,
    queueChanged: homes.changed,
    writers: fileWriters,
    repos,
    uow: deps.uow,
    access,
    analytics,
    health,
    queueDepth: () => queue.depth(),
    postDigest: async () => undefined,
  } as Parameters<typeof createCommandRunner>[0]);
  const chat: ChatCore = createChatCore({
    ...deps,
    access,
    runCommand: opts.runCommand ? opts.runCommand(baseRunner) : baseRunner,
    home,
    homes,
    ...(opts.renderCrop ? { renderCrop: opts.renderCrop } : {}),
  });
  /** One replica of the Teams platform, served on its own port; all replicas share the database and file storage. */
  const startReplica = async () => {
    const platform: PlatformAdapter = await createTeamsPlatform({
      teams: opts.credentials
        ? {
            clientId: double.clientId,
            clientSecret: double.clientSecret,
            tenantId: double.tenantId,
            unauthenticated: false,
            allowedTenants: [double.tenantId],
          }
        : {
            clientId: undefined,
            clientSecret: undefined,
            tenantId: undefined,
            unauthenticated: true,
            allowedTenants: [],
          },
      chat,
      logger,
      metrics: createMetrics(),
      limits: deps.limits,
      serveHttp: true,
      conversations: repos.conversations,
      outgoingFiles: repos.outgoingFiles,
      storage: deps.storage,
      publicUrl: opts.publicUrl,
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      endpoints: {
        authority: double.url,
        graph: double.graphUrl,
        openIdMetadata: double.openIdMetadata,
        files: double.storageUrl,
      },
    });
    const http = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: platform.routes,
      logger,
      metrics: createMetrics(),
    });
    return { platform, http };
  };
  const { platform, http } = await startReplica();
  gateways.teams = platform.gateway;
  if (platform.fetcher) fetchers.teams = platform.fetcher;
  const activities = teamsActivities(double, undefined, NAMES);

  const replicas: { close(): Promise<void> }[] = [];
  /** The state of an activity's claim (teams.ingress.ts): claimed, done, or undefined (none, or released). */
  const claimOf = async (activity: { id: string; conversation: Record<string, unknown> }) =>
    (
      await t.db.query<{ state: string }>('select state from analytics.processed_events where key = $1', [
        `teams:activity:${String(activity.conversation.id)}:${activity.id}`,
      ])
    )[0]?.state;
  return {
    url: http.url,
    double,
    /** A second replica of the Teams platform on the same database and file storage, on its own server. */
    async replica() {
      const other = await startReplica();
      replicas.push(other.http);
      return { url: other.http.url, platform: other.platform };
    },
    activities,
    db: t.db,
    repos,
    chat,
    platform,
    /** Issue 17: homes drawn again after queue changes. */
    homes,
    /** Posts an activity to /api/messages, signed like the Bot Framework when credentials are on. */
    send: (activity: unknown, token?: string | null) =>
      postActivity(
        http.url,
        activity,
        token === null ? undefined : (token ?? (opts.credentials ? double.signInbound() : undefined)),
      ),
    /**
     * Waits until an activity has been handled to its end, background work included: the ingress marks
     * its claim done only after that succeeded. The event to wait for, instead of a sleep.
     */
    handled: (activity: { id: string; conversation: Record<string, unknown> }) =>
      eventually(
        async () => (await claimOf(activity)) === 'done' || undefined,
        10_000,
        `activity ${activity.id} handled`,
      ),
    /** Waits until an activity's claim was given back: its handling failed (call after its send returned). */
    released: (activity: { id: string; conversation: Record<string, unknown> }) =>
      eventually(
        async () => (await claimOf(activity)) === undefined || undefined,
        10_000,
        `activity ${activity.id} released`,
      ),
    /** Waits until every queued job has run. */
    async settle() {
      while (jobs.size > 0) await Promise.allSettled([...jobs]);
    },
    async stop() {
      await homes.stop();
      await Promise.all(replicas.map((r) => r.close()));
      await http.close();
      await platform.stop();
      await Promise.allSettled([...jobs]);
      try {
        await double.close(); // fails the suite if a card broke the Adaptive Card schema
      } finally {
        await t.drop();
      }
    },
  };
}

export type TeamsHarness = Awaited<ReturnType<typeof startTeamsHarness>>;

/** The Adaptive Card a recorded connector call carried, as JSON text for easy matching. */
export function cardText(call: { body: unknown }): string {
  const b = call.body as {
    activity?: { attachments?: { content?: unknown }[] };
    attachments?: { content?: unknown }[];
  };
  const attachments = b.attachments ?? b.activity?.attachments ?? [];
  return JSON.stringify(attachments.map((a) => a.content));
}

/** Finds the Action.Execute with this verb in a card and returns its data. */
export function actionData(call: { body: unknown }, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found = o.data as Record<string, unknown>;
    for (const x of Object.values(o)) walk(x);
  };
  walk(call.body);
  return found;
}
