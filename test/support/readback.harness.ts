import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createAccess } from '../../src/core/access/roles.ts';
import { textCard } from '../../src/core/cards/card.model.ts';
import { createChatCore } from '../../src/core/chat.core.ts';
import { DEFAULT_FLAGS } from '../../src/core/decisions/trust.policy.ts';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { Repositories, UnitOfWork } from '../../src/core/ports/repositories.ports.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { renderSummary, type Written } from '../../src/core/summary/summary.usecases.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import type { TestDb } from './databases.ts';
import { collectingQueue, recordingGateway, sampleReport, scriptedExtractor } from './fakes.ts';

/**
 * Issue 19: the harness of the summary "no read-back" tests. Every repository call (outside and
 * inside transactions) is recorded in order, so a test names the reads a click still makes; `reread`
 * draws the card a full re-read would (what the click path drew before issue 19), for comparison.
 */
export const NOW = new Date('2026-11-28T10:00:00Z');

/** One report per `acct=… date=… eq=…` or `acct=… date=… call` part of the fake PDF's text. */
const reportsOf = (text: string): MarginReport[] =>
  text
    .split(';')
    .filter((part) => part.includes('acct='))
    .map((part) => {
      const account = part.match(/acct=(\w+)/)![1]!;
      const date = part.match(/date=([\d-]+)/)![1]!;
      const equity = Number(part.match(/eq=(\d+)/)?.[1] ?? 1_000_000);
      return sampleReport({
        account_number: account,
        report_date: date,
        fields: part.includes('call')
          ? {
              total_equity: 300_000,
              maintenance_requirement: 400_000,
              excess_liquidity: -100_000,
              margin_call: 100_000,
            }
          : {
              total_equity: equity,
              maintenance_requirement: 400_000,
              initial_requirement: 500_000,
              excess_liquidity: equity - 400_000,
              margin_call: 0,
            },
      });
    });

export interface Readback {
  repos: Repositories;
  deps: IngestDeps;
  chat: ReturnType<typeof createChatCore>;
  chatLog: ReturnType<typeof recordingGateway>;
  /** Every repository method called since the last reset, in order: `reports.findById`. */
  log: string[];
}

/** Registers the hooks of one database's suite; the returned object is filled before the first test. */
export function readbackSuite(fresh: () => Promise<TestDb>) {
  let t: TestDb;
  const trust = { fourEyes: true, dualApprovalAbove: 50_000, flags: DEFAULT_FLAGS };
  const h = { log: [] as string[] } as Readback;

  const counted = (inner: Repositories): Repositories =>
    new Proxy(inner, {
      get(target, repo: string) {
        const r = (target as unknown as Record<string, object>)[repo];
        if (!r || typeof r !== 'object') return r;
        return new Proxy(r, {
          get(obj, method: string) {
            const f = (obj as Record<string, unknown>)[method];
            if (typeof f !== 'function') return f;
            return (...args: unknown[]) => {
              h.log.push(`${repo}.${method}`);
              return f.apply(obj, args);
            };
          },
        });
      },
    });

  beforeAll(async () => {
    t = await fresh();
    h.repos = createRepositories(t.db);
    h.chatLog = recordingGateway();
    const tx = createUnitOfWork(t.db);
    const uow: UnitOfWork = (fn) => tx((inner) => fn(counted(inner)));
    h.deps = {
      repos: counted(h.repos),
      uow,
      storage: createLocalStorage(mkdtempSync(path.join(tmpdir(), 'marginiq-readback-'))),
      queue: collectingQueue(),
      extractor: scriptedExtractor((bytes) => ({
        reports: reportsOf(new TextDecoder().decode(bytes)),
        method: 'text',
        pages: 1,
        processing_time_ms: 100,
      })),
      gateways: { console: h.chatLog.gateway },
      fetchers: {},
      limits: { maxFileBytes: 1024 * 1024 },
      logger: { info() {}, warn() {} },
      trust,
    };
    h.chat = createChatCore({
      ...h.deps,
      now: () => NOW,
      access: createAccess({ admins: ['console:boss'], roles: h.repos.roles }),
      runCommand: async () => ({ card: textCard('help', 'usage'), visibility: 'ephemeral' }),
    });
    for (const who of ['console:jane', 'console:omar']) await h.repos.roles.set(who, 'approver', 'console:boss');
    // What the adapters do before every click: the name the platform sent is remembered.
    await h.chat.rememberName('console:jane', 'Jane Doe');
    await h.chat.rememberName('console:omar', 'Omar Haddad');
  });
  afterAll(() => t?.drop());
  beforeEach(() => {
    h.log = [];
  });

  return {
    h,
    /** Shares a fake PDF and runs its extraction; the log starts empty afterwards. */
    async share(ref: string, text: string) {
      const { ingestion } = await h.chat.upload({
        platform: 'console',
        sourceRef: ref,
        fileName: `${ref}.pdf`,
        bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n`),
        channelId: 'local',
        uploadedBy: 'console:analyst',
      });
      expect(await processIngestion(h.deps, ingestion.id)).toBe('processed');
      const reports = await h.repos.reports.byIngestion(ingestion.id);
      h.log = [];
      return { ingestion, reports };
    },
    /** The card a full re-read draws now (what the click path drew before issue 19), for comparison. */
    reread: async (ingestionId: string, written: Written = {}) =>
      renderSummary(
        { repos: h.repos, trust, now: () => NOW },
        (await h.repos.ingestions.findById(ingestionId))!,
        written,
      ),
    approve: (user: string, name: string, value: string) => h.chat.action({ user, name, kind: 'approve', value }),
    /** The summary message of an upload as the chat shows it now. */
    shown: async (ingestionId: string) => {
      const ref = (await h.repos.ingestions.findById(ingestionId))?.replyRef;
      return ref ? h.chatLog.messages.get(ref)?.card : undefined;
    },
  };
}
