import type { RunCoordinator } from 'node-cron';
import type { Queryable } from '../../store/db.ts';

/**
 * Elects one replica per schedule fire through analytics.schedule_runs: every replica tries to
 * insert (name, fire_time); the unique key lets exactly one succeed, and that one runs the fire.
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
  db: Queryable;
  replica: string;
  resolutionMs?: number;
}): ScheduleRunCoordinator {
  const resolution = opts.resolutionMs ?? 60_000;
  const fireTimeOf = (slot: Date) => new Date(Math.floor(slot.getTime() / resolution) * resolution);

  async function claim(name: string, fireTime: Date): Promise<boolean> {
    const rows = await opts.db.query(
      `insert into analytics.schedule_runs (name, fire_time, replica) values ($1, $2, $3)
       on conflict (name, fire_time) do nothing returning id`,
      [name, fireTime.toISOString(), opts.replica],
    );
    return rows.length > 0;
  }

  return {
    fireTimeOf,
    claim,
    async prune(keepDays, now = new Date()) {
      const before = new Date(now.getTime() - keepDays * 86_400_000);
      const rows = await opts.db.query('delete from analytics.schedule_runs where fire_time < $1 returning id', [
        before.toISOString(),
      ]);
      return rows.length;
    },
    async shouldRun(key: string) {
      const m = KEY.exec(key);
      // A key this coordinator cannot read is not a fire it can vouch for: fail closed.
      if (!m) throw new Error(`unrecognised schedule key ${key}`);
      return claim(m[1]!, fireTimeOf(new Date(m[2]!)));
    },
    async finish(name, fireTime, result) {
      await opts.db.query(
        `update analytics.schedule_runs set outcome = $4, finished_at = now(), duration_ms = $5, detail = $6
         where name = $1 and fire_time = $2 and replica = $3`,
        [
          name,
          fireTime.toISOString(),
          opts.replica,
          result.outcome,
          Math.max(0, Math.round(result.durationMs)),
          result.detail === undefined ? null : JSON.stringify(result.detail),
        ],
      );
    },
  };
}
