import type {
  AnalyticsRepository,
  CountRow,
  CurrencyTotals,
  CushionItem,
  DailyPoint,
  IngestionHealth,
  PendingItem,
  QueueDepth,
  ReportStats,
  TurnaroundStats,
  Window,
} from '../../core/digest/analytics.port.ts';
import type { Queryable } from '../db.ts';
import { reportScopeSql } from './report-scope.sql.ts';

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const range = (w: Window) => [w.since.toISOString(), w.until.toISOString()];

type Row = Record<string, unknown>;

/** A pending margin_reports row joined to its upload's ingestions row, as core's PendingItem. */
function toPendingItem(r: Row): PendingItem {
  return {
    id: String(r.id),
    accountNumber: String(r.account_number),
    reportDate: String(r.report_day),
    createdAt: iso(r.created_at as Date | string),
    needsReview: Boolean(r.needs_review),
    sourceFileName: (r.source_file_name as string | null) ?? null,
    thread:
      r.platform && r.channel_id
        ? {
            platform: String(r.platform),
            channelId: String(r.channel_id),
            threadRef: (r.thread_ref as string | null) ?? null,
            replyRef: (r.reply_ref as string | null) ?? null,
          }
        : null,
  };
}

/** An account's latest report (LATEST_PER_ACCOUNT's columns) as core's CushionItem. */
function toCushionItem(r: Row): CushionItem {
  return {
    accountNumber: String(r.account_number),
    reportDate: String(r.report_day),
    currency: String(r.currency),
    excess: Number(r.excess),
    requirement: Number(r.requirement),
    ratio: Number(r.ratio),
  };
}

// Milliseconds between two timestamps, as float8 so percentile_cont accepts it. date_part computes in
// float8; extract() returns numeric since PG 14, and numeric arithmetic per row costs about double.
const msBetween = (from: string, to: string) => `(date_part('epoch', ${to} - ${from}) * 1000)`;

// Each account's latest report that was not rejected: what "the book" looks like now.
const LATEST_PER_ACCOUNT = `
  select distinct on (r.account_number) r.account_number, to_char(r.report_date, 'YYYY-MM-DD') as report_day,
    coalesce(r.extracted_data->>'currency', 'USD') as currency,
    (r.extracted_data->'fields'->>'total_equity')::float8 as equity,
    (r.extracted_data->'fields'->>'maintenance_requirement')::float8 as requirement,
    (r.extracted_data->'fields'->>'excess_liquidity')::float8 as excess
  from analytics.margin_reports r
  where r.validation_status <> 'rejected'`;

export function createAnalyticsRepository(db: Queryable): AnalyticsRepository {
  return {
    async reportStats(w): Promise<ReportStats> {
      const [row] = await db.query<Record<string, unknown>>(
        `select count(*)::int as total,
           count(*) filter (where validation_status = 'pending')::int as pending,
           count(*) filter (where validation_status = 'approved')::int as approved,
           count(*) filter (where validation_status = 'rejected')::int as rejected,
           count(*) filter (where needs_review)::int as needs_review,
           avg(extraction_confidence)::float8 as avg_confidence,
           avg(data_quality_score)::float8 as avg_quality,
           count(*) filter (where extracted_data->>'method' = 'text')::int as m_text,
           count(*) filter (where extracted_data->>'method' = 'ocr')::int as m_ocr,
           count(*) filter (where extracted_data->>'method' = 'mixed')::int as m_mixed,
           avg(processing_time_ms)::float8 as avg_ms,
           percentile_cont(array[0.5, 0.95]) within group (order by processing_time_ms::float8) as p
         from analytics.margin_reports where created_at >= $1 and created_at < $2`,
        range(w),
      );
      const r = row ?? {};
      return {
        total: Number(r.total ?? 0),
        byStatus: {
          pending: Number(r.pending ?? 0),
          approved: Number(r.approved ?? 0),
          rejected: Number(r.rejected ?? 0),
        },
        needsReview: Number(r.needs_review ?? 0),
        avgConfidence: num(r.avg_confidence),
        avgQuality: num(r.avg_quality),
        methods: { text: Number(r.m_text ?? 0), ocr: Number(r.m_ocr ?? 0), mixed: Number(r.m_mixed ?? 0) },
        avgMs: num(r.avg_ms),
        p50Ms: num((r.p as unknown[] | null | undefined)?.[0]),
        p95Ms: num((r.p as unknown[] | null | undefined)?.[1]),
      };
    },

    async turnaround(w): Promise<TurnaroundStats> {
      const d = msBetween('created_at', 'decided_at');
      const [row] = await db.query<Record<string, unknown>>(
        // Both percentiles from one sort (an array of fractions), not one sort each.
        `select count(*)::int as decided, avg(${d}) as avg_ms,
           percentile_cont(array[0.5, 0.95]) within group (order by ${d}) as p
         from analytics.margin_reports
         where decided_at is not null and decided_at >= $1 and decided_at < $2`,
        range(w),
      );
      const p = row?.p as unknown[] | null | undefined;
      return {
        decided: Number(row?.decided ?? 0),
        avgMs: num(row?.avg_ms),
        p50Ms: num(p?.[0]),
        p95Ms: num(p?.[1]),
      };
    },

    async rejectReasons(w) {
      const rows = await db.query<{ key: string; n: number }>(
        `select coalesce(decision_reason_code, 'unspecified') as key, count(*)::int as n
         from analytics.margin_reports
         where validation_status = 'rejected' and decided_at >= $1 and decided_at < $2
         group by 1 order by n desc, key`,
        range(w),
      );
      return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
    },

    async ingestionHealth(w): Promise<IngestionHealth> {
      const d = msBetween('created_at', 'processed_at');
      const [row] = await db.query<Record<string, unknown>>(
        `select count(*) filter (where status in ('processed', 'duplicate'))::int as succeeded,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'dead')::int as dead,
           count(*) filter (where status in ('received', 'queued', 'processing'))::int as in_flight,
           avg(${d}) filter (where status = 'processed') as avg_ms,
           percentile_cont(0.95) within group (order by ${d}) filter (where status = 'processed') as p95_ms
         from analytics.ingestions where created_at >= $1 and created_at < $2`,
        range(w),
      );
      return {
        succeeded: Number(row?.succeeded ?? 0),
        failed: Number(row?.failed ?? 0),
        dead: Number(row?.dead ?? 0),
        inFlight: Number(row?.in_flight ?? 0),
        avgMs: num(row?.avg_ms),
        p95Ms: num(row?.p95_ms),
      };
    },

    async reportsPerDay(w, tz): Promise<DailyPoint[]> {
      const rows = await db.query<{ day: string; reports: number; avg_quality: unknown }>(
        `select to_char((created_at at time zone $3)::date, 'YYYY-MM-DD') as day, count(*)::int as reports,
           avg(data_quality_score)::float8 as avg_quality
         from analytics.margin_reports where created_at >= $1 and created_at < $2
         group by 1 order by 1`,
        [...range(w), tz],
      );
      return rows.map((r) => ({ day: r.day, reports: Number(r.reports), avgQuality: num(r.avg_quality) }));
    },

    async pendingWithThreads(limit, scope) {
      const f = reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: 2 });
      const rows = await db.query<Record<string, unknown>>(
        `select r.id, r.account_number, to_char(r.report_date, 'YYYY-MM-DD') as report_day, r.created_at, r.needs_review,
           r.source_file_name, i.platform, i.channel_id, i.thread_ref, i.reply_ref, count(*) over ()::int as total
         from analytics.margin_reports r left join analytics.ingestions i on i.id = r.ingestion_id
         where r.validation_status = 'pending' and ${f.sql}
         order by r.created_at asc, r.account_number
         limit $1`,
        [limit, ...f.params],
      );
      const items = rows.map(toPendingItem);
      return { items, total: Number(rows[0]?.total ?? 0) };
    },

    async thinnestCushions(limit, scope): Promise<CushionItem[]> {
      const f = reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: 2 });
      const rows = await db.query<Record<string, unknown>>(
        `select account_number, report_day, currency, excess, requirement, excess / requirement as ratio
         from (${LATEST_PER_ACCOUNT} and ${f.sql} order by r.account_number, r.report_date desc) latest
         where requirement > 0 and excess is not null
         order by excess / requirement asc, account_number
         limit $1`,
        [limit, ...f.params],
      );
      return rows.map(toCushionItem);
    },

    async totalsAsOf(asOf, scope): Promise<CurrencyTotals[]> {
      const f = reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: 2 });
      const rows = await db.query<Record<string, unknown>>(
        `select currency, coalesce(sum(equity), 0)::float8 as equity, coalesce(sum(requirement), 0)::float8 as requirement,
           count(*)::int as accounts
         from (${LATEST_PER_ACCOUNT} and r.report_date <= $1::date and ${f.sql}
           order by r.account_number, r.report_date desc) latest
         group by currency order by currency`,
        [asOf, ...f.params],
      );
      return rows.map((r) => ({
        currency: String(r.currency),
        equity: Number(r.equity),
        requirement: Number(r.requirement),
        accounts: Number(r.accounts),
      }));
    },

    async reportsByAccount(w, limit, scope): Promise<CountRow[]> {
      const f = reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: 4 });
      return db.query<CountRow>(
        `select account_number as key, count(*)::int as n from analytics.margin_reports r
         where created_at >= $1 and created_at < $2 and ${f.sql} group by 1 order by n desc, key limit $3`,
        [...range(w), limit, ...f.params],
      );
    },

    async reportsByUploader(w, limit): Promise<CountRow[]> {
      return db.query<CountRow>(
        `select coalesce(created_by, 'unknown') as key, count(*)::int as n from analytics.margin_reports
         where created_at >= $1 and created_at < $2 group by 1 order by n desc, key limit $3`,
        [...range(w), limit],
      );
    },

    async featureUse(w): Promise<CountRow[]> {
      return db.query<CountRow>(
        `select action as key, count(*)::int as n from analytics.audit_events
         where at >= $1 and at < $2 group by 1 order by n desc, key`,
        range(w),
      );
    },

    async lastDigestSent(scope) {
      const [row] = await db.query<{ at: Date | string | null }>(
        `select max(at) as at from analytics.audit_events
         where action = 'digest.sent' and ($1::text is null or context->>'scope' = $1)`,
        [scope ?? null],
      );
      return row?.at ? new Date(row.at) : undefined;
    },

    async recentDigests(limit) {
      const rows = await db.query<{ action: string; entity_id: string; at: Date | string; posted: unknown }>(
        `select action, entity_id, at, context->'posted' as posted from analytics.audit_events
         where action in ('digest.sent', 'digest.weekly_sent') order by at desc limit $1`,
        [limit],
      );
      return rows.map((r) => ({
        kind: r.action === 'digest.weekly_sent' ? ('weekly' as const) : ('daily' as const),
        day: r.entity_id.replace(/^(daily|weekly):/, ''),
        at: iso(r.at),
        posted: Array.isArray(r.posted) ? r.posted.filter((p): p is string => typeof p === 'string') : [],
      }));
    },

    async ingestionQueue(): Promise<QueueDepth> {
      const [row] = await db.query<Record<string, unknown>>(
        `select count(*) filter (where status in ('received', 'queued'))::int as queued,
           count(*) filter (where status = 'processing')::int as active,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'dead')::int as dead
         from analytics.ingestions where status in ('received', 'queued', 'processing', 'failed', 'dead')`,
      );
      return {
        queued: Number(row?.queued ?? 0),
        active: Number(row?.active ?? 0),
        failed: Number(row?.failed ?? 0),
        deadLettered: Number(row?.dead ?? 0),
      };
    },
  };
}
