import type { ReportScope } from '../access/scope.ts';
import type { ReportStatus } from '../report/report.model.ts';

/** A half-open time window [since, until). */
export interface Window {
  since: Date;
  until: Date;
}

export interface QueueDepth {
  queued: number;
  active: number;
  failed: number;
  deadLettered: number;
}

export interface ReportStats {
  total: number;
  byStatus: Record<ReportStatus, number>;
  needsReview: number;
  avgConfidence: number | null;
  avgQuality: number | null;
  methods: { text: number; ocr: number; mixed: number };
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Time from a report's arrival to its approval or rejection. */
export interface TurnaroundStats {
  decided: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Uploads and what became of them: the seed's success rate and durations. */
export interface IngestionHealth {
  succeeded: number;
  failed: number;
  dead: number;
  inFlight: number;
  /** Upload to summary, processed uploads only. */
  avgMs: number | null;
  p95Ms: number | null;
}

export interface DailyPoint {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  reports: number;
  avgQuality: number | null;
}

/** Where an upload's summary lives, so a digest can point at it. */
export interface ThreadRef {
  platform: string;
  channelId: string;
  threadRef: string | null;
  replyRef: string | null;
}

export interface PendingItem {
  id: string;
  accountNumber: string;
  reportDate: string;
  createdAt: string;
  needsReview: boolean;
  sourceFileName: string | null;
  thread: ThreadRef | null;
}

export interface CushionItem {
  accountNumber: string;
  reportDate: string;
  currency: string;
  excess: number;
  requirement: number;
  /** Excess over requirement: below 0 is a deficit. */
  ratio: number;
}

export interface CurrencyTotals {
  currency: string;
  equity: number;
  requirement: number;
  accounts: number;
}

export interface CountRow {
  key: string;
  n: number;
}

/** A digest that went out (issue 17: the home links to the last ones). */
export interface RecentDigest {
  kind: 'daily' | 'weekly';
  /** The day it covers (daily) or the day its week ends (weekly), YYYY-MM-DD. */
  day: string;
  at: string;
  /** Where it was posted: platform-qualified conversations (`slack:C0123`). */
  posted: string[];
}

/** The read-only SQL behind digests, /margin stats and /margin health. The store implements it. */
export interface AnalyticsRepository {
  reportStats(w: Window): Promise<ReportStats>;
  turnaround(w: Window): Promise<TurnaroundStats>;
  ingestionHealth(w: Window): Promise<IngestionHealth>;
  /** Days with at least one report received; the caller fills the gaps. */
  reportsPerDay(w: Window, tz: string): Promise<DailyPoint[]>;
  /** Pending reports, oldest first, and how many there are in all. */
  pendingWithThreads(limit: number, scope?: ReportScope): Promise<{ items: PendingItem[]; total: number }>;
  /** The latest report of each account, lowest excess/requirement first. */
  thinnestCushions(limit: number, scope?: ReportScope): Promise<CushionItem[]>;
  /** Sum over each account's latest report dated on or before `asOf` (YYYY-MM-DD), per currency. */
  totalsAsOf(asOf: string, scope?: ReportScope): Promise<CurrencyTotals[]>;
  reportsByAccount(w: Window, limit: number, scope?: ReportScope): Promise<CountRow[]>;
  reportsByUploader(w: Window, limit: number): Promise<CountRow[]>;
  /** Rejections decided in the window by reason code (issue 14); `unspecified` for those without one. */
  rejectReasons(w: Window): Promise<CountRow[]>;
  /** Audit actions in the window: approvals, edits, commands, digests. */
  featureUse(w: Window): Promise<CountRow[]>;
  /** When a digest was last posted; scope 'subscribers' counts only digests sent to every subscriber. */
  lastDigestSent(scope?: 'subscribers'): Promise<Date | undefined>;
  /** The digests posted most recently, newest first. */
  recentDigests(limit: number): Promise<RecentDigest[]>;
  /** Queue depth as the ingestions table sees it, for processes without the job queue (the CLI). */
  ingestionQueue(): Promise<QueueDepth>;
}
