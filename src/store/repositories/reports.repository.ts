import type { ReportScope } from '../../core/access/scope.ts';
import type { ReportsRepository } from '../../core/ports/reports.ports.ts';
import type { Report, ReportStatus } from '../../core/report/report.model.ts';
import type { MarginReport } from '../../core/report/report.schema.ts';
import type { Queryable } from '../db.ts';
import { ingestionScopeSql, reportScopeSql } from './report-scope.sql.ts';

const COLUMNS = `id, account_number, to_char(report_date, 'YYYY-MM-DD') as report_date, extracted_data,
  extraction_confidence, data_quality_score, validation_status, created_by, processing_time_ms, source_file_name,
  created_at, updated_at, ingestion_id, needs_review, decided_by, decided_at, decision_reason, decision_reason_code, version,
  coalesce(pending_since, created_at) as pending_since`;

/** A row of analytics.margin_reports as `COLUMNS` selects it; the store maps it onto core's domain type. */
interface Row {
  id: string;
  account_number: string;
  report_date: string;
  extracted_data: MarginReport;
  extraction_confidence: number | null;
  data_quality_score: number | null;
  validation_status: ReportStatus;
  created_by: string | null;
  processing_time_ms: number | null;
  source_file_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  ingestion_id: string | null;
  needs_review: boolean;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  decision_reason_code: string | null;
  version: number;
  pending_since: Date | string;
}

const iso = (v: Date | string | null) =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();
const toReport = (r: Row): Report => ({
  id: r.id,
  accountNumber: r.account_number,
  reportDate: r.report_date,
  extracted: r.extracted_data,
  confidence: r.extraction_confidence,
  qualityScore: r.data_quality_score,
  status: r.validation_status,
  createdBy: r.created_by,
  processingTimeMs: r.processing_time_ms,
  sourceFileName: r.source_file_name,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  ingestionId: r.ingestion_id,
  needsReview: r.needs_review,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  decisionReason: r.decision_reason,
  decisionReasonCode: r.decision_reason_code,
  version: r.version,
  pendingSince: iso(r.pending_since)!,
});

export interface NewReport {
  report: MarginReport & { account_number: string; report_date: string };
  createdBy: string | null;
  ingestionId: string | null;
}

/** The scope filter over `analytics.margin_reports r`, its parameters numbered after `taken`. */
const scoped = (scope: ReportScope | undefined, taken: number) =>
  reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: taken + 1 });

export function createReportsRepository(db: Queryable): ReportsRepository {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await db.query<Row>(sql, params);
    return rows[0] ? toReport(rows[0]) : undefined;
  };
  return {
    /** Inserts unless the account already has a report for that date; then returns the one that is there. */
    async insertOrGetExisting(input: NewReport): Promise<{ created: boolean; report: Report }> {
      const r = input.report;
      const created = await one(
        `insert into analytics.margin_reports (account_number, report_date, extracted_data, extraction_confidence,
           data_quality_score, validation_status, created_by, processing_time_ms, source_file_name, ingestion_id, needs_review)
         values ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10)
         on conflict (account_number, report_date) do nothing
         returning ${COLUMNS}`,
        [
          r.account_number,
          r.report_date,
          JSON.stringify(r),
          r.confidence.overall,
          r.data_quality_score,
          input.createdBy,
          r.processing_time_ms,
          r.source_file_name,
          input.ingestionId,
          r.needs_review,
        ],
      );
      if (created) return { created: true, report: created };
      const existing = await one(
        `select ${COLUMNS} from analytics.margin_reports where account_number = $1 and report_date = $2`,
        [r.account_number, r.report_date],
      );
      if (!existing) throw new Error('report vanished between insert and read');
      return { created: false, report: existing };
    },
    findById(id: string, scope?: ReportScope) {
      const f = scoped(scope, 1);
      return one(`select ${COLUMNS} from analytics.margin_reports r where id = $1 and ${f.sql}`, [id, ...f.params]);
    },
    findByAccountDate(account: string, date: string, scope?: ReportScope) {
      const f = scoped(scope, 2);
      return one(
        `select ${COLUMNS} from analytics.margin_reports r where account_number = $1 and report_date = $2 and ${f.sql}`,
        [account, date, ...f.params],
      );
    },
    async latestForAccount(account: string, scope?: ReportScope): Promise<Report | undefined> {
      const f = scoped(scope, 1);
      return one(
        `select ${COLUMNS} from analytics.margin_reports r where account_number = $1 and ${f.sql}
         order by report_date desc limit 1`,
        [account, ...f.params],
      );
    },
    async history(account: string, limit: number, scope?: ReportScope): Promise<Report[]> {
      const f = scoped(scope, 2);
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports r where account_number = $1 and ${f.sql}
         order by report_date desc limit $2`,
        [account, limit, ...f.params],
      );
      return rows.map(toReport);
    },
    async byIngestion(ingestionId: string): Promise<Report[]> {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports where ingestion_id = $1 order by account_number, report_date`,
        [ingestionId],
      );
      return rows.map(toReport);
    },
    async recent(limit: number, scope?: ReportScope): Promise<Report[]> {
      const f = scoped(scope, 1);
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports r where ${f.sql} order by created_at desc limit $1`,
        [limit, ...f.params],
      );
      return rows.map(toReport);
    },
    async pending(limit = 50): Promise<Report[]> {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports where validation_status = 'pending' order by coalesce(pending_since, created_at) asc limit $1`,
        [limit],
      );
      return rows.map(toReport);
    },
    /** The latest report of each account, where it shows a call or a deficit. */
    async calls(scope?: ReportScope): Promise<Report[]> {
      // The latest report of each account among those the scope lets the asker see.
      const f = scoped(scope, 0);
      const rows = await db.query<Row>(
        `select ${COLUMNS} from (
           select distinct on (account_number) * from analytics.margin_reports r
           where validation_status <> 'rejected' and ${f.sql}
           order by account_number, report_date desc) latest
         where coalesce((extracted_data->'fields'->>'margin_call')::numeric, 0) > 0
            or (extracted_data->'fields'->>'excess_liquidity')::numeric < 0
         order by report_date desc`,
        f.params,
      );
      return rows.map(toReport);
    },
    async inRange(opts: { since: Date; account?: string | undefined; scope?: ReportScope }): Promise<Report[]> {
      const f = scoped(opts.scope, 2);
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports r
         where report_date >= $1::date and ($2::text is null or account_number = $2) and ${f.sql}
         order by report_date desc, account_number`,
        [opts.since.toISOString().slice(0, 10), opts.account ?? null, ...f.params],
      );
      return rows.map(toReport);
    },
    async ingestionVisible(ingestionId: string, scope: ReportScope): Promise<boolean> {
      const f = ingestionScopeSql(scope, { alias: 'i', next: 2 });
      const rows = await db.query(`select 1 from analytics.ingestions i where i.id = $1 and ${f.sql}`, [
        ingestionId,
        ...f.params,
      ]);
      return rows.length > 0;
    },
    /** Decides once: a second click or a retried request finds nothing pending and changes nothing. */
    async decide(input: {
      id: string;
      status: Exclude<ReportStatus, 'pending'>;
      by: string;
      reason: string | null;
      code?: string | null;
    }) {
      return one(
        `update analytics.margin_reports
         set validation_status = $2, decided_by = $3, decided_at = now(), decision_reason = $4,
             decision_reason_code = $5, updated_at = now(), version = version + 1
         where id = $1 and validation_status = 'pending'
         returning ${COLUMNS}`,
        [input.id, input.status, input.by, input.reason, input.code ?? null],
      );
    },
    lastApprovedBefore: (account: string, date: string) =>
      one(
        `select ${COLUMNS} from analytics.margin_reports
         where account_number = $1 and report_date < $2::date and validation_status = 'approved'
         order by report_date desc limit 1`,
        [account, date],
      ),
    async pendingAfter(account: string, date: string, limit = 50): Promise<Report[]> {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.margin_reports
         where account_number = $1 and report_date > $2::date and validation_status = 'pending'
         order by report_date asc limit $3`,
        [account, date, limit],
      );
      return rows.map(toReport);
    },
    /** Replaces the extracted values of a pending report, guarded by the version the editor saw. */
    async updateData(input: { id: string; data: MarginReport; expectedVersion: number }) {
      return one(
        `update analytics.margin_reports
         set extracted_data = $2, extraction_confidence = $3, data_quality_score = $4, needs_review = $5,
             account_number = coalesce($7, account_number), report_date = coalesce($8::date, report_date),
             updated_at = now(), version = version + 1
         where id = $1 and version = $6 and validation_status = 'pending'
         returning ${COLUMNS}`,
        [
          input.id,
          JSON.stringify(input.data),
          input.data.confidence.overall,
          input.data.data_quality_score,
          input.data.needs_review,
          input.expectedVersion,
          input.data.account_number,
          input.data.report_date,
        ],
      );
    },
    /** Puts a new extraction in place of an existing report (Replace on a conflict): pending again. */
    async replace(input: { id: string; data: MarginReport; ingestionId: string; by: string }) {
      return one(
        `update analytics.margin_reports
         set extracted_data = $2, extraction_confidence = $3, data_quality_score = $4, needs_review = $5,
             processing_time_ms = $6, source_file_name = $7, ingestion_id = $8, created_by = $9,
             validation_status = 'pending', decided_by = null, decided_at = null, decision_reason = null,
             decision_reason_code = null, pending_since = now(),
             updated_at = now(), version = version + 1
         where id = $1
         returning ${COLUMNS}`,
        [
          input.id,
          JSON.stringify(input.data),
          input.data.confidence.overall,
          input.data.data_quality_score,
          input.data.needs_review,
          input.data.processing_time_ms,
          input.data.source_file_name,
          input.ingestionId,
          input.by,
        ],
      );
    },
  };
}
