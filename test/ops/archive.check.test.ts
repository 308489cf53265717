import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/digest/card.text.ts';
import type { Digests } from '../../src/core/digest/digest.usecases.ts';
import { createDigests } from '../../src/core/digest/digest.usecases.ts';
import { type ScheduleDeps, startSchedules } from '../../src/jobs/schedules/schedules.ts';
import { type Db, openPostgres } from '../../src/store/db.ts';
import { sha256 } from '../../src/store/files/local.storage.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createOpsRepository } from '../../src/store/repositories/ops.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { callsWorld, fakeClock, text } from '../calls/calls.harness.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { recordingGateway } from '../support/fakes.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const health = { check: async () => ({ status: 'ok' as const, checks: {}, version: 't', uptime_s: 1, platforms: [] }) };

describe.each(DATABASES)('weekly archive check on %s', (_name, fresh) => {
  let t: TestDb;
  let db2: Db;
  // The archive check records the time it ran; the clock starts now so the weekly digest's window holds it.
  const clock = fakeClock(new Date().toISOString());
  let w: Awaited<ReturnType<typeof callsWorld>>;

  beforeAll(async () => {
    t = await fresh();
    db2 = t.url ? await openPostgres(t.url, { max: 3 }) : t.db;
    w = await callsWorld(t, clock, { ops: createOpsRepository(t.db) });
    await w.repos.subscriptions.subscribe('console', 'alerts-room', 'alerts', 'console:boss');
  });
  afterAll(async () => {
    if (db2 !== t.db) await db2.close();
    await t?.drop();
  });

  it('a deleted and an altered PDF are reported, once, by one of two replicas, and alerted once', async () => {
    const gone = await w.share({ acct: 'AR1', date: '2026-11-26', excess: 5_000 });
    const altered = await w.share({ acct: 'AR2', date: '2026-11-26', excess: 6_000 });
    const intact = await w.share({ acct: 'AR3', date: '2026-11-26', excess: 7_000 });
    const keyOf = async (id: string) => (await w.repos.ingestions.findById(id))!.storageKey!;
    rmSync(path.join(w.storageDir, await keyOf(gone.ingestion.id)));
    writeFileSync(path.join(w.storageDir, await keyOf(altered.ingestion.id)), '%PDF-1.7\nacct=AR2 tampered\n');
    expect(await keyOf(intact.ingestion.id)).toMatch(/\.pdf$/);

    const alerts = recordingGateway();
    const replica = (name: string, on: Db): ScheduleDeps => {
      const repos = createRepositories(on);
      return {
        replica: name,
        digest: { cron: '0 7 * * 1-5', tz: 'UTC' },
        digests: {} as Pick<Digests, 'targets' | 'postDaily' | 'postWeekly'>,
        health,
        repos,
        queue: { enqueueIngestion: async () => {} },
        gateways: { console: alerts.gateway },
        logger: silent,
        only: ['archiveCheck'],
        archive: { ops: createOpsRepository(on), storage: w.deps.storage, hash: sha256, events: repos.events },
      };
    };
    const one = startSchedules(replica('replica-1', t.db));
    const two = startSchedules(replica('replica-2', db2));
    const results = await Promise.all([one.runNow('archiveCheck'), two.runNow('archiveCheck')]);
    await Promise.all([one.stop(), two.stop()]);

    const ran = results.filter((r) => (r as { outcome?: string }).outcome === 'ok');
    expect(ran).toHaveLength(1);
    expect(results.filter((r) => (r as { skipped?: string }).skipped)).toHaveLength(1);
    expect((ran[0] as { detail: unknown }).detail).toMatchObject({ checked: 3, missing: 1, changed: 1, alerted: 1 });

    const checks = await t.db.query<{ checked: number; missing: unknown[]; changed: unknown[] }>(
      'select checked, missing, changed from analytics.archive_checks',
    );
    expect(checks).toHaveLength(1);
    const stored = await createOpsRepository(t.db).lastArchiveCheck();
    expect(stored?.missing).toEqual([
      {
        key: await keyOf(gone.ingestion.id),
        file: 'AR1-2026-11-26.pdf',
        reports: ['AR1 · 2026-11-26'],
        reason: 'not in file storage',
      },
    ]);
    expect(stored?.changed.map((f) => [f.file, f.reports])).toEqual([['AR2-2026-11-26.pdf', ['AR2 · 2026-11-26']]]);
    expect(stored?.changed[0]?.reason).toMatch(/^content hash [0-9a-f]{12}… differs from [0-9a-f]{12}… recorded/);

    const posted = [...alerts.messages.values()];
    expect(posted).toHaveLength(1);
    expect(posted[0]?.to).toEqual({ platform: 'console', channelId: 'alerts-room' });
    const alert = cardToText(posted[0]!.card);
    expect(posted[0]?.card.title).toBe('Archive check failed: 1 missing, 1 changed');
    expect(alert.match(/AR1-2026-11-26\.pdf/g)).toHaveLength(1);
    expect(alert.match(/AR2-2026-11-26\.pdf/g)).toHaveLength(1);
    expect(alert).not.toContain('AR3');
  });

  it('the weekly digest says how many were checked and lists the missing and changed files', async () => {
    const digests = createDigests({
      analytics: createAnalyticsRepository(t.db),
      repos: w.repos,
      health,
      queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
      gateways: {},
      renderChart: async () => new Uint8Array(),
      channels: [],
      tz: 'UTC',
      logger: silent,
      now: clock.now,
      ops: createOpsRepository(t.db),
    });
    const weekly = (await digests.buildWeekly()).text;
    expect(weekly).toMatch(/Archive check: 3 stored PDFs re-read and hash-checked on .*; 1 missing, 1 changed\./);
    expect(weekly).toContain('AR1-2026-11-26.pdf (AR1 · 2026-11-26) — not in file storage');
    expect(weekly).toMatch(/AR2-2026-11-26\.pdf \(AR2 · 2026-11-26\) — content hash/);
  });

  it('/margin health lists the failed check among the recent problems, for admins only', async () => {
    const admin = text((await w.command('console:boss', 'health')).card);
    expect(admin).toContain('Archive check found missing or changed files · AR1-2026-11-26.pdf, AR2-2026-11-26.pdf');
    expect(admin).toContain('1 missing, 1 changed of 3 stored PDFs checked.');
    const analyst = await w.command('console:analyst', 'health');
    expect(analyst.card.title).toBe('Not allowed');
    expect(text(analyst.card)).toContain('Only admins can see service health and the recent problems.');
  });

  it('storage that cannot be reached fails the run instead of listing every file as missing', async () => {
    const { verifyArchive } = await import('../../src/core/ops/archive.check.ts');
    const ops = createOpsRepository(t.db);
    await expect(
      verifyArchive({
        ops,
        storage: {
          ping: async () => {
            throw new Error('Supabase Storage is not reachable.');
          },
          get: w.deps.storage.get,
        },
        hash: sha256,
      }),
    ).rejects.toThrow('Supabase Storage is not reachable.');
    expect((await t.db.query('select id from analytics.archive_checks')).length).toBe(1);
  });
});
