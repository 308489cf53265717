import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { scoreboardBlocks } from '../../src/core/scoreboard/scoreboard.cards.ts';
import { collectScoreboard, type Scoreboard } from '../../src/core/scoreboard/scoreboard.usecases.ts';
import { renderScoreboardMetrics } from '../../src/observability/scoreboard.metrics.ts';
import { createScoreboardRepository } from '../../src/store/repositories/scoreboard.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { callsWorld, fakeClock, text } from '../calls/calls.harness.ts';
import { seedIngestion, seedReport } from '../digest/fixtures.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';

const H = 3_600_000;
// The 7-day window is [Mon 30 Nov 00:00, Mon 7 Dec 00:00) UTC.
const NOW = '2026-12-07T00:00:00Z';
const at = (iso: string) => new Date(iso);

describe.each(DATABASES)('the scoreboard on %s', (_name, fresh) => {
  let t: TestDb;
  let repos: Repositories;
  let board: Scoreboard;
  const scoreboard = () => createScoreboardRepository(t.db);

  /** What the health watcher does: keep the last state; the trigger keeps every change. */
  const healthState = (status: string, when: string) =>
    t.db.query(
      `insert into analytics.health_state (name, status, changed_at) values ('service', $1, $2)
       on conflict (name) do update set status = excluded.status, changed_at = excluded.changed_at`,
      [status, when],
    );

  beforeAll(async () => {
    t = await fresh();
    repos = createRepositories(t.db);
    // Up before the window, 6 h down on 1 December, 12 h degraded on 3 December.
    await healthState('ok', '2026-11-29T00:00:00Z');
    await healthState('down', '2026-12-01T00:00:00Z');
    await healthState('ok', '2026-12-01T06:00:00Z');
    await healthState('degraded', '2026-12-03T00:00:00Z');
    await healthState('ok', '2026-12-03T12:00:00Z');
    // 20 uploads: 18 processed in 1 s … 18 s, one failed, one dead. One more before the window.
    for (let i = 1; i <= 18; i++) {
      const created = at(`2026-12-02T${String(i).padStart(2, '0')}:00:00Z`);
      await seedIngestion(t.db, repos, {
        status: 'processed',
        createdAt: created,
        processedAt: new Date(created.getTime() + i * 1000),
      });
    }
    await seedIngestion(t.db, repos, { status: 'failed', createdAt: at('2026-12-04T09:00:00Z'), error: 'bad' });
    await seedIngestion(t.db, repos, { status: 'dead', createdAt: at('2026-12-04T10:00:00Z'), error: 'gone' });
    await seedIngestion(t.db, repos, { status: 'processed', createdAt: at('2026-11-20T10:00:00Z') });
    // Three reports in the window (one approved on 2 December), none the week before.
    for (const [acct, day] of [
      ['R1', '2026-12-01'],
      ['R2', '2026-12-02'],
      ['R3', '2026-12-05'],
    ] as const) {
      await seedReport(t.db, repos, {
        account: acct,
        date: day,
        equity: 10,
        requirement: 5,
        excess: 5,
        createdAt: at(`${day}T08:00:00Z`),
        ...(acct === 'R2' ? { status: 'approved' as const, decidedAt: at('2026-12-02T09:00:00Z') } : {}),
      });
    }
    // Commands and card actions: ann twice on 1 Dec and once on 2 Dec, bob once on 1 Dec; one last week.
    const s = scoreboard();
    await s.recordUse({ at: at('2026-12-01T10:00:00Z'), user: 'slack:ANN', feature: 'command.stats' });
    await s.recordUse({ at: at('2026-12-01T11:00:00Z'), user: 'slack:ANN', feature: 'command.stats' });
    await s.recordUse({ at: at('2026-12-01T12:00:00Z'), user: 'slack:BOB', feature: 'command.stats' });
    await s.recordUse({ at: at('2026-12-02T10:00:00Z'), user: 'slack:ANN', feature: 'action.approve' });
    await s.recordUse({ at: at('2026-11-25T10:00:00Z'), user: 'slack:OLD', feature: 'command.help' });
    // Three calls met in the window after 2 h, 4 h and 10 h: the median is 4 h.
    const reports = await repos.reports.recent(3);
    for (const [i, hours] of [2, 4, 10].entries()) {
      const r = reports[i]!;
      const opened = at(`2026-12-0${i + 1}T08:00:00Z`);
      const { call } = await repos.calls.open({
        reportId: r.id,
        account: r.accountNumber,
        currency: 'USD',
        amount: 100,
        dueDate: '2026-12-10',
        dueSource: 'business_days',
        by: 'slack:ANN',
        at: opened,
      });
      await repos.calls.move({
        id: call.id,
        expectedVersion: call.version,
        to: 'met',
        outstanding: 0,
        at: new Date(opened.getTime() + hours * H),
      });
    }
    board = await collectScoreboard({ scoreboard: s, minutesSavedPerReport: 10, now: () => at(NOW) }, 7);
  });
  afterAll(() => t?.drop());

  it('computes uptime from the recorded health states: 6 h down of 168 h, degraded counted as up', () => {
    expect(board.uptime).toEqual({
      okMs: 150 * H,
      degradedMs: 12 * H,
      downMs: 6 * H,
      coveredMs: 168 * H,
      states: 5,
    });
    expect(text({ title: '', tone: 'info', fallbackText: '', blocks: scoreboardBlocks(board) })).toContain(
      'Uptime: 96.43% — from 5 recorded health states over 7d 0h',
    );
  });

  it('computes the error rate and the upload-to-summary percentiles from known durations', () => {
    expect(board.uploads).toEqual({ uploads: 20, failed: 1, dead: 1, timed: 18, p50Ms: 9_500, p95Ms: 17_150 });
    const s = text({ title: '', tone: 'info', fallbackText: '', blocks: scoreboardBlocks(board) });
    expect(s).toContain('Error rate: 10.0% — 2 failed or dead of 20 uploads · no earlier week');
    expect(s).toContain('Response time: p50 10s · p95 17s — upload to summary, 18 processed uploads');
  });

  it('counts daily active users and feature adoption from what people did', () => {
    // 1 Dec: ann, bob. 2 Dec: ann, the uploader, the approver. 4 Dec: the uploader.
    expect(board.users.perDay).toEqual([
      { day: '2026-12-01', users: 2 },
      { day: '2026-12-02', users: 3 },
      { day: '2026-12-04', users: 1 },
    ]);
    expect(board.users.distinct).toBe(4);
    expect(board.features).toEqual([
      { feature: 'command.stats', count: 3, users: 2 },
      { feature: 'action.approve', count: 1, users: 1 },
    ]);
  });

  it('estimates time saved from the reports processed, and says there is no earlier week to compare', () => {
    const s = text({ title: '', tone: 'info', fallbackText: '', blocks: scoreboardBlocks(board) });
    expect(board.reports).toBe(3);
    expect(s).toContain(
      'Time saved (estimate): 30m — 3 reports × 10 min (MINUTES_SAVED_PER_REPORT) · reports no earlier week',
    );
    // Never a change of 0 from 0.
    expect(s).not.toMatch(/[+-]0\.0+ ?%|\(0\.0 ?%\)/);
  });

  it('takes the median call cycle time over calls met in the window', () => {
    expect(board.calls).toEqual({ met: 3, medianMs: 4 * H });
  });

  it('exposes the figures as Prometheus gauges', () => {
    const m = renderScoreboardMetrics(board);
    expect(m).toContain('marginiq_uptime_ratio{window="7d"} 0.9642857142857143');
    expect(m).toContain('marginiq_upload_error_ratio{window="7d"} 0.1');
    expect(m).toContain('marginiq_upload_to_summary_p95_seconds{window="7d"} 17.15');
    expect(m).toContain('marginiq_call_cycle_median_seconds{window="7d"} 14400');
    expect(m).toContain('marginiq_feature_uses{window="7d",feature="command.stats"} 3');
    // No votes: no satisfaction sample rather than a made-up 0.
    expect(m).not.toMatch(/^marginiq_satisfaction_ratio\{/m);
  });
});

describe.each(DATABASES)('👍 / 👎 on a summary on %s', (_name, fresh) => {
  let t: TestDb;
  afterAll(() => t?.drop());

  it('counts a 👍 then a 👎 from the same person once, as 👎; other people vote apart', async () => {
    t = await fresh();
    const clock = fakeClock('2026-12-01T10:00:00Z');
    const w = await callsWorld(t, clock, { usage: createScoreboardRepository(t.db) });
    const { ingestion, message } = await w.share({ acct: 'V1', date: '2026-11-30', excess: 10 });
    const votes = message().card.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(votes.filter((a) => a.kind.startsWith('vote_')).map((a) => [a.kind, a.value])).toEqual([
      ['vote_up', ingestion.id],
      ['vote_down', ingestion.id],
    ]);
    await w.chat.action({ user: 'console:ann', kind: 'vote_up', value: ingestion.id });
    const down = await w.chat.action({ user: 'console:ann', kind: 'vote_down', value: ingestion.id });
    expect(down.notice?.title).toBe('Thanks');
    await w.chat.action({ user: 'console:bob', kind: 'vote_up', value: ingestion.id });
    const s = createScoreboardRepository(t.db);
    const window = { since: at('2026-11-30T00:00:00Z'), until: at('2026-12-02T00:00:00Z') };
    expect(await s.votes(window)).toEqual({ up: 1, down: 1 });
    // Each click is a feature use too.
    expect(await s.featureUse(window)).toEqual([
      { feature: 'action.vote_up', count: 2, users: 2 },
      { feature: 'action.vote_down', count: 1, users: 1 },
    ]);
    clock.advance(60_000);
    const stats = await w.command('console:ann', 'stats 7d');
    expect(text(stats.card)).toContain('Satisfaction: 50% 👍 — 1 👍 · 1 👎 on summary cards');
  });
});
