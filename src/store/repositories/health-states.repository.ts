import type { HealthStatesRepository, HealthStatus } from '../../core/ports/health.ports.ts';
import type { Queryable } from '../db.ts';

/** analytics.health_state: the last recorded state of each watched thing, and since when. */
export function createHealthStatesRepository(db: Queryable): HealthStatesRepository {
  return {
    /**
     * Records a state; reports a change only when it differs from the stored one. The conditional
     * upsert makes two watchers racing on one change see it once.
     */
    async record(name, status, detail) {
      const rows = await db.query<{ previous: HealthStatus | null; previous_since: Date | string | null }>(
        `with prev as (select status, changed_at from analytics.health_state where name = $1)
         insert into analytics.health_state (name, status, changed_at, detail) values ($1, $2, now(), $3)
         on conflict (name) do update set status = excluded.status, changed_at = excluded.changed_at, detail = excluded.detail
           where analytics.health_state.status is distinct from excluded.status
         returning (select status from prev) as previous, (select changed_at from prev) as previous_since`,
        [name, status, JSON.stringify(detail ?? null)],
      );
      const row = rows[0];
      if (!row) return { changed: false, previous: status, previousSince: null };
      return {
        changed: true,
        previous: row.previous ?? null,
        previousSince: row.previous_since ? new Date(row.previous_since).toISOString() : null,
      };
    },
    async current(name) {
      const rows = await db.query<{ status: HealthStatus }>(
        'select status from analytics.health_state where name = $1',
        [name],
      );
      return rows[0]?.status;
    },
  };
}
