import type { Window } from '../../core/digest/analytics.port.ts';
import type { ScoreboardRepository, UptimeFigures } from '../../core/scoreboard/scoreboard.port.ts';
import type { Queryable } from '../db.ts';

/** The key the health watcher records the service's state under (jobs/schedules/schedule.names.ts). */
const SERVICE = 'service';

/** UTC midnight: the origin the activity days are binned from. */
const EPOCH = "timestamptz '2000-01-01 00:00:00+00'";

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function createScoreboardRepository(db: Queryable): ScoreboardRepository {
  const range = (w: Window) => [w.since.toISOString(), w.until.toISOString()];
  return {
    async uptime(w) {
      // The state in force when the window opens, then every change inside it; each lasts until the next.
      const rows = await db.query<{ status: string; n: number; ms: unknown }>(
        `with s as (
           select status, greatest(at, $1::timestamptz) as start,
             least(coalesce(lead(at) over (order by at, id), $2::timestamptz), $2::timestamptz) as stop
           from analytics.health_history
           where name = $3 and at < $2
             and at >= coalesce((select max(at) from analytics.health_history where name = $3 and at <= $1),
                                '-infinity'::timestamptz))
         select status, count(*)::int as n,
           coalesce(sum(greatest(0, extract(epoch from (stop - start)) * 1000)), 0) as ms
         from s group by status`,
        [...range(w), SERVICE],
      );
      const out: UptimeFigures = { okMs: 0, degradedMs: 0, downMs: 0, coveredMs: 0, states: 0 };
      for (const r of rows) {
        const ms = Math.round(Number(r.ms));
        out.states += Number(r.n);
        out.coveredMs += ms;
        if (r.status === 'ok') out.okMs += ms;
        else if (r.status === 'degraded') out.degradedMs += ms;
        else out.downMs += ms;
      }
      return out;
    },
    async uploads(w) {
      const [row] = await db.query<Record<string, unknown>>(
        `select count(*)::int as uploads,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'dead')::int as dead,
           count(*) filter (where status = 'processed' and processed_at is not null)::int as timed,
           percentile_cont(array[0.5, 0.95]) within group (order by date_part('epoch', processed_at - created_at) * 1000)
             filter (where status = 'processed' and processed_at is not null) as p
         from analytics.ingestions where created_at >= $1 and created_at < $2`,
        range(w),
      );
      return {
        uploads: Number(row?.uploads ?? 0),
        failed: Number(row?.failed ?? 0),
        dead: Number(row?.dead ?? 0),
        timed: Number(row?.timed ?? 0),
        p50Ms: num((row?.p as unknown[] | null)?.[0]),
        p95Ms: num((row?.p as unknown[] | null)?.[1]),
      };
    },
    async activeUsers(w) {
      const rows = await db.query<{ day: string; users: number }>(
        // Each source reduced to its (day, person) pairs first: a few thousand rows to merge, not every act.
        // date_bin to the UTC day is cheaper than a time-zone conversion per row (PG 14+).
        `with d as (
           select date_bin('1 day', created_at, ${EPOCH}) as day, uploaded_by as who from analytics.ingestions
             where created_at >= $1 and created_at < $2 and uploaded_by is not null group by 1, 2
           union
           select date_bin('1 day', decided_at, ${EPOCH}), decided_by from analytics.margin_reports
             where decided_at >= $1 and decided_at < $2 and decided_by is not null group by 1, 2
           union
           select date_bin('1 day', at, ${EPOCH}), user_id from analytics.usage_events
             where at >= $1 and at < $2 group by 1, 2
         )
         select to_char(day at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as users from d group by d.day
         union all
         select 'all', count(distinct who)::int from d
         order by 1`,
        range(w),
      );
      const all = rows.find((r) => r.day === 'all');
      return {
        perDay: rows.filter((r) => r.day !== 'all').map((r) => ({ day: r.day, users: Number(r.users) })),
        distinct: Number(all?.users ?? 0),
      };
    },
    async featureUse(w) {
      const rows = await db.query<{ feature: string; count: number; users: number }>(
        // Per (feature, person) first, then per feature: hashing instead of a sort for the distinct count.
        `select feature, sum(n)::int as count, count(*)::int as users from (
           select feature, user_id, count(*) as n from analytics.usage_events
           where at >= $1 and at < $2 group by feature, user_id) f
         group by feature order by count desc, feature`,
        range(w),
      );
      return rows.map((r) => ({ feature: r.feature, count: Number(r.count), users: Number(r.users) }));
    },
    async votes(w) {
      const [row] = await db.query<{ up: number; down: number }>(
        `select count(*) filter (where vote = 1)::int as up, count(*) filter (where vote = -1)::int as down
         from analytics.summary_votes where at >= $1 and at < $2`,
        range(w),
      );
      return { up: Number(row?.up ?? 0), down: Number(row?.down ?? 0) };
    },
    async reports(w) {
      const [row] = await db.query<{ n: number }>(
        'select count(*)::int as n from analytics.margin_reports where created_at >= $1 and created_at < $2',
        range(w),
      );
      return Number(row?.n ?? 0);
    },
    async callCycle(w) {
      const [row] = await db.query<{ met: number; median: unknown }>(
        `select count(*)::int as met,
           percentile_cont(0.5) within group (order by date_part('epoch', resolved_at - opened_at) * 1000) as median
         from analytics.margin_calls where state = 'met' and resolved_at >= $1 and resolved_at < $2`,
        range(w),
      );
      return { met: Number(row?.met ?? 0), medianMs: num(row?.median) };
    },
    async recordUse(input) {
      await db.query('insert into analytics.usage_events (at, user_id, feature) values ($1, $2, $3)', [
        input.at.toISOString(),
        input.user,
        input.feature,
      ]);
    },
    async vote(input) {
      await db.query(
        `insert into analytics.summary_votes (ingestion_id, user_id, vote, at) values ($1, $2, $3, $4)
         on conflict (ingestion_id, user_id) do update set vote = excluded.vote, at = excluded.at`,
        [input.ingestionId, input.user, input.vote, input.at.toISOString()],
      );
    },
  };
}
