import type { ExtractionOutcome, ExtractionProgress } from '../contract/reading.ts';
import type { ReportScope } from './access/scope.ts';
import type { CallsRepository } from './calls/calls.port.ts';
import type { Card } from './cards/card.model.ts';
import type { HomeViewer, HomeViewersRepository } from './home/home.port.ts';

/** Where uploaded PDFs are archived, addressed by their content hash. */
export interface FileStorage {
  readonly kind: 'local' | 'supabase';
  put(bytes: Uint8Array, opts: { contentType: string; extension: string }): Promise<{ key: string; hash: string }>;
  get(key: string): Promise<Uint8Array>;
  ping(): Promise<void>;
}

/** A place a message lives: enough for any platform to reply in the thread or update it. */
export interface ConversationRef {
  platform: Platform;
  channelId: string;
  threadRef?: string | undefined;
}

export type Platform = 'slack' | 'teams' | 'console';

export interface PostedMessage {
  messageRef: string;
  /**
   * Issue 17: the simpler form the platform took when it refused the native one (`table`: no native
   * charts or sortable tables; `fields`: no tables either; `text`: no cards). Absent when native.
   */
  fallback?: 'table' | 'fields' | 'text';
}

/** What the core needs from a chat platform. Each adapter implements it; the core never sees an SDK. */
export interface ChatGateway {
  readonly platform: Platform;
  post(to: ConversationRef, card: Card): Promise<PostedMessage>;
  /**
   * `progress`: a best-effort step of work in progress (issue 17), dropped by the caller if it fails:
   * the adapter does not wait out rate limits for it but fails fast, with `details.retryAfterMs` when
   * the platform said how long to wait.
   */
  update(to: ConversationRef, messageRef: string, card: Card, opts?: { progress?: boolean }): Promise<void>;
  /** A message only one user sees (refusals). Platforms without it post a normal reply. */
  postEphemeral(to: ConversationRef, userId: string, card: Card): Promise<void>;
  uploadFile(
    to: ConversationRef,
    file: { name: string; bytes: Uint8Array; contentType: string; title?: string; comment?: string },
  ): Promise<void>;
  /**
   * Issue 17: draws a person's home again where it was last drawn (Slack: App Home's views.publish;
   * Teams and the console: the home card's message, updated in place). `gone`: it cannot be drawn
   * there any more (no message to update), and is forgotten.
   */
  refreshHome?(home: HomeViewer, card: Card): Promise<'drawn' | 'gone'>;
}

// ---- Repositories: the store implements these; the core only sees the interfaces. ----

import type { LayoutDocument } from '../extraction/extractor.ts';
import type { LayoutMemory } from '../extraction/memory/memory.recall.ts';
import type { Role } from './access/roles.ts';
import type { AuditEvent } from './audit/audit.model.ts';
import type { Ingestion, IngestionStatus } from './ingest/ingestion.model.ts';
import type { LayoutsRepository } from './memory/layouts.port.ts';
import type { Report, ReportConflict, ReportStatus } from './report/report.model.ts';
import type { MarginReport } from './report/report.schema.ts';

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

/** A role given in chat (`/margin role`): the platform-qualified user and the role. */
export interface RoleGrant {
  user: string;
  role: Role;
}

export interface RolesRepository {
  get(user: string): Promise<Role | undefined>;
  set(user: string, role: Role, by: string): Promise<void>;
  list(): Promise<RoleGrant[]>;
}

export type SubscriptionKind = 'digest' | 'weekly' | 'alerts';

/** A conversation that asked for a kind of post (`/margin digest here`). */
export interface Subscription {
  platform: string;
  channelId: string;
}

export interface SubscriptionsRepository {
  subscribe(platform: string, channelId: string, kind: SubscriptionKind, by: string): Promise<boolean>;
  unsubscribe(platform: string, channelId: string, kind: SubscriptionKind): Promise<boolean>;
  list(kind: SubscriptionKind): Promise<Subscription[]>;
}

/** Channels an admin marked with `/margin channel risk`: the whole book may be posted there (issue 18). */
export interface RiskChannelsRepository {
  isRisk(platform: string, channelId: string): Promise<boolean>;
  /** True when it changed. */
  mark(platform: string, channelId: string, by: string): Promise<boolean>;
  /** True when it changed. */
  unmark(platform: string, channelId: string): Promise<boolean>;
}

export interface EventsRepository {
  /** Marks the key done for good: true the first time (alerts, reminders, welcomes: posted once). */
  claim(key: string): Promise<boolean>;
  /**
   * Takes a chat event for its handler (issue 18): true when it is new, or when an earlier claim
   * was released or is older than `leaseSeconds` (a replica crashed mid-handler).
   */
  begin(key: string, leaseSeconds: number): Promise<boolean>;
  /** The handler finished: the key is done and every redelivery is ignored. */
  finish(key: string): Promise<void>;
  /** The handler failed: the claim is dropped, so a redelivery is handled. */
  release(key: string): Promise<void>;
  /** Forgets keys recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** One message of the local console's conversation as stored (issue 17): the page is read back from these. */
export interface ConsoleRecord {
  id: string;
  channelId: string;
  threadRef?: string | undefined;
  /** 'bot', or the platform-qualified user who wrote it. */
  from: string;
  /** Ephemeral: only this user sees it. */
  visibleTo?: string | undefined;
  card?: Card | undefined;
  text?: string | undefined;
  html: string;
  /** `key`: where its bytes are in FileStorage, so the link outlives the process (issue 17). */
  file?: { url: string; name: string; contentType: string; size: number; key?: string | undefined } | undefined;
  at: string;
  updatedAt?: string | undefined;
}

/** The console's conversation, shared by every process on the database (the page's process and workers). */
export interface ConsoleMessagesRepository {
  /** Stores a new message; returns its rev. */
  add(m: ConsoleRecord): Promise<number>;
  /** Replaces a message's card (the summary changing in place); its rev, or undefined when there is no such message. */
  update(id: string, change: { card: Card; html: string; updatedAt: string }): Promise<number | undefined>;
  /** The channel's last `limit` messages, oldest first, and the highest rev there is. */
  recent(channelId: string, limit: number): Promise<{ messages: (ConsoleRecord & { rev: number })[]; rev: number }>;
  /** Messages added or changed after `rev`, in rev order. */
  changedSince(rev: number, limit: number): Promise<(ConsoleRecord & { rev: number })[]>;
}

export interface ConversationsRepository {
  save(platform: string, conversationId: string, reference: unknown): Promise<void>;
  get(platform: string, conversationId: string): Promise<unknown>;
}

/** A file handed to a chat user (an export by link or consent card, a chart), readable by every replica. */
export interface OutgoingFile {
  token: string;
  to: ConversationRef;
  /** Where its bytes are in FileStorage. */
  fileKey: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  title?: string | undefined;
  comment?: string | undefined;
  expiresAt: Date;
}

export interface OutgoingFilesRepository {
  save(file: OutgoingFile): Promise<void>;
  /** The file while its token is valid, else null. */
  get(token: string, now?: Date): Promise<OutgoingFile | null>;
  /** Removes and returns it (a consent answer is acted on once, by one replica), else null. */
  take(token: string, now?: Date): Promise<OutgoingFile | null>;
  /** Forgets expired tokens; returns how many. */
  prune(now?: Date): Promise<number>;
}

/** Display names of platform users (`teams:<aad id>` → "Dana Reyes"), as their platform last sent them. */
export interface PeopleRepository {
  remember(user: string, displayName: string): Promise<void>;
  /** The known names of these users; unknown ones are absent. */
  names(users: string[]): Promise<Map<string, string>>;
}

/** The record of schedule fires: one row per (name, fire time), the election of the replica that runs it. */
export interface ScheduleRunsRepository {
  /** True for exactly one replica per (name, fire time). */
  claim(name: string, fireTime: Date, replica: string): Promise<boolean>;
  finish(
    name: string,
    fireTime: Date,
    replica: string,
    result: { outcome: 'ok' | 'failed'; durationMs: number; detail?: unknown },
  ): Promise<void>;
  /** Forgets fires before `before`; returns how many. */
  prune(before: Date): Promise<number>;
  /** Other replicas that claimed a fire since then: how one replica sees the others (issue 18). */
  otherReplicasSince(replica: string, since: Date): Promise<string[]>;
}

export interface HealthTransition {
  changed: boolean;
  previous: HealthStatus | null;
  previousSince: string | null;
}

/** The last recorded state of each watched thing (the service), for change alerts and uptime. */
export interface HealthStatesRepository {
  record(name: string, status: HealthStatus, detail: unknown): Promise<HealthTransition>;
  current(name: string): Promise<HealthStatus | undefined>;
}

/** Approvals so far of a report that needs two different approvers (issue 14, DUAL_APPROVAL_ABOVE). */
export interface ApprovalsRepository {
  /** Records one approver's approval; false when this approver had already approved. Locks the report row. */
  add(reportId: string, approver: string): Promise<boolean>;
  byReports(reportIds: string[]): Promise<Map<string, { approver: string; at: string }[]>>;
  /** Takes back every approval given so far (the report's figures changed); returns who had approved. */
  clear(reportId: string): Promise<string[]>;
}

/** Settings an admin changes from chat, overriding the environment's default (`/margin four-eyes on|off`). */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, by: string): Promise<void>;
}

/** Reminder and escalation fires of pending reports (issue 14): each once per report. */
export interface RemindersRepository {
  /** True for exactly one caller per (report, kind). */
  claim(reportId: string, kind: 'remind' | 'escalate', at: Date): Promise<boolean>;
  /** Forgets a report's fires: it is pending again (Replace) and is reminded again. */
  reset(reportId: string): Promise<void>;
}

export interface Repositories {
  /** Layout memory (issue 16). */
  layouts: LayoutsRepository;
  approvals: ApprovalsRepository;
  settings: SettingsRepository;
  reminders: RemindersRepository;
  ingestions: IngestionsRepository;
  calls: CallsRepository;
  reports: ReportsRepository;
  conflicts: ConflictsRepository;
  audit: AuditRepository;
  roles: RolesRepository;
  subscriptions: SubscriptionsRepository;
  riskChannels: RiskChannelsRepository;
  events: EventsRepository;
  conversations: ConversationsRepository;
  consoleMessages: ConsoleMessagesRepository;
  outgoingFiles: OutgoingFilesRepository;
  people: PeopleRepository;
  scheduleRuns: ScheduleRunsRepository;
  healthStates: HealthStatesRepository;
  /** Issue 17: where homes were drawn, drawn again when the queue changes. */
  homeViewers: HomeViewersRepository;
}

/** Runs work in one database transaction, handing it repositories bound to that transaction. */
export type UnitOfWork = <T>(fn: (repos: Repositories) => Promise<T>) => Promise<T>;

// ---- Work that leaves the request: extraction, the durable queue, downloads. ----

// What extraction returns (readings, not reports: core's `finishReport` runs the rules on each) is
// typed in src/contract/, since extraction imports nothing from core.
export type { ExtractionOutcome, ExtractionProgress };

export interface Extractor {
  extract(input: {
    bytes: Uint8Array;
    fileName: string;
    onProgress?: (p: ExtractionProgress) => void;
    /** Layout memory (issue 16): rules approvers taught for known layouts; absent, extraction uses none. */
    memory?: LayoutMemory | undefined;
  }): Promise<ExtractionOutcome>;
  /** A document's lines and page sizes, for layout memory to learn an approver's correction from. */
  readLayout?(bytes: Uint8Array): Promise<LayoutDocument>;
  ocrReady(): boolean;
}

export interface JobQueue {
  /** Keyed by ingestion id: enqueueing the same upload twice makes one job. */
  enqueueIngestion(ingestionId: string): Promise<void>;
  depth(): Promise<{ queued: number; active: number; failed: number; deadLettered: number }>;
}

/** Fetches the bytes of an upload from its platform (Slack private URL, Teams download URL, Graph). */
/** Where the platform keeps an upload's bytes: what a downloader needs, rather than the ingestion row. */
export interface FileSource {
  /** The platform's download address (Slack url_private_download, a Teams downloadUrl or Graph share). */
  url: string | null;
  /** The size the platform announced, when it did. */
  size: number | null;
}

export interface FileFetcher {
  download(file: FileSource, maxBytes: number): Promise<Uint8Array>;
}

export type GatewayRegistry = Partial<Record<Platform, ChatGateway>>;
export type FetcherRegistry = Partial<Record<Platform, FileFetcher>>;

// ---- Health: one report shared by /health, /margin health, the console and the digest. ----

export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface HealthReport {
  status: HealthStatus;
  checks: Record<string, { status: HealthStatus; detail?: string; latency_ms?: number }>;
  version: string;
  uptime_s: number;
  platforms: string[];
}

export interface HealthSource {
  check(): Promise<HealthReport>;
}
