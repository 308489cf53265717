import { textCard } from '../cards/card.model.ts';
import { failedCard, readingCard } from '../cards/report.cards.ts';
import { AppError } from '../errors.ts';
import { formatMegabytes } from '../format.ts';
import type { ConversationRef, Platform } from '../ports/chat.ports.ts';
import type { IngestDeps } from './ingest.deps.ts';
import type { Ingestion } from './ingestion.model.ts';

export interface Upload {
  platform: Platform;
  /** The platform's id for the file: the key that makes Slack's retries and duplicate events one upload. */
  sourceRef: string;
  fileName: string;
  fileSize?: number | null;
  sourceUrl?: string | null;
  /** Bytes already in hand (console, CLI): archived now instead of downloaded by the worker. */
  bytes?: Uint8Array;
  channelId: string;
  threadRef?: string | null;
  uploadedBy: string;
}

export const isPdfName = (name: string, mimetype?: string | null) =>
  /\.pdf$/i.test(name) || mimetype === 'application/pdf';

/**
 * Takes an upload: records it, answers "reading…" in the thread, and queues the work.
 * Returns at once; a retried event finds the ingestion it made before and does nothing.
 */
export async function receiveUpload(
  deps: IngestDeps,
  upload: Upload,
): Promise<{ ingestion: Ingestion; created: boolean }> {
  const gateway = deps.gateways[upload.platform];
  const to: ConversationRef = {
    platform: upload.platform,
    channelId: upload.channelId,
    threadRef: upload.threadRef ?? undefined,
  };
  if (upload.fileSize && upload.fileSize > deps.limits.maxFileBytes) {
    // Refused before anything is downloaded.
    await gateway?.post(
      to,
      failedCard(
        upload.fileName,
        `The file is ${formatMegabytes(upload.fileSize)}; the limit is ${formatMegabytes(deps.limits.maxFileBytes)}.`,
      ),
    );
    throw new AppError('input.too_large', `The file is larger than ${formatMegabytes(deps.limits.maxFileBytes)}.`);
  }
  let stored: { key: string; hash: string } | undefined;
  if (upload.bytes) stored = await deps.storage.put(upload.bytes, { contentType: 'application/pdf', extension: 'pdf' });
  const { created, ingestion } = await deps.repos.ingestions.record({
    platform: upload.platform,
    sourceRef: upload.sourceRef,
    fileName: upload.fileName,
    fileSize: upload.fileSize ?? upload.bytes?.byteLength ?? null,
    sourceUrl: upload.sourceUrl ?? null,
    storageKey: stored?.key ?? null,
    fileHash: stored?.hash ?? null,
    channelId: upload.channelId,
    threadRef: upload.threadRef ?? null,
    uploadedBy: upload.uploadedBy,
  });
  if (!created) return { ingestion, created };
  if (gateway) {
    try {
      const posted = await gateway.post(to, readingCard(upload.fileName));
      await deps.repos.ingestions.setReply(ingestion.id, posted.messageRef);
      ingestion.replyRef = posted.messageRef;
    } catch (err) {
      // The summary will be posted as a new message instead of an update; the upload is not lost.
      deps.logger.warn({ err, ingestionId: ingestion.id }, 'could not post the reading reply');
    }
  }
  await deps.queue.enqueueIngestion(ingestion.id);
  await deps.repos.ingestions.setStatus(ingestion.id, 'queued');
  return { ingestion: { ...ingestion, status: 'queued' }, created };
}

export const notPdfNotice = (fileName: string) =>
  textCard('Not a PDF', `${fileName} is not a PDF, so MarginIQ left it alone.`);
