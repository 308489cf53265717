import type { MarginReport } from './report/report.schema.ts';

/** Ingestions, conflicts and audit events as the core sees them. */
export type IngestionStatus = 'received' | 'queued' | 'processing' | 'processed' | 'duplicate' | 'failed' | 'dead';

export interface Ingestion {
  id: string;
  created_at: string;
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
  processed_at: string | null;
}

export interface ReportConflict {
  id: string;
  ingestion_id: string;
  existing_report_id: string;
  candidate: MarginReport;
  status: 'open' | 'replaced' | 'kept';
  decided_by: string | null;
  decided_at: string | null;
}

export interface AuditEvent {
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  context?: unknown;
}

export type Role = 'viewer' | 'analyst' | 'approver' | 'admin';
