import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digests } from '../../src/core/digest/digest.usecases.ts';
import type { HealthReport, HealthSource, HealthStatus } from '../../src/core/ports/health.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { runHealthWatch } from '../../src/jobs/schedules/health.watch.ts';
import { sweepStranded } from '../../src/jobs/schedules/ingestion.sweeper.ts';
import { createRunCoordinator } from '../../src/jobs/schedules/run.coordinator.ts';
import { SCHEDULES } from '../../src/jobs/schedules/schedule.names.ts';
import { type ScheduleDeps, startSchedules } from '../../src/jobs/schedules/schedules.ts';
import { type Db, openPostgres } from '../../src/store/db.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { recordingGateway, seedIngestion, silentLogger } from '../digest/fixtures.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../digest/test-db.ts';

interface RunRow {
  name: string;
  fire_time: Date | string;
  replica: string;
  outcome: string;
  duration_ms: number | null;
  detail: unknown;
}

const healthOf = (status: HealthStatus): HealthReport => ({
  status,
  checks: { database: { status, ...(status === 'ok' ? {} : { detail: 'slow answers' }) } },
  version: 'test',
  uptime_s: 1,
  platforms: [],
});

describe.each(DB_KINDS)('schedules on %s', (kind) => {
  let t: TestDb;
  let db: Db;
  /** A second connection for the second replica (PGlite is one session, so both share it). */
  let db2: Db;
  let repos: Repositories;

  beforeAll(async () => {
    t = await openTestDb(kind, 'schedules');
    db = t.db;
    db2 = t.url ? await openPostgres(t.url, { max: 3 }) : db;
    repos = createRepositories(db);
  }, 120_000);
  afterAll(async () => {
    if (db2 !== db) await db2.close();
    await t?.close();
  });

  const runs = (name: string) =>
    db.query<RunRow>(
      'select name, fire_time, replica, outcome, duration_ms, detail from analytics.schedule_runs where name = $1 order by fire_time',
      [name],
    );

  it('elects exactly one replica per fire time, truncated to the minute', async () => {
    const a = createRunCoordinator({ runs: repos.scheduleRuns, replica: 'a' });
    const b = createRunCoordinator({ runs: createRepositories(db2).scheduleRuns, replica: 'b' });
    expect(a.fireTimeOf(new Date('2030-01-01T07:00:42.123Z')).toISOString()).toBe('2030-01-01T07:00:00.000Z');
    const key = 'test.elect:2030-01-01T07:00:00.000Z';
    const votes = await Promise.all([
      a.shouldRun(key, 30_000),
      b.shouldRun(key, 30_000),
      a.shouldRun(key, 30_000),
      b.shouldRun(key, 30_000),
    ]);
    expect(votes.filter(Boolean)).toHaveLength(1);
    // A late tick within the same minute is the same fire.
    expect(await b.shouldRun('test.elect:2030-01-01T07:00:01.000Z', 30_000)).toBe(false);
    expect(await b.shouldRun('test.elect:2030-01-01T07:01:00.000Z', 30_000)).toBe(true);
    const rows = await runs('test.elect');
    expect(rows.map((r) => new Date(r.fire_time).toISOString())).toEqual([
      '2030-01-01T07:00:00.000Z',
      '2030-01-01T07:01:00.000Z',
    ]);
    expect(rows[1]?.replica).toBe('b');
    await expect(Promise.resolve(a.shouldRun('no key here', 1))).rejects.toThrow(/unrecognised/);
  });

  it('records a seconds cron’s fires per second, and the replica that loses a fire says so', async () => {
    const lost: object[] = [];
    const bySeconds = (name: string) => (name === 'test.seconds' ? 1_000 : 60_000);
    const a = createRunCoordinator({ runs: repos.scheduleRuns, replica: 'a', resolutionOf: bySeconds });
    const b = createRunCoordinator({
      runs: createRepositories(db2).scheduleRuns,
      replica: 'b',
      resolutionOf: bySeconds,
      logger: { debug: (o) => lost.push(o) },
    });
    const slot = new Date('2030-01-02T07:00:42.123Z');
    expect(a.fireTimeOf(slot, 'test.seconds').toISOString()).toBe('2030-01-02T07:00:42.000Z');
    expect(a.fireTimeOf(slot, 'test.minutes').toISOString()).toBe('2030-01-02T07:00:00.000Z');
    expect(await a.shouldRun('test.seconds:2030-01-02T07:00:42.000Z', 30_000)).toBe(true);
    expect(await b.shouldRun('test.seconds:2030-01-02T07:00:42.000Z', 30_000)).toBe(false);
    // The next second is a fire of its own; a minute schedule's later tick is not.
    expect(await b.shouldRun('test.seconds:2030-01-02T07:00:43.000Z', 30_000)).toBe(true);
    expect(await a.shouldRun('test.minutes:2030-01-02T07:00:00.000Z', 30_000)).toBe(true);
    expect(await b.shouldRun('test.minutes:2030-01-02T07:00:05.000Z', 30_000)).toBe(false);
    expect(lost).toEqual([
      { schedule: 'test.seconds', fireTime: '2030-01-02T07:00:42.000Z', replica: 'b' },
      { schedule: 'test.minutes', fireTime: '2030-01-02T07:00:00.000Z', replica: 'b' },
    ]);
  });

  it('prunes the record of fires older than the days it keeps, and nothing newer', async () => {
    const c = createRunCoordinator({ runs: repos.scheduleRuns, replica: 'a' });
    await c.claim('test.prune', new Date('1990-01-01T00:00:00Z'));
    await c.claim('test.prune', new Date('1990-01-20T00:00:00Z'));
    await c.claim('test.prune', new Date('1990-02-05T00:00:00Z'));
    expect(await c.prune(30, new Date('1990-02-10T00:00:00Z'))).toBe(1);
    expect((await runs('test.prune')).map((r) => new Date(r.fire_time).toISOString())).toEqual([
      '1990-01-20T00:00:00.000Z',
      '1990-02-05T00:00:00.000Z',
    ]);
    expect(await c.prune(30, new Date('1990-02-10T00:00:00Z'))).toBe(0);
  });

  it('two schedulers on one database run each fire once and record replica, outcome and duration', async () => {
    const calls: string[] = [];
    // Waits for the third digest (an event), not for a wall-clock time: a loaded machine only makes it later.
    let thirdFire!: () => void;
    const threeFires = new Promise<void>((resolve) => {
      thirdFire = resolve;
    });
    const digests = (replica: string) =>
      ({
        targets: async () => [{ platform: 'slack' as const, channelId: 'C0DIGEST' }],
        postDaily: async () => {
          calls.push(replica);
          if (calls.length === 3) thirdFire();
          return { delivery: { posted: [{ platform: 'slack', channelId: 'C0DIGEST' }], failed: [], skipped: [] } };
        },
        postWeekly: async () => ({ delivery: { posted: [], failed: [], skipped: [] } }),
      }) as unknown as Pick<Digests, 'targets' | 'postDaily' | 'postWeekly'>;
    const base = (replica: string, on: Db): ScheduleDeps => ({
      replica,
      digest: { cron: '* * * * * *', tz: 'UTC' },
      digests: digests(replica),
      health: { check: async () => healthOf('ok') },
      repos: createRepositories(on),
      queue: { enqueueIngestion: async () => {} },
      gateways: {},
      logger: silentLogger,
      // Every second, recorded per second: the minute-long production fire compressed for the test.
      resolutionMs: 1_000,
      only: ['dailyDigest'],
    });
    const one = startSchedules(base('replica-1', db));
    const two = startSchedules(base('replica-2', db2));
    await threeFires;
    await Promise.all([one.stop(), two.stop()]);
    const rows = await runs(SCHEDULES.dailyDigest);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // One digest per recorded fire, whichever replica won it; each fire time recorded once.
    expect(calls).toHaveLength(rows.length);
    const fireTimes = rows.map((r) => new Date(r.fire_time).toISOString());
    expect(new Set(fireTimes).size).toBe(rows.length);
    for (const r of rows) {
      expect(['replica-1', 'replica-2']).toContain(r.replica);
      expect(r.outcome).toBe('ok');
      expect(r.duration_ms).not.toBeNull();
      expect(r.detail).toEqual({ targets: 1, posted: 1, failed: 0, skipped: 0 });
    }
  });

  it('records a failed run, and a manual run claims the current minute once', async () => {
    const deps: ScheduleDeps = {
      replica: 'manual',
      digest: { cron: '0 7 * * 1-5', tz: 'UTC' },
      digests: {
        targets: async () => [{ platform: 'slack' as const, channelId: 'C0X' }],
        postDaily: async () => {
          throw new Error('chat API down');
        },
        postWeekly: async () => ({ delivery: { posted: [], failed: [], skipped: [] } }),
      } as unknown as Pick<Digests, 'targets' | 'postDaily' | 'postWeekly'>,
      health: { check: async () => healthOf('ok') },
      repos,
      queue: { enqueueIngestion: async () => {} },
      gateways: {},
      logger: silentLogger,
      only: ['weeklyDigest'],
    };
    const s = startSchedules(deps);
    await db.query('delete from analytics.schedule_runs where name = $1', [SCHEDULES.dailyDigest]);
    const first = await s.runNow('dailyDigest');
    const second = await s.runNow('dailyDigest');
    await s.stop();
    expect(first).toEqual({ outcome: 'failed', detail: { error: 'chat API down' } });
    expect(second).toEqual({ skipped: 'another replica ran this fire' });
    const rows = await runs(SCHEDULES.dailyDigest);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe('failed');
    expect(rows[0]?.replica).toBe('manual');
    expect(new Date(rows[0]!.fire_time).getUTCSeconds()).toBe(0);
  });

  it('the health watcher alerts subscribed channels on a change of state only', async () => {
    let status: HealthStatus = 'ok';
    const health: HealthSource = { check: async () => healthOf(status) };
    const slack = recordingGateway('slack');
    await repos.subscriptions.subscribe('slack', 'C0ALERTS', 'alerts', 'slack:UADMIN');
    await repos.subscriptions.subscribe('slack', 'C0DIGESTONLY', 'digest', 'slack:UADMIN');
    const tick = () =>
      runHealthWatch({
        healthStates: repos.healthStates,
        health,
        subscriptions: repos.subscriptions,
        gateways: { slack: slack.gateway },
        logger: silentLogger,
      });
    const titles = () => slack.posts.map((p) => p.card.title);

    await tick(); // the first state, healthy: nothing to say
    await tick();
    expect(titles()).toEqual([]);
    status = 'degraded';
    await Promise.all([tick(), tick()]); // two replicas noticing the same change alert once
    await tick();
    expect(titles()).toEqual(['MarginIQ is degraded']);
    status = 'down';
    await tick();
    status = 'ok';
    await tick();
    await tick();
    expect(titles()).toEqual(['MarginIQ is degraded', 'MarginIQ is down', 'MarginIQ has recovered']);
    expect(new Set(slack.posts.map((p) => p.to.channelId))).toEqual(new Set(['C0ALERTS']));
    expect(
      slack.posts[0]?.card.blocks.some(
        (b) => b.type === 'list' && b.items.some((i) => i.includes('database: degraded — slow answers')),
      ),
    ).toBe(true);
    expect(slack.posts[2]?.card.fallbackText).toMatch(/It was down since/);
    expect(await repos.healthStates.current('service')).toBe('ok');
  });

  it('the sweeper re-enqueues uploads stranded before the queue, once', async () => {
    const stranded = await seedIngestion(db, repos, {
      status: 'received',
      createdAt: new Date(Date.now() - 5 * 60_000),
    });
    const fresh = await seedIngestion(db, repos, { status: 'received', createdAt: new Date() });
    const enqueued: string[] = [];
    const queue = { enqueueIngestion: async (id: string) => void enqueued.push(id) };
    expect(await sweepStranded({ ingestions: repos.ingestions, queue, logger: silentLogger })).toEqual({
      found: 1,
      requeued: 1,
    });
    expect(enqueued).toEqual([stranded.id]);
    expect((await repos.ingestions.findById(stranded.id))?.status).toBe('queued');
    expect((await repos.ingestions.findById(fresh.id))?.status).toBe('received');
    expect(await sweepStranded({ ingestions: repos.ingestions, queue, logger: silentLogger })).toEqual({
      found: 0,
      requeued: 0,
    });
  });
});
