/**
 * An upload as the core sees it: where it came from, where its bytes are, how far processing got.
 * src/store/repositories/ingestions.repository.ts maps the ingestions rows onto it (toIngestion).
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
