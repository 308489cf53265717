import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemLine, recentProblems } from '../../src/core/ops/problems.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { createOpsRepository } from '../../src/store/repositories/ops.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';

const at = (minutesAgo: number) => new Date(Date.parse('2026-12-06T12:00:00Z') - minutesAgo * 60_000).toISOString();

describe.each(DATABASES)('recent problems on %s', (_name, fresh) => {
  let t: TestDb;
  let repos: Repositories;
  beforeAll(async () => {
    t = await fresh();
    repos = createRepositories(t.db);
  });
  afterAll(() => t?.drop());

  async function upload(file: string, status: 'failed' | 'dead' | 'processed', minutesAgo: number, message?: string) {
    const { ingestion } = await repos.ingestions.record({
      platform: 'slack',
      sourceRef: file,
      fileName: file,
      channelId: 'C1',
      uploadedBy: 'slack:U1',
    });
    await repos.ingestions.setStatus(ingestion.id, status, message ? { errorCode: 'x', errorMessage: message } : {});
    await t.db.query('update analytics.ingestions set processed_at = $2 where id = $1', [ingestion.id, at(minutesAgo)]);
  }

  it('lists the last 10 warnings and errors from uploads, schedules and health, newest first, in words', async () => {
    for (let i = 0; i < 9; i++) await upload(`old-${i}.pdf`, 'failed', 100 + i, `Old reason ${i}.`);
    await upload('fine.pdf', 'processed', 1);
    await upload('locked.pdf', 'failed', 40, 'This PDF is encrypted; share an unlocked copy.');
    await upload('lost.pdf', 'dead', 50, 'The file could not be downloaded from Slack after 5 tries.');
    const fire = new Date(at(30));
    await repos.scheduleRuns.claim('marginiq.weekly-digest', fire, 'r1');
    await repos.scheduleRuns.finish('marginiq.weekly-digest', fire, 'r1', {
      outcome: 'failed',
      durationMs: 5,
      detail: { error: 'weekly digest reached none of 2 channels: channel_not_found' },
    });
    await t.db.query('update analytics.schedule_runs set finished_at = $1', [at(30)]);
    await repos.healthStates.record('service', 'degraded', {
      checks: { database: { status: 'ok' }, storage: { status: 'degraded', detail: 'slow answers (2.1 s)' } },
    });
    await repos.healthStates.record('service', 'ok', { checks: {} });
    await t.db.query(`update analytics.health_history set at = $1 where status = 'degraded'`, [at(20)]);
    await t.db.query(`update analytics.health_history set at = $1 where status = 'ok'`, [at(10)]);

    const problems = await recentProblems(createOpsRepository(t.db));
    expect(problems).toHaveLength(10);
    expect(problems.slice(0, 4).map(problemLine)).toEqual([
      '2026-12-06 11:40 UTC · warning · Service degraded · storage — storage degraded: slow answers (2.1 s)',
      '2026-12-06 11:30 UTC · error · Scheduled job weekly-digest failed — weekly digest reached none of 2 channels: channel_not_found',
      '2026-12-06 11:20 UTC · warning · Upload could not be read · locked.pdf — This PDF is encrypted; share an unlocked copy.',
      '2026-12-06 11:10 UTC · error · Upload failed after its retries (dead-lettered) · lost.pdf — The file could not be downloaded from Slack after 5 tries.',
    ]);
    expect(problems.slice(4).map((p) => p.subject)).toEqual([
      'old-0.pdf',
      'old-1.pdf',
      'old-2.pdf',
      'old-3.pdf',
      'old-4.pdf',
      'old-5.pdf',
    ]);
  });
});
