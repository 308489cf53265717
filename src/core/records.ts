import type { MarginReport } from './report/report.schema.ts';

/** Rows as the core sees them; the store maps its columns onto these. */
export type ReportStatus = 'pending' | 'approved' | 'rejected';

export interface StoredReport {
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
  created_at: string;
  updated_at: string;
  ingestion_id: string | null;
  needs_review: boolean;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** The reject reason code (issue 14): wrong_account, wrong_date, wrong_value, duplicate, not_a_margin_report, other. */
  decision_reason_code?: string | null;
  version: number;
  /** Since when it waits for a decision: created_at, or when Replace made it pending again (issue 14). */
  pending_since?: string;
}

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
