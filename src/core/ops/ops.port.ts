/**
 * What the service knows about its own operation (issue 15, part 3): the recent problems
 * `/margin health` lists, and the weekly archive verification. The store implements it.
 */

/** One thing that went wrong, as the store has it; core words it (problems.ts). */
export interface ProblemRow {
  kind: 'upload_failed' | 'upload_dead' | 'schedule_failed' | 'health' | 'archive';
  /** ISO timestamp. */
  at: string;
  /** The file, schedule or check it concerns. */
  subject: string | null;
  /** The stored reason: an error message, a health status. */
  reason: string | null;
  /** The rest of what the store holds: the failing checks of a health state, an archive check's counts. */
  detail: unknown;
}

/** A file in file storage and what refers to it: the uploads that stored it and their reports. */
export interface StoredFile {
  key: string;
  /** The SHA-256 recorded when it was stored (it is also the key: storage is content-addressed). */
  hash: string;
  fileNames: string[];
  /** "ACCOUNT · YYYY-MM-DD" of each report read from it. */
  reports: string[];
}

/** A report whose source file storage has no record of. */
export interface UnfiledReport {
  report: string;
  fileName: string | null;
}

export interface ArchiveFinding {
  /** The storage key; null for a report with no stored file recorded. */
  key: string | null;
  file: string;
  reports: string[];
  reason: string;
}

export interface ArchiveCheck {
  id: number;
  /** ISO timestamp. */
  at: string;
  checked: number;
  missing: ArchiveFinding[];
  changed: ArchiveFinding[];
}

export interface OpsRepository {
  /** The last warnings and errors from every source, newest first. */
  recentProblems(limit: number): Promise<ProblemRow[]>;
  /** Every stored file once, oldest first. */
  storedFiles(): Promise<StoredFile[]>;
  /** Reports whose upload recorded no stored file (or that name no upload). */
  unfiledReports(): Promise<UnfiledReport[]>;
  recordArchiveCheck(check: Omit<ArchiveCheck, 'id'>): Promise<ArchiveCheck>;
  /** The latest archive check at or after `since` (any, without it). */
  lastArchiveCheck(since?: Date): Promise<ArchiveCheck | undefined>;
}
