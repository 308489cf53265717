import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../src/core/access/roles.ts';
import { textCard } from '../../src/core/cards/card.model.ts';
import { createChatCore } from '../../src/core/chat.core.ts';
import { DEFAULT_FLAGS } from '../../src/core/decisions/trust.policy.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { type IngestDeps, processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { Repositories, UnitOfWork } from '../../src/core/ports.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { renderSummary } from '../../src/core/summary/summary.usecases.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { collectingQueue, recordingGateway, sampleReport, scriptedExtractor } from '../support/fakes.ts';

/**
 * Issue 19: a click's summary card is built from what the decision wrote and what it read inside its
 * own transaction, never read back. Every repository call (outside and inside transactions) is
 * recorded in order; each test names the reads a click still makes and why, and checks the card is
 * the one a full re-read would draw.
 */
const NOW = new Date('2026-11-28T10:00:00Z');

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

describe.each(DATABASES)('a click builds the summary from what it wrote, on %s', (_name, fresh) => {
  let t: TestDb;
  let repos: Repositories;
  let deps: IngestDeps;
  let chat: ReturnType<typeof createChatCore>;
  let chatLog: ReturnType<typeof recordingGateway>;
  const trust = { fourEyes: true, dualApprovalAbove: 50_000, flags: DEFAULT_FLAGS };
  /** Every repository method called, in order: `reports.findById`. */
  let log: string[] = [];

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
              log.push(`${repo}.${method}`);
              return f.apply(obj, args);
            };
          },
        });
      },
    });

  beforeAll(async () => {
    t = await fresh();
    repos = createRepositories(t.db);
    chatLog = recordingGateway();
    const tx = createUnitOfWork(t.db);
    const uow: UnitOfWork = (fn) => tx((inner) => fn(counted(inner)));
    deps = {
      repos: counted(repos),
      uow,
      storage: createLocalStorage(mkdtempSync(path.join(tmpdir(), 'marginiq-readback-'))),
      queue: collectingQueue(),
      extractor: scriptedExtractor((bytes) => ({
        reports: reportsOf(new TextDecoder().decode(bytes)),
        method: 'text',
        pages: 1,
        processing_time_ms: 100,
      })),
      gateways: { console: chatLog.gateway },
      fetchers: {},
      limits: { maxFileBytes: 1024 * 1024 },
      logger: { info() {}, warn() {} },
      trust,
    };
    chat = createChatCore({
      ...deps,
      now: () => NOW,
      access: createAccess({ admins: ['console:boss'], roles: repos.roles }),
      runCommand: async () => ({ card: textCard('help', 'usage'), visibility: 'ephemeral' }),
    });
    for (const who of ['console:jane', 'console:omar']) await repos.roles.set(who, 'approver', 'console:boss');
    // What the adapters do before every click: the name the platform sent is remembered.
    await chat.rememberName('console:jane', 'Jane Doe');
    await chat.rememberName('console:omar', 'Omar Haddad');
  });
  afterAll(() => t?.drop());
  beforeEach(() => {
    log = [];
  });

  const share = async (ref: string, text: string) => {
    const { ingestion } = await chat.upload({
      platform: 'console',
      sourceRef: ref,
      fileName: `${ref}.pdf`,
      bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n`),
      channelId: 'local',
      uploadedBy: 'console:analyst',
    });
    expect(await processIngestion(deps, ingestion.id)).toBe('processed');
    const reports = await repos.reports.byIngestion(ingestion.id);
    log = [];
    return { ingestion, reports };
  };
  /** The card a full re-read draws now (what the click path drew before issue 19), for comparison. */
  const reread = async (ingestionId: string, written = {}) =>
    renderSummary({ repos, trust, now: () => NOW }, (await repos.ingestions.findById(ingestionId))!, written);
  const approve = (user: string, name: string, value: string) => chat.action({ user, name, kind: 'approve', value });

  it('an Approve on a one-report upload reads back nothing it wrote', async () => {
    const { ingestion, reports } = await share('one', 'acct=NR1 date=2026-11-27');
    const out = await approve('console:jane', 'Jane Doe', reports[0]!.id);
    expect(cardToText(out.summary!)).toMatch(/Approved by @Jane Doe at/);
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    expect(chatLog.messages.get(ingestion.replyRef!)?.card).toEqual(out.summary);
    expect(log).toEqual([
      // Inside the decision's transaction, before it writes: the report, its upload (once), and the
      // upload's card as it stands — its reports, conflicts, approvals so far, each report's last
      // approved predecessor and the call of the report being decided (a replaced report keeps one).
      'reports.findById',
      'ingestions.findById',
      'reports.byIngestion',
      'conflicts.byIngestion',
      'approvals.byReports',
      'reports.lastApprovedBefore',
      'calls.byReport',
      // The writes.
      'reports.decide',
      'audit.append',
      // What the approval does elsewhere: the account's earlier outstanding calls (met by this report?)
      // and its later pending reports (is this now their predecessor?). Nobody here wrote either.
      'calls.outstandingFor',
      'reports.pendingAfter',
      // Nothing after the commit: the card needs no read, the clicker's name came with the click.
    ]);
  });

  it('two approvals of a call: the approvals so far and the call opened are shown as written', async () => {
    const { ingestion, reports } = await share('dual', 'acct=NR2 date=2026-11-27 call');
    const id = reports[0]!.id;
    const first = await approve('console:jane', 'Jane Doe', id);
    expect(cardToText(first.summary!)).toMatch(/1 of 2 approvals \(@Jane Doe\)/);
    expect(JSON.stringify(first.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterAdd = log.slice(log.indexOf('approvals.add') + 1);
    // The one approvals read after add(): add() locks the report, and an approval another approver
    // committed while this one waited for the lock must count. It also returns this one.
    expect(afterAdd).toEqual(['approvals.byReports', 'audit.append']);

    log = [];
    const second = await approve('console:omar', 'Omar Haddad', id);
    const text = cardToText(second.summary!);
    expect(text).toMatch(/Approved by @Omar Haddad at/);
    expect(text).toMatch(/Margin call/i);
    expect(JSON.stringify(second.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterDecide = log.slice(log.indexOf('reports.decide') + 1);
    expect(afterDecide.filter((m) => !/\.(append|open|addEvent|add|decide)$/.test(m))).toEqual([
      'calls.outstandingFor',
      'reports.pendingAfter',
    ]);
    expect(log.filter((m) => m === 'ingestions.findById')).toHaveLength(1);
    expect(log).not.toContain('people.names');
  });

  it('an approval that becomes a later report’s predecessor on the same card shows it without a re-read', async () => {
    const earlier = await share('prior', 'acct=NR3 date=2026-11-20 eq=1000000');
    await approve('console:jane', 'Jane Doe', earlier.reports[0]!.id);
    const { ingestion, reports } = await share(
      'two',
      'acct=NR3 date=2026-11-23 eq=2000000;acct=NR3 date=2026-11-26 eq=450000',
    );
    const [mid, last] = [...reports].sort((a, b) => a.reportDate.localeCompare(b.reportDate));
    const out = await approve('console:jane', 'Jane Doe', mid!.id);
    // The later report's predecessor is now the one just approved, and its stored flags changed.
    expect(cardToText(out.summary!)).toContain('Equity fell 77.5% since 2026-11-23');
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterDecide = log.slice(log.indexOf('reports.decide') + 1);
    // Re-flagging the later report asks whether another approved report lies between the two; that
    // lookup answers with the report just approved. The card itself reads nothing.
    expect(afterDecide.filter((m) => !/\.(append|updateData|decide)$/.test(m))).toEqual([
      'calls.outstandingFor',
      'reports.pendingAfter',
      'reports.lastApprovedBefore',
    ]);
    expect(log).not.toContain('people.names');
    expect(log.filter((m) => m === 'reports.byIngestion')).toHaveLength(1);
    expect(last).toBeDefined();
  });

  it('an edit shows the edited report and the approvals it took back without reading them', async () => {
    const { ingestion, reports } = await share('edit', 'acct=NR4 date=2026-11-27 call');
    const id = reports[0]!.id;
    await approve('console:jane', 'Jane Doe', id);
    log = [];
    const edited = await chat.submitEdit({
      user: 'console:omar',
      name: 'Omar Haddad',
      reportId: id,
      values: {
        account_number: 'NR4',
        report_date: '2026-11-27',
        currency: 'USD',
        total_equity: '320000',
        maintenance_requirement: '400000',
        excess_liquidity: '-80000',
        margin_call: '80000',
      },
      reason: 'reprinted',
    });
    expect(edited.ok).toBe(true);
    const card = edited.ok ? edited.outcome.summary! : undefined;
    expect(cardToText(card!)).toMatch(/reset: the figures were edited after it/);
    // The card before issue 19: everything re-read, with the approvals taken back handed in.
    const taken = { approvalsReset: new Map([[id, ['console:jane']]]) };
    expect(JSON.stringify(card)).toBe(JSON.stringify(await reread(ingestion.id, taken)));
    const afterWrite = log.slice(log.indexOf('reports.updateData') + 1);
    // The one read after the edit wrote: the name of Jane, whose approval it took back (the editor's
    // came with the submission). events.claim is the call alert's claim, a write.
    expect(afterWrite.filter((m) => !/\.(append|clear|claim)$/.test(m))).toEqual(['people.names']);
  });
});
