import type { MarginReport } from './report.schema.ts';

export type ReportStatus = 'pending' | 'approved' | 'rejected';

/**
 * A stored margin report as the core works with it: the extracted report (its figures are
 * `extracted.fields`, a map keyed by field name) and where it stands in review. The store maps its
 * SQL rows onto this (src/store/repositories/reports.repository.ts); the core never sees a column.
 */
export interface Report {
  id: string;
  accountNumber: string;
  /** YYYY-MM-DD. */
  reportDate: string;
  /** What extraction read (and an editor corrected): figures, currency, confidence, evidence, issues. */
  extracted: MarginReport;
  /** Overall extraction confidence, 0..1. */
  confidence: number | null;
  qualityScore: number | null;
  status: ReportStatus;
  /** Who shared the file it came from (platform-qualified), when known. */
  createdBy: string | null;
  processingTimeMs: number | null;
  sourceFileName: string | null;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  ingestionId: string | null;
  needsReview: boolean;
  /** Set by an approval or rejection; cleared when Replace makes the report pending again. */
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The reject reason code (issue 14): wrong_account, wrong_date, wrong_value, duplicate, not_a_margin_report, other. */
  decisionReasonCode?: string | null;
  /** Bumped by every write: an edit names the version it was made on. */
  version: number;
  /** Since when it waits for a decision: createdAt, or when Replace made it pending again (issue 14). */
  pendingSince?: string;
}

/** A Replace/Keep choice: an upload that brought another report for an account and date already stored. */
export interface ReportConflict {
  id: string;
  ingestionId: string;
  existingReportId: string;
  candidate: MarginReport;
  status: 'open' | 'replaced' | 'kept';
  decidedBy: string | null;
  decidedAt: string | null;
}
