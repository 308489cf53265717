import type { ConversationRef, Platform } from './chat.ports.ts';

/** Where uploaded PDFs are archived, addressed by their content hash. */
export interface FileStorage {
  readonly kind: 'local' | 'supabase';
  put(bytes: Uint8Array, opts: { contentType: string; extension: string }): Promise<{ key: string; hash: string }>;
  get(key: string): Promise<Uint8Array>;
  ping(): Promise<void>;
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

export type FetcherRegistry = Partial<Record<Platform, FileFetcher>>;
