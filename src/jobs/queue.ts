import { fromPglite, PgBoss } from 'pg-boss';
import type { JobQueue } from '../core/ports/extraction.ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { Db } from '../store/db.ts';
import { INGEST_DEAD_LETTER_QUEUE, INGEST_QUEUE } from './queue.names.ts';

// A killed worker stops sending heartbeats; supervising every 10 s hands its job to another within ~30 s.
const SUPERVISION = { superviseIntervalSeconds: 10, monitorIntervalSeconds: 10 };

export interface QueueOptions {
  /** Seconds a job may run before another worker may take it (the extraction limit plus a margin). */
  expireInSeconds: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A worker that stops sending heartbeats (killed mid-OCR) gives its job back after this long. */
  heartbeatSeconds?: number;
}

export interface Queue extends JobQueue {
  boss: PgBoss;
  work(
    handler: (ingestionId: string, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
    concurrency: number,
  ): Promise<void>;
  workDeadLetters(handler: (ingestionId: string) => Promise<void>): Promise<void>;
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export async function createQueue(db: Db, logger: Logger, opts: QueueOptions): Promise<Queue> {
  const boss =
    db.raw.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(db.raw.pglite), backend: 'pglite', schema: 'pgboss', ...SUPERVISION })
      : new PgBoss({
          connectionString: db.raw.url,
          schema: 'pgboss',
          max: 4,
          application_name: 'marginiq-queue',
          ...SUPERVISION,
        });
  boss.on('error', (err: unknown) => logger.error({ err }, 'queue error'));
  await boss.start();
  await boss.createQueue(INGEST_DEAD_LETTER_QUEUE).catch(ignoreExists);
  const retryLimit = opts.retryLimit ?? 4;
  await boss
    .createQueue(INGEST_QUEUE, {
      retryLimit,
      retryDelay: opts.retryDelaySeconds ?? 5,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: opts.expireInSeconds,
      heartbeatSeconds: opts.heartbeatSeconds ?? 15,
      deadLetter: INGEST_DEAD_LETTER_QUEUE,
    })
    .catch(ignoreExists);
  let stopped = false;
  return {
    boss,
    async enqueueIngestion(ingestionId) {
      // The job id is the ingestion id: a retried Slack event or a second event for the same file makes no second job.
      await boss.send(INGEST_QUEUE, { ingestionId }, { id: ingestionId });
    },
    async depth() {
      const [main, dead] = await Promise.all([boss.getQueue(INGEST_QUEUE), boss.getQueue(INGEST_DEAD_LETTER_QUEUE)]);
      return {
        queued: main?.queuedCount ?? 0,
        active: main?.activeCount ?? 0,
        failed: main?.failedCount ?? 0,
        deadLettered: (dead?.queuedCount ?? 0) + (dead?.activeCount ?? 0) + (dead?.failedCount ?? 0),
      };
    },
    async work(handler, concurrency) {
      await boss.work<{ ingestionId: string }>(
        INGEST_QUEUE,
        { localConcurrency: concurrency, pollingIntervalSeconds: 1 },
        async (jobs) => {
          for (const job of jobs) {
            await handler(job.data.ingestionId, { retryCount: job.retryCount, retryLimit });
          }
        },
      );
    },
    async workDeadLetters(handler) {
      await boss.work<{ ingestionId: string }>(
        INGEST_DEAD_LETTER_QUEUE,
        { pollingIntervalSeconds: 2 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data.ingestionId);
        },
      );
    },
    async stop(o = {}) {
      if (stopped) return;
      stopped = true;
      // Graceful: workers stop fetching, in-flight jobs finish (or return to the queue when the timeout ends).
      await boss.stop({ graceful: o.graceful ?? true, timeout: o.timeoutMs ?? 30_000, close: true });
    },
  };
}

function ignoreExists(err: unknown) {
  if (err instanceof Error && /already exists/i.test(err.message)) return;
  throw err;
}
