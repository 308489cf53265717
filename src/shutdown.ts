import type { Logger } from './observability/logger.ts';

/** Something the service started and must stop, in the order given. */
export interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

/**
 * The service's one shutdown: each part stops in order (schedules, then platforms — they end long
 * streams such as the console's SSE that would hold the server open — then HTTP, the queue, extraction,
 * the database). A failing step is logged and the next still runs; calling it twice stops once.
 */
export function createShutdown(logger: Logger, steps: Stoppable[]): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      for (const step of steps) {
        try {
          await step.stop();
        } catch (err) {
          logger.warn({ err, step: step.name }, 'stop failed');
        }
      }
    })();
    return stopping;
  };
}
