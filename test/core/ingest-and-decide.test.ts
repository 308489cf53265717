import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccess } from '../../src/core/access/roles.ts';
import { textCard } from '../../src/core/cards/card.model.ts';
import { createChatCore } from '../../src/core/chat.core.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { AppError } from '../../src/core/errors.ts';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { collectingQueue, recordingGateway, sampleReport, scriptedExtractor } from '../support/fakes.ts';

const pdf = (tag: string) => new TextEncoder().encode(`%PDF-1.7\n${tag}\n`);

describe.each(DATABASES)('upload, extraction and decisions on %s', (_name, fresh) => {
  let t: TestDb;
  let deps: IngestDeps;
  let chat: ReturnType<typeof createChatCore>;
  let chatLog: ReturnType<typeof recordingGateway>;
  let queue: ReturnType<typeof collectingQueue>;

  beforeAll(async () => {
    t = await fresh();
    const repos = createRepositories(t.db);
    chatLog = recordingGateway();
    queue = collectingQueue();
    const extractor = scriptedExtractor((bytes) => {
      const text = new TextDecoder().decode(bytes);
      if (text.includes('broken'))
        return new AppError('extraction.corrupt_pdf', 'The PDF is damaged and cannot be read.');
      if (text.includes('flaky')) return new Error('socket hang up');
      const account = text.match(/acct=(\w+)/)?.[1] ?? 'U1234567';
      const call = text.includes('call');
      const date = text.match(/date=([\d-]+)/)?.[1];
      const equity = Number(text.match(/eq=(\d+)/)?.[1] ?? Number.NaN);
      return {
        reports: [
          sampleReport({
            account_number: account,
            ...(date ? { report_date: date } : {}),
            fields: Number.isFinite(equity)
              ? {
                  total_equity: equity,
                  maintenance_requirement: 400_000,
                  initial_requirement: 500_000,
                  excess_liquidity: equity - 400_000,
                  margin_call: 0,
                }
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
    deps = {
      repos,
      uow: createUnitOfWork(t.db),
      storage: createLocalStorage(mkdtempSync(path.join(tmpdir(), 'marginiq-core-'))),
      queue,
      extractor,
      gateways: { console: chatLog.gateway },
      fetchers: {},
      limits: { maxFileBytes: 1024 * 1024 },
      logger: { info() {}, warn() {} },
    };
    chat = createChatCore({
      ...deps,
      access: createAccess({ admins: ['console:boss'], roles: repos.roles }),
      runCommand: async () => ({ card: textCard('help', 'usage'), visibility: 'ephemeral' }),
    });
    await repos.roles.set('console:approver', 'approver', 'console:boss');
  });
  afterAll(() => t?.drop());

  const upload = (sourceRef: string, bytes: Uint8Array) =>
    chat.upload({
      platform: 'console',
      sourceRef,
      fileName: `${sourceRef}.pdf`,
      bytes,
      channelId: 'local',
      uploadedBy: 'console:analyst',
    });

  it('answers reading… at once, then turns that one message into the summary', async () => {
    const { ingestion, created } = await upload('f1', pdf('acct=A1'));
    expect(created).toBe(true);
    const reply = chatLog.messages.get(ingestion.replyRef!);
    expect(reply?.card.title).toMatch(/^Reading f1\.pdf/);
    expect(queue.jobs).toContain(ingestion.id);
    expect(await processIngestion(deps, ingestion.id)).toBe('processed');
    expect(reply?.card.title).toBe('f1.pdf: 1 report');
    expect(reply?.updates).toBe(1);
    const stored = await deps.repos.reports.findByAccountDate('A1', '2026-11-27');
    expect(stored?.status).toBe('pending');
    expect(stored?.createdBy).toBe('console:analyst');
  });

  it('makes one ingestion of a retried upload event', async () => {
    const before = chatLog.messages.size;
    const again = await upload('f1', pdf('acct=A1'));
    expect(again.created).toBe(false);
    expect(chatLog.messages.size).toBe(before);
  });

  it('runs a job again without a second report or a second summary', async () => {
    const { ingestion } = await upload('f2', pdf('acct=A2'));
    await processIngestion(deps, ingestion.id);
    const messagesBefore = chatLog.messages.size;
    await processIngestion(deps, ingestion.id);
    expect(chatLog.messages.size).toBe(messagesBefore);
    expect(await deps.repos.reports.byIngestion(ingestion.id)).toHaveLength(1);
  });

  it('answers an unreadable PDF with a plain sentence and does not retry it', async () => {
    const { ingestion } = await upload('bad', pdf('broken'));
    expect(await processIngestion(deps, ingestion.id)).toBe('failed');
    const card = chatLog.messages.get(ingestion.replyRef!)!.card;
    expect(card.title).toBe('Could not read bad.pdf');
    expect(JSON.stringify(card)).toContain('The PDF is damaged');
    expect((await deps.repos.ingestions.findById(ingestion.id))?.status).toBe('failed');
  });

  it('throws a transient failure back to the queue so it is retried', async () => {
    const { ingestion } = await upload('flaky', pdf('flaky'));
    await expect(processIngestion(deps, ingestion.id)).rejects.toThrow('socket hang up');
    expect((await deps.repos.ingestions.findById(ingestion.id))?.status).toBe('queued');
  });

  it('points an identical file to the first result instead of processing it again', async () => {
    const { ingestion } = await upload('copy-of-f1', pdf('acct=A1'));
    expect(await processIngestion(deps, ingestion.id)).toBe('duplicate');
    expect(chatLog.messages.get(ingestion.replyRef!)?.card.title).toMatch(/already processed/);
  });

  it('does not overwrite a report for the same account and date: it offers Replace / Keep', async () => {
    const { ingestion } = await upload('f1-v2', pdf('acct=A1 revised'));
    await processIngestion(deps, ingestion.id);
    const card = chatLog.messages.get(ingestion.replyRef!)!.card;
    expect(JSON.stringify(card)).toContain('already has a report');
    const [conflict] = await deps.repos.conflicts.byIngestion(ingestion.id);
    expect(conflict?.status).toBe('open');
    const refused = await chat.action({ user: 'console:analyst', kind: 'replace', value: conflict!.id });
    expect(refused.notice?.title).toBe('Not allowed');
    const done = await chat.action({ user: 'console:approver', kind: 'replace', value: conflict!.id });
    expect(
      done.summary?.blocks.some((b) => b.type === 'text' && b.text.startsWith('Replaced the existing report')),
    ).toBe(true);
    const report = await deps.repos.reports.findByAccountDate('A1', '2026-11-27');
    expect(report?.ingestionId).toBe(ingestion.id);
  });

  it('lets an approver approve once, records who and when, and refuses an analyst', async () => {
    const { ingestion } = await upload('f3', pdf('acct=A3'));
    await processIngestion(deps, ingestion.id);
    const [report] = await deps.repos.reports.byIngestion(ingestion.id);
    const refused = await chat.action({ user: 'console:analyst', kind: 'approve', value: report!.id });
    expect(refused.notice?.title).toBe('Not allowed');
    expect((await deps.repos.reports.findById(report!.id))?.status).toBe('pending');

    const [first, second] = await Promise.all([
      chat.action({ user: 'console:approver', kind: 'approve', value: report!.id }),
      chat.action({ user: 'console:boss', kind: 'approve', value: report!.id }),
    ]);
    const notices = [first, second].filter((o) => o.notice?.title === 'Already decided');
    expect(notices).toHaveLength(1);
    const stored = await deps.repos.reports.findById(report!.id);
    expect(stored?.status).toBe('approved');
    expect(stored?.decidedAt).toBeTruthy();
    const audit = await deps.repos.audit.forEntity('margin_report', report!.id);
    expect(audit.filter((e) => e.action === 'report.approved')).toHaveLength(1);
    const card = first.summary ?? second.summary;
    expect(cardToText(card!)).toMatch(/Approved by @(approver|boss) at/);
    // No decision buttons left; only the 👍 / 👎 pair every summary has.
    const kinds = card?.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.kind) : []));
    expect(kinds).toEqual(['vote_up', 'vote_down']);
  });

  it('stores a change-since flag as a review reason, compared with the true predecessor', async () => {
    const share = async (ref: string, tag: string) => {
      const { ingestion } = await upload(ref, pdf(tag));
      expect(await processIngestion(deps, ingestion.id)).toBe('processed');
      const [report] = await deps.repos.reports.byIngestion(ingestion.id);
      return { report: report!, card: chatLog.messages.get(ingestion.replyRef!)!.card };
    };
    const first = await share('chg-1', 'acct=CHG1 date=2026-11-20 eq=1000000');
    expect(first.report.needsReview).toBe(false);
    await chat.action({ user: 'console:approver', kind: 'approve', value: first.report.id });
    // A later approved report does not become the predecessor of an earlier-dated one.
    const later = await share('chg-2', 'acct=CHG1 date=2026-11-26 eq=450000');
    const sentence = 'Equity fell 55.0% since 2026-11-20 (flag at 30%).';
    expect(later.report.needsReview).toBe(true);
    expect(later.report.extracted.issues).toContainEqual({
      code: 'change_since_flag',
      severity: 'warning',
      message: sentence,
    });
    // Shown once: in the card's Δ block, not again among the stored issues.
    expect(JSON.stringify(later.card).split(sentence)).toHaveLength(2);
    // An edit runs the same check: still a fall over 30 % keeps the reason, a corrected figure clears it.
    const edit = async (equity: string) => {
      const res = await chat.submitEdit({
        user: 'console:approver',
        reportId: later.report.id,
        values: {
          account_number: 'CHG1',
          report_date: '2026-11-26',
          currency: 'USD',
          total_equity: equity,
          maintenance_requirement: '400000',
          initial_requirement: '500000',
          excess_liquidity: String(Number(equity) - 400_000),
          margin_call: '0',
        },
        reason: 'checked',
      });
      expect(res.ok).toBe(true);
      return (await deps.repos.reports.findById(later.report.id))!;
    };
    const still = await edit('460000');
    expect(still.needsReview).toBe(true);
    expect(still.extracted.issues.map((i) => i.message)).toEqual(['Equity fell 54.0% since 2026-11-20 (flag at 30%).']);
    const cleared = await edit('950000');
    expect(cleared.needsReview).toBe(false);
    expect(cleared.extracted.issues).toEqual([]);
    await chat.action({ user: 'console:approver', kind: 'approve', value: later.report.id });
    const between = await share('chg-3', 'acct=CHG1 date=2026-11-23 eq=900000');
    expect(between.report.needsReview).toBe(false);
    expect(between.report.extracted.issues).toEqual([]);
  });

  it('computes a later report’s stored change flags again when an earlier-dated one is approved after it', async () => {
    const share = async (ref: string, tag: string) => {
      const { ingestion } = await upload(ref, pdf(tag));
      expect(await processIngestion(deps, ingestion.id)).toBe('processed');
      const [report] = await deps.repos.reports.byIngestion(ingestion.id);
      return { report: report!, card: () => chatLog.messages.get(ingestion.replyRef!)!.card };
    };
    const stored = async (id: string) => (await deps.repos.reports.findById(id))!;
    const first = await share('rf-1', 'acct=RF1 date=2026-11-20 eq=1000000');
    await chat.action({ user: 'console:approver', kind: 'approve', value: first.report.id });
    const last = await share('rf-3', 'acct=RF1 date=2026-11-26 eq=450000');
    expect(last.report.extracted.issues.map((i) => i.message)).toEqual([
      'Equity fell 55.0% since 2026-11-20 (flag at 30%).',
    ]);
    // An earlier-dated report arrives and is approved: it is now the later one's true predecessor.
    const high = await share('rf-2a', 'acct=RF1 date=2026-11-23 eq=2000000');
    await chat.action({ user: 'console:approver', kind: 'approve', value: high.report.id });
    const against = await stored(last.report.id);
    expect(against.needsReview).toBe(true);
    expect(against.extracted.issues.map((i) => i.message)).toEqual([
      'Equity fell 77.5% since 2026-11-23 (flag at 30%).',
    ]);
    // Its summary says so too, and the audit trail records why the flags changed.
    expect(cardToText(last.card())).toContain('Equity fell 77.5% since 2026-11-23');
    const audit = await deps.repos.audit.forEntity('margin_report', last.report.id);
    expect(audit.find((e) => e.action === 'report.change_flags_recomputed')?.context).toEqual({
      predecessor_id: high.report.id,
      predecessor_date: '2026-11-23',
    });
    // Another, closer predecessor with equity near it: the flag and the review reason go.
    const close = await share('rf-2b', 'acct=RF1 date=2026-11-24 eq=470000');
    await chat.action({ user: 'console:approver', kind: 'approve', value: close.report.id });
    const cleared = await stored(last.report.id);
    expect(cleared.extracted.issues).toEqual([]);
    expect(cleared.needsReview).toBe(false);
    expect(cardToText(last.card())).not.toContain('Equity fell');
  });

  it('looks each predecessor up once: ingest and edit hand theirs to the card', async () => {
    const share = async (ref: string, tag: string) => {
      const { ingestion } = await upload(ref, pdf(tag));
      expect(await processIngestion(deps, ingestion.id)).toBe('processed');
      const [report] = await deps.repos.reports.byIngestion(ingestion.id);
      return { report: report!, card: () => chatLog.messages.get(ingestion.replyRef!)!.card };
    };
    const first = await share('once-1', 'acct=ONCE1 date=2026-11-20 eq=1000000');
    await chat.action({ user: 'console:approver', kind: 'approve', value: first.report.id });
    // Outside the writers' transactions (where the card is built), nobody looks the predecessor up again.
    const lookups = vi.spyOn(deps.repos.reports, 'lastApprovedBefore');
    try {
      const next = await share('once-2', 'acct=ONCE1 date=2026-11-26 eq=900000');
      expect(cardToText(next.card())).toContain('Δ since 2026-11-20 (last approved): Equity -100,000.00 USD (-10.0%)');
      const edited = await chat.submitEdit({
        user: 'console:approver',
        reportId: next.report.id,
        values: {
          account_number: 'ONCE1',
          report_date: '2026-11-26',
          currency: 'USD',
          total_equity: '800000',
          maintenance_requirement: '400000',
          excess_liquidity: '400000',
        },
        reason: 'reprinted',
      });
      expect(edited.ok).toBe(true);
      expect(cardToText(next.card())).toContain('Δ since 2026-11-20 (last approved): Equity -200,000.00 USD (-20.0%)');
      expect(lookups).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
  });

  it('says who decided by the name their platform gave, and shows a new name after a rename', async () => {
    const { ingestion } = await upload('f3-names', pdf('acct=A3N'));
    await processIngestion(deps, ingestion.id);
    const [a] = await deps.repos.reports.byIngestion(ingestion.id);
    await chat.rememberName('teams:aad-dana', 'Dana   Reyes ');
    await chat.rememberName('teams:aad-dana', 'Dana Reyes'); // unchanged: nothing written
    await deps.repos.roles.set('teams:aad-dana', 'approver', 'test');
    const named = await chat.action({ user: 'teams:aad-dana', kind: 'approve', value: a!.id });
    expect(cardToText(named.summary!)).toContain('Approved by @Dana Reyes at');
    // A real mention: the decider is a person of the status line, not text.
    expect(named.summary?.blocks).toContainEqual(
      expect.objectContaining({
        text: expect.stringMatching(/^Approved by \{0\} at /),
        people: [{ id: 'teams:aad-dana', name: 'Dana Reyes' }],
      }),
    );
    expect(await deps.repos.people.names(['teams:aad-dana', 'teams:nobody'])).toEqual(
      new Map([['teams:aad-dana', 'Dana Reyes']]),
    );
    // A renamed person shows under the new name.
    await chat.rememberName('teams:aad-dana', 'Dana Reyes-Ito');
    const now = await chat.findIngestion(ingestion.id);
    expect(cardToText(await chat.render(now!))).toContain('Approved by @Dana Reyes-Ito at');
  });

  it('edits with validation, keeps before and after in the audit trail, and re-checks the figures', async () => {
    const { ingestion } = await upload('f4', pdf('acct=A4'));
    await processIngestion(deps, ingestion.id);
    const [report] = await deps.repos.reports.byIngestion(ingestion.id);
    const opened = await chat.action({ user: 'console:approver', kind: 'edit', value: report!.id });
    expect(opened.form?.inputs.find((i) => i.name === 'total_equity')?.value).toBe('1000000');
    const bad = await chat.submitEdit({
      user: 'console:approver',
      reportId: report!.id,
      values: { account_number: 'A4', report_date: '2026-02-30', currency: 'USD', total_equity: 'lots' },
      reason: 'typo',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['report_date', 'total_equity']);
    const good = await chat.submitEdit({
      user: 'console:approver',
      reportId: report!.id,
      values: {
        account_number: 'A4',
        report_date: '2026-11-27',
        currency: 'usd',
        total_equity: '1,100,000',
        maintenance_requirement: '400000',
        excess_liquidity: '700000',
      },
      reason: 'statement reprinted',
    });
    expect(good.ok).toBe(true);
    const stored = await deps.repos.reports.findById(report!.id);
    expect(stored?.extracted.fields.total_equity).toBe(1_100_000);
    const audit = await deps.repos.audit.forEntity('margin_report', report!.id);
    const edit = audit.find((e) => e.action === 'report.edited');
    expect(edit?.reason).toBe('statement reprinted');
    expect((edit!.before as { fields: { total_equity: number } }).fields.total_equity).toBe(1_000_000);
    expect((edit!.after as { fields: { total_equity: number } }).fields.total_equity).toBe(1_100_000);
  });

  it('posts a margin call alert once, even when the job runs twice', async () => {
    const { ingestion } = await upload('call', pdf('acct=A5 call'));
    await processIngestion(deps, ingestion.id);
    await processIngestion(deps, ingestion.id);
    const alerts = [...chatLog.messages.values()].filter((m) => m.card.title.startsWith('Margin call: account A5'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.card.tone).toBe('danger');
  });
});
