import type { RunCoordinator } from 'node-cron';
import type { ScheduleRunsRepository } from '../../core/ports/health.ports.ts';

/**
 * Elects one replica per schedule fire through the schedule-runs repository: every replica claims
 * (name, fire time); exactly one claim succeeds, and that replica runs the fire.
 */
export interface ScheduleRunCoordinator extends RunCoordinator {
  /**
   * The fire time a slot of schedule `name` is recorded under: truncated to the minute, or to the
   * second for a schedule whose cron has a seconds field (or to the resolution given).
   */
  fireTimeOf(slot: Date, name?: string): Date;
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
  /** Per schedule name: the resolution of its fire times when `resolutionMs` is not given (default a minute). */
  resolutionOf?: ((name: string) => number) | undefined;
  /** Where a lost election is said (at debug): each replica's decision about each fire is then on record. */
  logger?: { debug?(o: object, m?: string): void } | undefined;
}): ScheduleRunCoordinator {
  const resolutionOf = (name?: string) =>
    opts.resolutionMs ?? (name !== undefined ? opts.resolutionOf?.(name) : undefined) ?? 60_000;
  const fireTimeOf = (slot: Date, name?: string) => {
    const resolution = resolutionOf(name);
    return new Date(Math.floor(slot.getTime() / resolution) * resolution);
  };
  const claim = (name: string, fireTime: Date) => opts.runs.claim(name, fireTime, opts.replica);

  return {
    fireTimeOf,
    claim,
    prune: (keepDays, now = new Date()) => opts.runs.prune(new Date(now.getTime() - keepDays * 86_400_000)),
    async shouldRun(key: string) {
      const m = KEY.exec(key);
      // A key this coordinator cannot read is not a fire it can vouch for: fail closed.
      if (!m) throw new Error(`unrecognised schedule key ${key}`);
      const name = m[1]!;
      const fireTime = fireTimeOf(new Date(m[2]!), name);
      const won = await claim(name, fireTime);
      if (!won)
        opts.logger?.debug?.(
          { schedule: name, fireTime: fireTime.toISOString(), replica: opts.replica },
          'schedule fire taken by another replica',
        );
      return won;
    },
    finish: (name, fireTime, result) => opts.runs.finish(name, fireTime, opts.replica, result),
  };
}
