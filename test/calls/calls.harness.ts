import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAccess } from '../../src/core/access/roles.ts';
import type { Card } from '../../src/core/cards/card.model.ts';
import { createChatCore } from '../../src/core/chat.core.ts';
import type { CommandRunner } from '../../src/core/commands/command.types.ts';
import { createCommandRunner } from '../../src/core/commands/command.usecases.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { OpsRepository } from '../../src/core/ops/ops.port.ts';
import type { ExtractionOutcome, Extractor } from '../../src/core/ports/extraction.ports.ts';
import type { HealthSource } from '../../src/core/ports/health.ports.ts';
import type { ReportReading } from '../../src/core/report/report.schema.ts';
import type { ScoreboardRepository } from '../../src/core/scoreboard/scoreboard.port.ts';
import { fileWriters } from '../../src/render/file.writers.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import type { TestDb } from '../support/databases.ts';
import { collectingQueue, recordingGateway } from '../support/fakes.ts';

export const text = (c: Card) => cardToText(c);

/** A clock the test moves by hand. */
export function fakeClock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/**
 * What a test PDF says, as `key=value` pairs: `acct=A1 date=2026-11-27 call=100000 excess=-100000 due=2026-12-01`.
 * The extractor reads them back: the call lifecycle is under test here, not extraction.
 */
export const statement = (s: {
  acct: string;
  date: string;
  call?: number;
  excess: number;
  due?: string;
  tag?: string;
}) =>
  new TextEncoder().encode(
    `%PDF-1.7\nacct=${s.acct} date=${s.date} call=${s.call ?? 0} excess=${s.excess}${s.due ? ` due=${s.due}` : ''} tag=${s.tag ?? Math.random()}\n`,
  );

function readStatement(bytes: Uint8Array, fileName: string): ExtractionOutcome {
  const t = new TextDecoder().decode(bytes);
  const get = (k: string) => t.match(new RegExp(`${k}=([^\\s]+)`))?.[1];
  const excess = Number(get('excess'));
  const reading: ReportReading = {
    source_file_name: fileName,
    account_number: get('acct') ?? null,
    report_date: get('date') ?? null,
    currency: 'USD',
    broker: 'Example Broker',
    fields: {
      total_equity: 400_000 + excess,
      maintenance_requirement: 400_000,
      excess_liquidity: excess,
      margin_call: Number(get('call') ?? 0),
    },
    ...(get('due') ? { call_due_date: get('due') } : {}),
    confidence: { account_number: 0.99, report_date: 0.99, total_equity: 0.99, excess_liquidity: 0.99 },
    evidence: {},
    issues: [],
    method: 'text',
    pages: 1,
    processing_time_ms: 100,
  };
  return { readings: [reading], method: 'text', pages: 1, processing_time_ms: 100 };
}

const extractor: Extractor = {
  extract: async ({ bytes, fileName }) => readStatement(bytes, fileName),
  ocrReady: () => true,
};

const health: HealthSource = {
  async check() {
    return { status: 'ok', checks: {}, version: '0.1.0', uptime_s: 60, platforms: ['console'] };
  },
};

/** The chat core and command runner over a real database, a console gateway double and a fake clock. */
export async function callsWorld(
  t: TestDb,
  clock: ReturnType<typeof fakeClock>,
  opts: { callDueDays?: number; usage?: ScoreboardRepository; ops?: OpsRepository } = {},
) {
  const repos = createRepositories(t.db);
  const chatLog = recordingGateway();
  const uow = createUnitOfWork(t.db);
  const access = createAccess({ admins: ['console:boss'], roles: repos.roles });
  await repos.roles.set('console:approver', 'approver', 'console:boss');
  await repos.roles.set('console:viewer', 'viewer', 'console:boss');
  const storageDir = mkdtempSync(path.join(tmpdir(), 'marginiq-calls-'));
  const deps: IngestDeps = {
    repos,
    uow,
    storage: createLocalStorage(storageDir),
    queue: collectingQueue(),
    extractor,
    gateways: { console: chatLog.gateway },
    fetchers: {},
    limits: { maxFileBytes: 1024 * 1024 },
    logger: { info() {}, warn() {} },
  };
  const runCommand: CommandRunner = createCommandRunner({
    writers: fileWriters,
    repos,
    uow,
    access,
    analytics: createAnalyticsRepository(t.db),
    health,
    queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
    postDigest: async () => {},
    now: clock.now,
    callDueDays: opts.callDueDays ?? 1,
    ...(opts.usage ? { scoreboard: { scoreboard: opts.usage, minutesSavedPerReport: 10 } } : {}),
    ...(opts.ops ? { ops: opts.ops } : {}),
  });
  // Core updates the summary message itself (its one summary-update path), through the gateway double.
  const chat = createChatCore({
    ...deps,
    access,
    runCommand,
    now: clock.now,
    callDueDays: opts.callDueDays ?? 1,
    usage: opts.usage,
  });
  let n = 0;

  /** Uploads a statement, runs the worker, and returns its one report and its summary message. */
  async function share(s: Parameters<typeof statement>[0], by = 'console:analyst') {
    const { ingestion } = await chat.upload({
      platform: 'console',
      sourceRef: `f${++n}`,
      fileName: `${s.acct}-${s.date}.pdf`,
      bytes: statement(s),
      channelId: 'risk',
      uploadedBy: by,
    });
    await processIngestion(deps, ingestion.id);
    const [report] = await repos.reports.byIngestion(ingestion.id);
    if (!report) throw new Error('no report');
    return { ingestion, report, message: () => chatLog.messages.get(ingestion.replyRef!)! };
  }

  async function approve(reportId: string, by = 'console:approver') {
    return chat.action({ user: by, kind: 'approve', value: reportId });
  }

  const command = (user: string, words: string) =>
    runCommand({ user, conversation: { platform: 'console', channelId: 'risk' } }, words);

  return { repos, chat, chatLog, deps, storageDir, share, approve, command };
}
