import type { IngestDeps } from '../core/ingest/ingest.deps.ts';
import { deadLetterIngestion, processIngestion } from '../core/ingest/ingest.usecases.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Queue } from './queue.ts';

/**
 * The ingest worker: takes upload jobs off the durable queue and runs core's processIngestion.
 * This is the queue's one error boundary: a failure is logged and counted, then thrown back so
 * pg-boss retries it with backoff; after the last retry the dead-letter handler tells the thread.
 */
export async function startIngestWorker(deps: {
  queue: Queue;
  ingest: IngestDeps;
  metrics: Metrics;
  logger: Logger;
  concurrency: number;
}): Promise<void> {
  const { queue, ingest, logger } = deps;
  const jobsDone = deps.metrics.counter('jobs_total', 'Ingestion jobs by outcome');
  const jobSeconds = deps.metrics.histogram('job_duration_seconds', 'Ingestion job duration');
  const extractions = deps.metrics.counter('extractions_total', 'Extractions by outcome');
  await queue.work(async (ingestionId, attempt) => {
    const log = logger.child({ job: ingestionId, attempt: attempt.retryCount });
    const t = performance.now();
    try {
      const outcome = await processIngestion(ingest, ingestionId);
      extractions.inc({ outcome });
      jobsDone.inc({ outcome: 'completed' });
      log.info({ outcome, ms: Math.round(performance.now() - t) }, 'ingestion done');
    } catch (err) {
      jobsDone.inc({ outcome: 'retry' });
      log.warn({ err }, 'ingestion failed; it will be retried');
      throw err;
    } finally {
      jobSeconds.observe({}, (performance.now() - t) / 1000);
    }
  }, deps.concurrency);
  await queue.workDeadLetters(async (ingestionId) => {
    logger.error({ ingestionId }, 'ingestion dead-lettered');
    await deadLetterIngestion(ingest, ingestionId, 'retries exhausted');
  });
}
