import type { ExtractionProgress } from '../ports/extraction.ports.ts';

/** Slack allows about one chat.update per second per channel; every 2 s leaves room for everything else. */
export const PROGRESS_EVERY_MS = 2_000;
/** The longest pause after repeated failures before trying again. */
const MAX_BACKOFF_MS = 60_000;

export interface ProgressReporterDeps {
  /** Shows one progress step (updates the upload's reply in place). May fail; never awaited by extraction. */
  show: (p: ExtractionProgress) => Promise<void>;
  /** Milliseconds, injected: tests drive it without sleeping. */
  clock: () => number;
  everyMs?: number;
  logger?: { warn(o: object, m?: string): void };
}

/** How long a failed update asks us to wait: a platform's Retry-After when it gave one. */
const retryAfterOf = (err: unknown): number | undefined => {
  const ms = (err as { details?: { retryAfterMs?: unknown } } | undefined)?.details?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

/**
 * Issue 17 item 5: progress while reading, rate-limit aware. At most one update every `everyMs` and
 * one in flight at a time, so updates arrive in the order the work made them. A step that comes while
 * one is in flight waits for it (only the newest such step) and goes next if its time has come; a step
 * that comes too soon is dropped for a later one. A failed update never fails the upload: a rate limit
 * waits exactly its Retry-After (Slack's and Teams' alike, as `details.retryAfterMs`), other failures
 * back off, doubling. `settle()` waits for the update in flight
 * and stops further ones, so the summary lands last.
 */
export function createProgressReporter(deps: ProgressReporterDeps) {
  const every = deps.everyMs ?? PROGRESS_EVERY_MS;
  let nextAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  let waiting: ExtractionProgress | undefined;
  let failures = 0;
  let closed = false;
  const send = (p: ExtractionProgress) => {
    nextAt = deps.clock() + every;
    inFlight = deps
      .show(p)
      .then(
        () => {
          failures = 0;
        },
        (err: unknown) => {
          failures += 1;
          // The platform's Retry-After is what it asked for (no less than the usual pace); without one, doubling.
          const asked = retryAfterOf(err);
          const wait = asked === undefined ? Math.min(MAX_BACKOFF_MS, every * 2 ** failures) : Math.max(asked, every);
          nextAt = Math.max(nextAt, deps.clock() + wait);
          deps.logger?.warn({ err, waitMs: wait }, 'progress update failed; backing off');
        },
      )
      .finally(() => {
        inFlight = undefined;
        const next = waiting;
        waiting = undefined;
        if (next && !closed && deps.clock() >= nextAt) send(next);
      });
  };
  return {
    report(p: ExtractionProgress): void {
      if (closed) return;
      if (inFlight) {
        waiting = p;
        return;
      }
      if (deps.clock() < nextAt) return;
      send(p);
    },
    async settle(): Promise<void> {
      closed = true;
      waiting = undefined;
      await inFlight;
    },
  };
}
