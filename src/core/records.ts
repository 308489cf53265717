import type { MarginReport } from './report/report.schema.ts';

/**
 * Uploads, Replace/Keep conflicts and audit events as the core sees them (the report itself is in
 * report/report.model.ts). The repositories in src/store map their SQL rows onto these.
 */
export type IngestionStatus = 'received' | 'queued' | 'processing' | 'processed' | 'duplicate' | 'failed' | 'dead';

export interface Ingestion {
  id: string;
  createdAt: string;
  platform: string;
  sourceRef: string;
  fileName: string;
  fileSize: number | null;
  fileHash: string | null;
  storageKey: string | null;
  sourceUrl: string | null;
  channelId: string | null;
  threadRef: string | null;
  replyRef: string | null;
  uploadedBy: string | null;
  status: IngestionStatus;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  duplicateOf: string | null;
  processedAt: string | null;
}

export interface ReportConflict {
  id: string;
  ingestionId: string;
  existingReportId: string;
  candidate: MarginReport;
  status: 'open' | 'replaced' | 'kept';
  decidedBy: string | null;
  decidedAt: string | null;
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
