import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { createDigests } from '../../src/core/digest/digest.usecases.ts';
import { type ScheduleDeps, startSchedules } from '../../src/jobs/schedules/schedules.ts';
import { type Db, openPostgres } from '../../src/store/db.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createOpsRepository } from '../../src/store/repositories/ops.repository.ts';
import { createScoreboardRepository } from '../../src/store/repositories/scoreboard.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { recordingGateway } from '../support/fakes.ts';
import { callsWorld, fakeClock } from './calls.harness.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const health = {
  check: async () => ({ status: 'ok' as const, checks: {}, version: 't', uptime_s: 42, platforms: [] }),
};

describe.each(DATABASES)('calls and the scoreboard in the digests on %s', (_name, fresh) => {
  let t: TestDb;
  let db2: Db;
  const clock = fakeClock('2026-11-27T15:00:00Z');
  let w: Awaited<ReturnType<typeof callsWorld>>;
  const room = recordingGateway();

  const digestsOn = (db: Db) =>
    createDigests({
      analytics: createAnalyticsRepository(db),
      repos: createRepositories(db),
      health,
      queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
      gateways: { console: room.gateway },
      renderChart: async () => new Uint8Array([1]),
      // A DIGEST_CHANNELS room is a risk channel: its digest holds calls from every conversation (issue 18).
      channels: ['console:digest-room'],
      tz: 'UTC',
      logger: silent,
      now: clock.now,
      calls: createRepositories(db).calls,
      claims: createRepositories(db).events,
      scoreboard: { scoreboard: createScoreboardRepository(db), minutesSavedPerReport: 10 },
      ops: createOpsRepository(db),
    });

  beforeAll(async () => {
    t = await fresh();
    db2 = t.url ? await openPostgres(t.url, { max: 3 }) : t.db;
    w = await callsWorld(t, clock);
    await w.repos.subscriptions.subscribe('console', 'digest-room', 'digest', 'console:boss');
    // The health watcher's record: up since the 20th, down for one hour on the 29th.
    await t.db.query(
      `insert into analytics.health_history (name, status, at) values
         ('service', 'ok', '2026-11-20T00:00:00Z'), ('service', 'down', '2026-11-29T00:00:00Z'),
         ('service', 'ok', '2026-11-29T01:00:00Z')`,
    );
  });
  afterAll(async () => {
    if (db2 !== t.db) await db2.close();
    await t?.drop();
  });

  it('posts a call due today once, in the morning digest of one of two replicas, and not in a later one', async () => {
    const monday = await w.share({ acct: 'DG1', date: '2026-11-27', call: 9_000, excess: -9_000, due: '2026-11-30' });
    const tuesday = await w.share({ acct: 'DG2', date: '2026-11-27', call: 4_000, excess: -4_000, due: '2026-12-01' });
    await w.approve(monday.report.id);
    await w.approve(tuesday.report.id);
    const first = (await w.repos.calls.byReport(monday.report.id))!;
    const second = (await w.repos.calls.byReport(tuesday.report.id))!;

    clock.set('2026-11-30T07:00:00Z');
    const replica = (name: string, db: Db): ScheduleDeps => ({
      replica: name,
      digest: { cron: '0 7 * * 1-5', tz: 'UTC' },
      digests: digestsOn(db),
      health,
      repos: createRepositories(db),
      queue: { enqueueIngestion: async () => {} },
      gateways: { console: room.gateway },
      logger: silent,
      only: ['dailyDigest'],
    });
    const one = startSchedules(replica('replica-1', t.db));
    const two = startSchedules(replica('replica-2', db2));
    const ran = await Promise.all([one.runNow('dailyDigest'), two.runNow('dailyDigest')]);
    await Promise.all([one.stop(), two.stop()]);
    expect(ran.filter((r) => (r as { outcome?: string }).outcome === 'ok')).toHaveLength(1);

    const posted = () => [...room.messages.values()].filter((m) => m.to.channelId === 'digest-room');
    expect(posted()).toHaveLength(1);
    const morning = cardToText(posted()[0]!.card);
    expect(morning).toContain('Margin calls due today (1)');
    expect(morning).toContain(`#${first.number} · DG1 — 9,000.00 USD due 2026-11-30 · /margin call ${first.number}`);
    expect(morning).not.toContain(`#${second.number} · DG2`);

    // A second digest the same day (a second DIGEST_CRON time) does not post the call again.
    clock.set('2026-11-30T13:00:00Z');
    const targets = await digestsOn(t.db).targets('digest');
    await digestsOn(t.db).postDaily(targets, { scope: 'subscribers' });
    expect(posted()).toHaveLength(2);
    const afternoon = cardToText(posted()[1]!.card);
    expect(afternoon).not.toContain('Margin calls due today');
    expect(afternoon).not.toContain('No margin call is due today');

    // The next morning: Tuesday's call, and Monday's no longer (it is overdue: the reminders chase it).
    clock.set('2026-12-01T07:00:00Z');
    await digestsOn(t.db).postDaily(targets, { scope: 'subscribers' });
    const next = cardToText(posted()[2]!.card);
    expect(next).toContain(`#${second.number} · DG2 — 4,000.00 USD due 2026-12-01`);
    expect(next).not.toContain(`#${first.number} · DG1`);
  });

  it("the daily digest's uptime is the service's, from the health watcher, not the process that built it", async () => {
    clock.set('2026-11-30T07:00:00Z');
    const text = (await digestsOn(t.db).buildDaily()).text;
    // 7 days = 168 h covered, 1 h down: 167 / 168.
    expect(text).toContain('Service uptime: 99.40% over 7 days — from 3 recorded health states (health watcher)');
    expect(text).not.toContain('This process up');
    expect(text).not.toMatch(/Uptime: \d+m \d+s/);
  });

  it('the weekly digest carries the scoreboard of the week, uptime included', async () => {
    clock.set('2026-11-30T07:00:00Z');
    const text = (await digestsOn(t.db).buildWeekly()).text;
    expect(text).toContain('Scoreboard (last 7 days)');
    expect(text).toContain('Uptime: 99.40% — from 3 recorded health states over 7d 0h');
    expect(text).toContain('(MINUTES_SAVED_PER_REPORT)');
    expect(text).toContain('Archive check: none has run yet (it runs weekly).');
  });
});
