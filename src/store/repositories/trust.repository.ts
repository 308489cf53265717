import type { SettingsRepository } from '../../core/ports/access.ports.ts';
import type { ApprovalsRepository, RemindersRepository } from '../../core/ports/reports.ports.ts';
import type { Queryable } from '../db.ts';

/** Issue 14: approvals of reports that need two approvers. */
export function createApprovalsRepository(db: Queryable): ApprovalsRepository {
  return {
    async add(reportId, approver) {
      // The report row is locked first: two approvers clicking at once are counted one after the other.
      await db.query('select id from analytics.margin_reports where id = $1 for update', [reportId]);
      const rows = await db.query(
        `insert into analytics.report_approvals (report_id, approver) values ($1, $2)
         on conflict (report_id, approver) do nothing returning approver`,
        [reportId, approver],
      );
      return rows.length > 0;
    },
    async byReports(reportIds) {
      const out = new Map<string, { approver: string; at: string }[]>();
      if (reportIds.length === 0) return out;
      const rows = await db.query<{ report_id: string; approver: string; at: Date | string }>(
        `select report_id, approver, at from analytics.report_approvals
         where report_id = any($1::uuid[]) order by at, approver`,
        [reportIds],
      );
      for (const r of rows) {
        const list = out.get(r.report_id) ?? [];
        list.push({ approver: r.approver, at: new Date(r.at).toISOString() });
        out.set(r.report_id, list);
      }
      return out;
    },
    async clear(reportId) {
      const rows = await db.query<{ approver: string }>(
        'delete from analytics.report_approvals where report_id = $1 returning approver',
        [reportId],
      );
      return rows.map((r) => r.approver).sort();
    },
  };
}

/** Issue 14: settings admins change from chat. */
export function createSettingsRepository(db: Queryable): SettingsRepository {
  return {
    async get(key) {
      const rows = await db.query<{ value: unknown }>('select value from analytics.app_settings where key = $1', [key]);
      return rows[0]?.value;
    },
    async set(key, value, by) {
      await db.query(
        `insert into analytics.app_settings (key, value, updated_by) values ($1, $2, $3)
         on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
        [key, JSON.stringify(value), by],
      );
    },
  };
}

/** Issue 14: a reminder or escalation of a pending report is claimed once, whichever replica runs it. */
export function createRemindersRepository(db: Queryable): RemindersRepository {
  return {
    async claim(reportId, kind, at) {
      const rows = await db.query(
        `insert into analytics.report_reminders (report_id, kind, at) values ($1, $2, $3)
         on conflict (report_id, kind) do nothing returning kind`,
        [reportId, kind, at.toISOString()],
      );
      return rows.length > 0;
    },
    async reset(reportId) {
      await db.query('delete from analytics.report_reminders where report_id = $1', [reportId]);
    },
  };
}
