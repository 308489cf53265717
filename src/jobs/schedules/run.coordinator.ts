import type { RunCoordinator } from 'node-cron';
import type { ScheduleRunsRepository } from '../../core/ports.ts';

/**
 * Elects one replica per schedule fire through the schedule-runs repository: every replica claims
 * (name, fire time); exactly one claim succeeds, and that replica runs the fire.
 */
export interface ScheduleRunCoordinator extends RunCoordinator {
  /** The fire time a slot is recorded under: truncated to the minute (or the resolution given). */
  fireTimeOf(slot: Date): Date;
  claim(name: string, fireTime: Date): Promise<boolean>;
  finish(
    name: string,
    fireTime: Date,
    result: { outcome: 'ok' | 'failed'; durationMs: number; detail?: unknown },
  ): Promise<void>;
  /** Deletes the record of fires older than `keepDays` (about 600 rows a day); returns how many. */
  prune(keepDays: number, now?: Date): Promise<number>;
}

// node-cron's key is `${task name}:${slot ISO}`.
const KEY = /^(.+):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/;

export function createRunCoordinator(opts: {
  runs: ScheduleRunsRepository;
  replica: string;
  resolutionMs?: number | undefined;
}): ScheduleRunCoordinator {
  const resolution = opts.resolutionMs ?? 60_000;
  const fireTimeOf = (slot: Date) => new Date(Math.floor(slot.getTime() / resolution) * resolution);
  const claim = (name: string, fireTime: Date) => opts.runs.claim(name, fireTime, opts.replica);

  return {
    fireTimeOf,
    claim,
    prune: (keepDays, now = new Date()) => opts.runs.prune(new Date(now.getTime() - keepDays * 86_400_000)),
    async shouldRun(key: string) {
      const m = KEY.exec(key);
      // A key this coordinator cannot read is not a fire it can vouch for: fail closed.
      if (!m) throw new Error(`unrecognised schedule key ${key}`);
      return claim(m[1]!, fireTimeOf(new Date(m[2]!)));
    },
    finish: (name, fireTime, result) => opts.runs.finish(name, fireTime, opts.replica, result),
  };
}
