import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueue, type Queue } from '../../src/jobs/queue.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';

const silent = pino({ level: 'silent' });
const waitFor = async (what: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.each(DATABASES)('the ingestion queue on %s', (_name, fresh) => {
  let t: TestDb;
  let queue: Queue;
  beforeAll(async () => {
    t = await fresh();
    queue = await createQueue(t.db, silent, { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 1 });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false });
    await t?.drop();
  });

  it('makes one job of an upload enqueued twice', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    await queue.enqueueIngestion(id);
    await queue.enqueueIngestion(id);
    const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where id = $1`, [id]);
    expect(rows[0]?.n).toBe(1);
  });

  it('retries a failing job with backoff, then dead-letters it', async () => {
    const seen: string[] = [];
    const dead: string[] = [];
    const id = '22222222-2222-4222-8222-222222222222';
    await queue.work(async (ingestionId) => {
      seen.push(ingestionId);
      if (ingestionId === id) throw new Error('chat API answered 503');
    }, 1);
    await queue.workDeadLetters(async (ingestionId) => {
      dead.push(ingestionId);
    });
    await queue.enqueueIngestion(id);
    await waitFor(() => dead.includes(id), 60_000);
    // The first try and two retries.
    expect(seen.filter((s) => s === id)).toHaveLength(3);
    // The job that succeeded is not dead-lettered.
    expect(dead).toEqual([id]);
    expect(seen).toContain('11111111-1111-4111-8111-111111111111');
  });
});
