import type { ConflictsRepository } from '../../core/ports/reports.ports.ts';
import type { ReportConflict } from '../../core/report/report.model.ts';
import type { MarginReport } from '../../core/report/report.schema.ts';
import type { Queryable } from '../db.ts';

const COLUMNS = 'id, ingestion_id, existing_report_id, candidate, status, decided_by, decided_at';
/** A row of analytics.report_conflicts as `COLUMNS` selects it; the store maps it onto core's ReportConflict. */
interface Row {
  id: string;
  ingestion_id: string;
  existing_report_id: string;
  candidate: MarginReport;
  status: ReportConflict['status'];
  decided_by: string | null;
  decided_at: Date | string | null;
}
const toConflict = (r: Row): ReportConflict => ({
  id: r.id,
  ingestionId: r.ingestion_id,
  existingReportId: r.existing_report_id,
  candidate: r.candidate,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
});

export function createConflictsRepository(db: Queryable): ConflictsRepository {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await db.query<Row>(sql, params);
    return rows[0] ? toConflict(rows[0]) : undefined;
  };
  return {
    async open(input) {
      // A retried job finds the conflict it opened before instead of opening a second one.
      const existing = await one(
        `select ${COLUMNS} from analytics.report_conflicts where ingestion_id = $1 and existing_report_id = $2`,
        [input.ingestionId, input.existingReportId],
      );
      if (existing) return existing;
      const created = await one(
        `insert into analytics.report_conflicts (ingestion_id, existing_report_id, candidate) values ($1, $2, $3) returning ${COLUMNS}`,
        [input.ingestionId, input.existingReportId, JSON.stringify(input.candidate)],
      );
      if (!created) throw new Error('conflict insert returned nothing');
      return created;
    },
    findById: (id) => one(`select ${COLUMNS} from analytics.report_conflicts where id = $1`, [id]),
    async byIngestion(ingestionId) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.report_conflicts where ingestion_id = $1 order by created_at`,
        [ingestionId],
      );
      return rows.map(toConflict);
    },
    resolve: (id, status, by) =>
      one(
        `update analytics.report_conflicts set status = $2, decided_by = $3, decided_at = now()
         where id = $1 and status = 'open' returning ${COLUMNS}`,
        [id, status, by],
      ),
  };
}
