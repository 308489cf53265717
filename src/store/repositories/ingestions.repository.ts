import type { ReportScope } from '../../core/access/scope.ts';
import type { Ingestion, IngestionStatus } from '../../core/ingest/ingestion.model.ts';
import type { IngestionsRepository, NewIngestion } from '../../core/ports/reports.ports.ts';
import type { Queryable } from '../db.ts';
import { ingestionScopeSql } from './report-scope.sql.ts';

const COLUMNS = `id, created_at, platform, source_ref, file_name, file_size, file_hash, storage_key, source_url, channel_id,
  thread_ref, reply_ref, uploaded_by, status, attempts, error_code, error_message, duplicate_of, processed_at`;

/** A row of analytics.ingestions as `COLUMNS` selects it; the store maps it onto core's Ingestion. */
interface Row {
  id: string;
  created_at: Date | string;
  platform: string;
  source_ref: string;
  file_name: string;
  file_size: number | null;
  file_hash: string | null;
  storage_key: string | null;
  source_url: string | null;
  channel_id: string | null;
  thread_ref: string | null;
  reply_ref: string | null;
  uploaded_by: string | null;
  status: IngestionStatus;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  duplicate_of: string | null;
  processed_at: Date | string | null;
}
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toIngestion = (r: Row): Ingestion => ({
  id: r.id,
  createdAt: iso(r.created_at)!,
  platform: r.platform,
  sourceRef: r.source_ref,
  fileName: r.file_name,
  fileSize: r.file_size,
  fileHash: r.file_hash,
  storageKey: r.storage_key,
  sourceUrl: r.source_url,
  channelId: r.channel_id,
  threadRef: r.thread_ref,
  replyRef: r.reply_ref,
  uploadedBy: r.uploaded_by,
  status: r.status,
  attempts: r.attempts,
  errorCode: r.error_code,
  errorMessage: r.error_message,
  duplicateOf: r.duplicate_of,
  processedAt: iso(r.processed_at),
});

export function createIngestionsRepository(db: Queryable): IngestionsRepository {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await db.query<Row>(sql, params);
    return rows[0] ? toIngestion(rows[0]) : undefined;
  };
  return {
    async record(input: NewIngestion) {
      const created = await one(
        `insert into analytics.ingestions (platform, source_ref, file_name, file_size, source_url, storage_key, file_hash,
           channel_id, thread_ref, uploaded_by, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received')
         on conflict (platform, source_ref) do nothing
         returning ${COLUMNS}`,
        [
          input.platform,
          input.sourceRef,
          input.fileName,
          input.fileSize ?? null,
          input.sourceUrl ?? null,
          input.storageKey ?? null,
          input.fileHash ?? null,
          input.channelId ?? null,
          input.threadRef ?? null,
          input.uploadedBy ?? null,
        ],
      );
      if (created) return { created: true, ingestion: created };
      const existing = await one(
        `select ${COLUMNS} from analytics.ingestions where platform = $1 and source_ref = $2`,
        [input.platform, input.sourceRef],
      );
      if (!existing) throw new Error('ingestion vanished between insert and read');
      return { created: false, ingestion: existing };
    },
    findById: (id: string) => one(`select ${COLUMNS} from analytics.ingestions where id = $1`, [id]),
    async setReply(id: string, replyRef: string) {
      await db.query(
        'update analytics.ingestions set reply_ref = $2, updated_at = now() where id = $1 and reply_ref is null',
        [id, replyRef],
      );
    },
    async setStatus(id: string, status: IngestionStatus, extra: { errorCode?: string; errorMessage?: string } = {}) {
      await db.query(
        `update analytics.ingestions set status = $2, error_code = coalesce($3, error_code),
           error_message = coalesce($4, error_message), updated_at = now(),
           processed_at = case when $2 in ('processed', 'duplicate', 'failed', 'dead') then now() else processed_at end
         where id = $1`,
        [id, status, extra.errorCode ?? null, extra.errorMessage ?? null],
      );
    },
    async startAttempt(id: string) {
      return one(
        `update analytics.ingestions set status = 'processing', attempts = attempts + 1, updated_at = now()
         where id = $1 returning ${COLUMNS}`,
        [id],
      );
    },
    async setFile(id: string, file: { hash: string; storageKey: string; size: number }) {
      await db.query(
        'update analytics.ingestions set file_hash = $2, storage_key = $3, file_size = $4, updated_at = now() where id = $1',
        [id, file.hash, file.storageKey, file.size],
      );
    },
    async setResult(id: string, result: unknown) {
      await db.query('update analytics.ingestions set result = $2, updated_at = now() where id = $1', [
        id,
        JSON.stringify(result),
      ]);
    },
    /** The earliest processed ingestion of the same bytes, other than this one. */
    async firstProcessedWithHash(hash: string, exceptId: string) {
      return one(
        `select ${COLUMNS} from analytics.ingestions
         where file_hash = $1 and id <> $2 and status = 'processed' order by created_at asc limit 1`,
        [hash, exceptId],
      );
    },
    async markDuplicate(id: string, of: string) {
      await db.query(
        `update analytics.ingestions set status = 'duplicate', duplicate_of = $2, processed_at = now(), updated_at = now() where id = $1`,
        [id, of],
      );
    },
    /** Uploads recorded but never handed to the queue (a crash between the two): the sweeper re-enqueues them. */
    async stranded(olderThanSeconds: number) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.ingestions
         where status = 'received' and created_at < now() - make_interval(secs => $1) order by created_at limit 100`,
        [olderThanSeconds],
      );
      return rows.map(toIngestion);
    },
    async countByStatusSince(since: Date) {
      const rows = await db.query<{ status: IngestionStatus; n: number }>(
        'select status, count(*)::int as n from analytics.ingestions where created_at >= $1 group by status',
        [since.toISOString()],
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<IngestionStatus, number>>;
    },
    async failedSince(since: Date, scope?: ReportScope) {
      const f = ingestionScopeSql(scope, { alias: 'i', next: 2 });
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.ingestions i where status in ('failed', 'dead') and created_at >= $1 and ${f.sql}
         order by created_at desc limit 20`,
        [since.toISOString(), ...f.params],
      );
      return rows.map(toIngestion);
    },
  };
}
