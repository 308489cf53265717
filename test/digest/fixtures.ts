import type { CompleteReport } from '../../src/core/ports/reports.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import type { ExtractionMethod } from '../../src/core/report/report.schema.ts';
import type { Db } from '../../src/store/db.ts';

export interface ReportSeed {
  account: string;
  date: string;
  equity?: number;
  requirement?: number;
  excess?: number;
  call?: number;
  currency?: string;
  method?: ExtractionMethod;
  confidence?: number;
  quality?: number;
  ms?: number;
  needsReview?: boolean;
  createdAt?: Date;
  status?: 'pending' | 'approved' | 'rejected';
  decidedAt?: Date;
  by?: string;
  file?: string;
  /** Records an upload (with its thread) the report came from. */
  thread?: { platform: 'slack' | 'teams'; channelId: string; threadRef: string };
}

export function reportData(s: ReportSeed): CompleteReport {
  const fields: CompleteReport['fields'] = {};
  if (s.equity !== undefined) fields.total_equity = s.equity;
  if (s.requirement !== undefined) fields.maintenance_requirement = s.requirement;
  if (s.excess !== undefined) fields.excess_liquidity = s.excess;
  if (s.call !== undefined) fields.margin_call = s.call;
  return {
    source_file_name: s.file ?? `${s.account}-${s.date}.pdf`,
    account_number: s.account,
    report_date: s.date,
    currency: s.currency ?? 'USD',
    broker: 'Test Broker',
    fields,
    confidence: { overall: s.confidence ?? 0.9, fields: {} },
    data_quality_score: s.quality ?? 0.9,
    needs_review: s.needsReview ?? false,
    issues: [],
    method: s.method ?? 'text',
    pages: 1,
    processing_time_ms: s.ms ?? 500,
  };
}

let seq = 0;

/** Inserts a report as the pipeline would, then moves its timestamps and decision where the test wants them. */
export async function seedReport(db: Db, repos: Repositories, s: ReportSeed) {
  let ingestionId: string | null = null;
  if (s.thread) {
    const { ingestion } = await repos.ingestions.record({
      platform: s.thread.platform,
      sourceRef: `F${++seq}-${s.account}-${s.date}`,
      fileName: s.file ?? `${s.account}.pdf`,
      channelId: s.thread.channelId,
      threadRef: s.thread.threadRef,
      uploadedBy: s.by ?? 'slack:UUPLOADER',
    });
    await repos.ingestions.setStatus(ingestion.id, 'processed');
    ingestionId = ingestion.id;
  }
  const { report } = await repos.reports.insertOrGetExisting({
    report: reportData(s),
    createdBy: s.by ?? 'slack:UUPLOADER',
    ingestionId,
  });
  if (s.createdAt) {
    await db.query('update analytics.margin_reports set created_at = $2 where id = $1', [
      report.id,
      s.createdAt.toISOString(),
    ]);
  }
  if (s.status && s.status !== 'pending') {
    await db.query(
      `update analytics.margin_reports set validation_status = $2, decided_by = 'slack:UAPPROVER', decided_at = $3 where id = $1`,
      [report.id, s.status, (s.decidedAt ?? new Date()).toISOString()],
    );
  }
  return report;
}

export async function seedIngestion(
  db: Db,
  repos: Repositories,
  s: {
    status: 'processed' | 'failed' | 'dead' | 'received' | 'queued';
    createdAt: Date;
    processedAt?: Date;
    error?: string;
  },
) {
  const { ingestion } = await repos.ingestions.record({
    platform: 'slack',
    sourceRef: `F${++seq}-ing`,
    fileName: `upload-${seq}.pdf`,
    channelId: 'C0DIGEST',
    threadRef: `1700000000.${String(seq).padStart(6, '0')}`,
    uploadedBy: 'slack:UUPLOADER',
  });
  if (s.status !== 'received') {
    await repos.ingestions.setStatus(
      ingestion.id,
      s.status,
      s.error ? { errorCode: 'extraction.corrupt_pdf', errorMessage: s.error } : {},
    );
  }
  await db.query('update analytics.ingestions set created_at = $2, processed_at = $3 where id = $1', [
    ingestion.id,
    s.createdAt.toISOString(),
    s.processedAt?.toISOString() ??
      (s.status === 'received' || s.status === 'queued' ? null : s.createdAt.toISOString()),
  ]);
  return ingestion;
}

/** A gateway that records what it was asked to post. */
export function recordingGateway(
  platform: 'slack' | 'teams' = 'slack',
  /** `fallback`: the simpler form the platform says it took (issue 17), as a refusing workspace would. */
  opts: { fail?: boolean; fallback?: 'table' | 'fields' | 'text' } = {},
) {
  const posts: {
    to: { platform: string; channelId: string };
    card: import('../../src/core/cards/card.model.ts').Card;
  }[] = [];
  const uploads: { to: { platform: string; channelId: string }; name: string; bytes: Uint8Array }[] = [];
  let n = 0;
  return {
    posts,
    uploads,
    gateway: {
      platform,
      async post(to: { platform: string; channelId: string }, card: import('../../src/core/cards/card.model.ts').Card) {
        if (opts.fail) throw new Error('chat API down');
        posts.push({ to, card });
        return { messageRef: `m${++n}`, ...(opts.fallback ? { fallback: opts.fallback } : {}) };
      },
      async update() {},
      async postEphemeral() {},
      async uploadFile(to: { platform: string; channelId: string }, file: { name: string; bytes: Uint8Array }) {
        uploads.push({ to, name: file.name, bytes: file.bytes });
      },
    },
  };
}

export const silentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
};
