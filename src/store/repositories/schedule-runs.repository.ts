import type { ScheduleRunsRepository } from '../../core/ports/health.ports.ts';
import type { Queryable } from '../db.ts';

/**
 * analytics.schedule_runs: one row per schedule fire. The unique (name, fire_time) key is the
 * election — every replica inserts, exactly one insert wins and that replica runs the fire.
 */
export function createScheduleRunsRepository(db: Queryable): ScheduleRunsRepository {
  return {
    async claim(name, fireTime, replica) {
      const rows = await db.query(
        `insert into analytics.schedule_runs (name, fire_time, replica) values ($1, $2, $3)
         on conflict (name, fire_time) do nothing returning id`,
        [name, fireTime.toISOString(), replica],
      );
      return rows.length > 0;
    },
    async finish(name, fireTime, replica, result) {
      await db.query(
        `update analytics.schedule_runs set outcome = $4, finished_at = now(), duration_ms = $5, detail = $6
         where name = $1 and fire_time = $2 and replica = $3`,
        [
          name,
          fireTime.toISOString(),
          replica,
          result.outcome,
          Math.max(0, Math.round(result.durationMs)),
          result.detail === undefined ? null : JSON.stringify(result.detail),
        ],
      );
    },
    async otherReplicasSince(replica, since) {
      const rows = await db.query<{ replica: string }>(
        `select distinct replica from analytics.schedule_runs where replica <> $1 and started_at >= $2 order by replica`,
        [replica, since.toISOString()],
      );
      return rows.map((r) => r.replica);
    },
    async prune(before) {
      const rows = await db.query('delete from analytics.schedule_runs where fire_time < $1 returning id', [
        before.toISOString(),
      ]);
      return rows.length;
    },
  };
}
