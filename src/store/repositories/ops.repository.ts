import type { ArchiveCheck, ArchiveFinding, OpsRepository, ProblemRow } from '../../core/ops/ops.port.ts';
import type { Queryable } from '../db.ts';

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

type CheckRow = { id: number; at: Date | string; checked: number; missing: unknown; changed: unknown };
const toCheck = (r: CheckRow): ArchiveCheck => ({
  id: Number(r.id),
  at: iso(r.at),
  checked: Number(r.checked),
  missing: json<ArchiveFinding[]>(r.missing),
  changed: json<ArchiveFinding[]>(r.changed),
});

/** The service's record of its own trouble, and the archive checks (analytics.archive_checks). */
export function createOpsRepository(db: Queryable): OpsRepository {
  return {
    async recentProblems(limit) {
      // Each source newest first and cut to the limit on its own index, then merged.
      const rows = await db.query<{
        kind: ProblemRow['kind'];
        at: Date | string;
        subject: string | null;
        reason: string | null;
        detail: unknown;
      }>(
        `select kind, at, subject, reason, detail from (
           (select case when status = 'dead' then 'upload_dead' else 'upload_failed' end as kind,
              coalesce(processed_at, updated_at) as at, file_name as subject,
              coalesce(error_message, error_code) as reason, null::jsonb as detail
            from analytics.ingestions where status in ('failed', 'dead')
            order by coalesce(processed_at, updated_at) desc limit $1)
           union all
           (select 'schedule_failed', coalesce(finished_at, started_at), name, detail->>'error', null::jsonb
            from analytics.schedule_runs where outcome = 'failed' order by fire_time desc limit $1)
           union all
           (select 'health', at, name, status, detail
            from analytics.health_history where status <> 'ok' order by at desc limit $1)
           union all
           (select 'archive', at, null, null,
              jsonb_build_object('checked', checked, 'missing', missing, 'changed', changed)
            from analytics.archive_checks
            where jsonb_array_length(missing) > 0 or jsonb_array_length(changed) > 0
            order by at desc limit $1)
         ) p order by at desc limit $1`,
        [limit],
      );
      return rows.map((r) => ({
        kind: r.kind,
        at: iso(r.at),
        subject: r.subject,
        reason: r.reason,
        detail: r.detail === null ? null : json(r.detail),
      }));
    },
    async storedFiles() {
      const rows = await db.query<{ key: string; hash: string; file_names: string[]; reports: string[] | null }>(
        `select i.storage_key as key, i.file_hash as hash,
           array_agg(distinct i.file_name) as file_names,
           array_remove(array_agg(distinct r.account_number || ' · ' || to_char(r.report_date, 'YYYY-MM-DD')), null) as reports
         from analytics.ingestions i
         left join analytics.margin_reports r on r.ingestion_id = i.id
         where i.storage_key is not null and i.file_hash is not null
         group by i.storage_key, i.file_hash
         order by min(i.created_at), i.storage_key`,
      );
      return rows.map((r) => ({ key: r.key, hash: r.hash, fileNames: r.file_names, reports: r.reports ?? [] }));
    },
    async unfiledReports() {
      const rows = await db.query<{ report: string; file_name: string | null }>(
        `select r.account_number || ' · ' || to_char(r.report_date, 'YYYY-MM-DD') as report,
           coalesce(i.file_name, r.source_file_name) as file_name
         from analytics.margin_reports r
         left join analytics.ingestions i on i.id = r.ingestion_id
         where i.storage_key is null
         order by r.created_at, r.id`,
      );
      return rows.map((r) => ({ report: r.report, fileName: r.file_name }));
    },
    async recordArchiveCheck(c) {
      const [row] = await db.query<CheckRow>(
        `insert into analytics.archive_checks (at, checked, missing, changed) values ($1, $2, $3, $4)
         returning id, at, checked, missing, changed`,
        [c.at, c.checked, JSON.stringify(c.missing), JSON.stringify(c.changed)],
      );
      if (!row) throw new Error('archive check not recorded');
      return toCheck(row);
    },
    async lastArchiveCheck(since) {
      const rows = await db.query<CheckRow>(
        `select id, at, checked, missing, changed from analytics.archive_checks
         where at >= coalesce($1::timestamptz, '-infinity'::timestamptz) order by at desc, id desc limit 1`,
        [since ? since.toISOString() : null],
      );
      return rows[0] ? toCheck(rows[0]) : undefined;
    },
  };
}
