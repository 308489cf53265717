import type { JobQueue } from '../../core/ports/extraction.ports.ts';
import type { IngestionsRepository } from '../../core/ports/reports.ports.ts';
import { STRANDED_AFTER_SECONDS } from './schedule.names.ts';

/**
 * Re-enqueues uploads recorded but never handed to the queue (a crash between the two).
 * Enqueueing is keyed by ingestion id, so an upload that was queued after all is not doubled.
 */
export async function sweepStranded(deps: {
  ingestions: Pick<IngestionsRepository, 'stranded' | 'setStatus'>;
  queue: Pick<JobQueue, 'enqueueIngestion'>;
  logger: { warn(o: object, m?: string): void };
}) {
  const stranded = await deps.ingestions.stranded(STRANDED_AFTER_SECONDS);
  let requeued = 0;
  for (const i of stranded) {
    try {
      await deps.queue.enqueueIngestion(i.id);
      await deps.ingestions.setStatus(i.id, 'queued');
      requeued++;
    } catch (err) {
      deps.logger.warn({ err, ingestionId: i.id }, 'stranded upload not re-enqueued');
    }
  }
  return { found: stranded.length, requeued };
}
