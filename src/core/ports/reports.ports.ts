import type { ReportScope } from '../access/scope.ts';
import type { AuditEvent } from '../audit/audit.model.ts';
import type { Ingestion, IngestionStatus } from '../ingest/ingestion.model.ts';
import type { Report, ReportConflict, ReportStatus } from '../report/report.model.ts';
import type { MarginReport } from '../report/report.schema.ts';
import type { Platform } from './chat.ports.ts';

export interface NewIngestion {
  platform: Platform;
  sourceRef: string;
  fileName: string;
  fileSize?: number | null;
  sourceUrl?: string | null;
  storageKey?: string | null;
  fileHash?: string | null;
  channelId?: string | null;
  threadRef?: string | null;
  uploadedBy?: string | null;
}

export interface IngestionsRepository {
  record(input: NewIngestion): Promise<{ created: boolean; ingestion: Ingestion }>;
  findById(id: string): Promise<Ingestion | undefined>;
  setReply(id: string, replyRef: string): Promise<void>;
  setStatus(id: string, status: IngestionStatus, extra?: { errorCode?: string; errorMessage?: string }): Promise<void>;
  startAttempt(id: string): Promise<Ingestion | undefined>;
  setFile(id: string, file: { hash: string; storageKey: string; size: number }): Promise<void>;
  setResult(id: string, result: unknown): Promise<void>;
  firstProcessedWithHash(hash: string, exceptId: string): Promise<Ingestion | undefined>;
  markDuplicate(id: string, of: string): Promise<void>;
  stranded(olderThanSeconds: number): Promise<Ingestion[]>;
  countByStatusSince(since: Date): Promise<Partial<Record<IngestionStatus, number>>>;
  /** Failed and dead-lettered uploads since then; with a scope, those shared where it says (issue 18). */
  failedSince(since: Date, scope?: ReportScope): Promise<Ingestion[]>;
}

export type CompleteReport = MarginReport & { account_number: string; report_date: string };

/**
 * Reads that answer people take an optional ReportScope (issue 18): without one they read the whole
 * book (workers, decisions by id after the scope was checked); with one only what it lets the asker see.
 */
export interface ReportsRepository {
  insertOrGetExisting(input: {
    report: CompleteReport;
    createdBy: string | null;
    ingestionId: string | null;
  }): Promise<{ created: boolean; report: Report }>;
  findById(id: string, scope?: ReportScope): Promise<Report | undefined>;
  findByAccountDate(account: string, date: string, scope?: ReportScope): Promise<Report | undefined>;
  latestForAccount(account: string, scope?: ReportScope): Promise<Report | undefined>;
  /** Issue 17: the account's reports, newest first (`/margin report ACCT`'s history table and chart). */
  history(account: string, limit: number, scope?: ReportScope): Promise<Report[]>;
  byIngestion(ingestionId: string): Promise<Report[]>;
  recent(limit: number, scope?: ReportScope): Promise<Report[]>;
  pending(limit?: number): Promise<Report[]>;
  calls(scope?: ReportScope): Promise<Report[]>;
  inRange(opts: { since: Date; account?: string | undefined; scope?: ReportScope }): Promise<Report[]>;
  /** True when the upload was shared where the scope says (a vote on its summary, issue 18). */
  ingestionVisible(ingestionId: string, scope: ReportScope): Promise<boolean>;
  decide(input: {
    id: string;
    status: Exclude<ReportStatus, 'pending'>;
    by: string;
    reason: string | null;
    /** A reject reason code (issue 14); null for approvals. */
    code?: string | null;
  }): Promise<Report | undefined>;
  /** The approved report of the account dated latest before `date` (issue 14: change since the last report). */
  lastApprovedBefore(account: string, date: string): Promise<Report | undefined>;
  /** Pending reports of the account dated after `date`, earliest first (whose predecessor an approval may change). */
  pendingAfter(account: string, date: string, limit?: number): Promise<Report[]>;
  updateData(input: { id: string; data: MarginReport; expectedVersion: number }): Promise<Report | undefined>;
  replace(input: { id: string; data: MarginReport; ingestionId: string; by: string }): Promise<Report | undefined>;
}

export interface ConflictsRepository {
  open(input: { ingestionId: string; existingReportId: string; candidate: MarginReport }): Promise<ReportConflict>;
  findById(id: string): Promise<ReportConflict | undefined>;
  byIngestion(ingestionId: string): Promise<ReportConflict[]>;
  /** Decides once; undefined when it was already decided. */
  resolve(id: string, status: 'replaced' | 'kept', by: string): Promise<ReportConflict | undefined>;
}

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  forEntity(entityType: string, entityId: string): Promise<(AuditEvent & { at: string })[]>;
  countActionsSince(since: Date): Promise<{ action: string; n: number }[]>;
}

/** Approvals so far of a report that needs two different approvers (issue 14, DUAL_APPROVAL_ABOVE). */
export interface ApprovalsRepository {
  /** Records one approver's approval; false when this approver had already approved. Locks the report row. */
  add(reportId: string, approver: string): Promise<boolean>;
  byReports(reportIds: string[]): Promise<Map<string, { approver: string; at: string }[]>>;
  /** Takes back every approval given so far (the report's figures changed); returns who had approved. */
  clear(reportId: string): Promise<string[]>;
}

/** Reminder and escalation fires of pending reports (issue 14): each once per report. */
export interface RemindersRepository {
  /** True for exactly one caller per (report, kind). */
  claim(reportId: string, kind: 'remind' | 'escalate', at: Date): Promise<boolean>;
  /** Forgets a report's fires: it is pending again (Replace) and is reminded again. */
  reset(reportId: string): Promise<void>;
}
