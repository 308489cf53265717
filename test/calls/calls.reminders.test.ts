import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCallReminders } from '../../src/jobs/schedules/call.reminders.ts';
import { openPostgres } from '../../src/store/db.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { recordingGateway } from '../support/fakes.ts';
import { callsWorld, fakeClock } from './calls.harness.ts';

describe.each(DATABASES)('overdue call reminders on %s', (_name, fresh) => {
  let t: TestDb;
  afterAll(() => t?.drop());
  const clock = fakeClock('2026-11-27T15:00:00Z');
  let w: Awaited<ReturnType<typeof callsWorld>>;

  beforeAll(async () => {
    t = await fresh();
    w = await callsWorld(t, clock);
    await w.repos.subscriptions.subscribe('console', 'alerts-room', 'alerts', 'console:boss');
  });

  it('posts an overdue call once a day, on exactly one of two replicas, until it is resolved', async () => {
    const { report } = await w.share({ acct: 'OV1', date: '2026-11-27', call: 9_000, excess: -9_000 });
    await w.approve(report.id);
    const call = (await w.repos.calls.byReport(report.id))!;
    expect(call.dueDate).toBe('2026-11-30');
    // Two replicas: two gateways, two connections to the same database where it has a URL.
    const a = recordingGateway();
    const b = recordingGateway();
    const dbB = t.url ? await openPostgres(t.url) : t.db;
    const replica = (gateway: typeof a.gateway, repos: ReturnType<typeof createRepositories>) => () =>
      runCallReminders({
        calls: repos.calls,
        events: repos.events,
        subscriptions: repos.subscriptions,
        gateways: { console: gateway },
        now: clock.now,
        logger: { warn() {} },
      });
    const runA = replica(a.gateway, createRepositories(t.db));
    const runB = replica(b.gateway, createRepositories(dbB));
    const posts = () => [...a.messages.values(), ...b.messages.values()];

    clock.set('2026-11-30T07:30:00Z'); // due today: not overdue yet
    await Promise.all([runA(), runB()]);
    expect(posts()).toHaveLength(0);

    clock.set('2026-12-01T07:30:00Z');
    await Promise.all([runA(), runB(), runA()]);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.card.title).toBe(`Overdue margin call #${call.number}: account OV1 — 9,000.00 USD`);
    expect(posts()[0]?.to).toEqual({ platform: 'console', channelId: 'alerts-room' });

    clock.set('2026-12-02T07:30:00Z');
    await Promise.all([runA(), runB()]);
    expect(posts()).toHaveLength(2);

    await w.command('console:analyst', `call ${call.number} met`);
    clock.set('2026-12-03T07:30:00Z');
    await Promise.all([runA(), runB()]);
    expect(posts()).toHaveLength(2);
    if (dbB !== t.db) await dbB.close();
  });
});
