import { alertCalls } from '../alerts/alerts.usecases.ts';
import type { Card } from '../cards/card.model.ts';
import { duplicateCard, failedCard } from '../cards/report.cards.ts';
import { AppError, isAppError, toAppError } from '../errors.ts';
import { layoutMemoryOf } from '../memory/layout-memory.usecases.ts';
import type { Platform } from '../ports/chat.ports.ts';
import { finishReport } from '../report/report.finish.ts';
import type { Report, ReportConflict } from '../report/report.model.ts';
import type { MarginReport } from '../report/report.schema.ts';
import { withChangeFlags } from '../summary/change.since.ts';
import { conversationOf, renderSummary, showSummary } from '../summary/summary.usecases.ts';
import type { IngestDeps } from './ingest.deps.ts';
import type { Ingestion } from './ingestion.model.ts';
import { createProgressReporter } from './progress.reporter.ts';
import { progressCard } from './progress.text.ts';

/**
 * Issue 17 item 5: the "Reading…" reply follows the extraction's own progress reports (the ones the
 * CLI prints on stderr), updated in place by whichever process runs the worker, paced and rate-limit
 * aware (progress.reporter.ts). Nothing when there is no reply to update.
 */
function progressOf(deps: IngestDeps, ingestion: Ingestion) {
  const gateway = deps.gateways[ingestion.platform as Platform];
  const ref = ingestion.replyRef;
  if (!gateway || !ref) return undefined;
  const to = conversationOf(ingestion);
  return createProgressReporter({
    show: (p) => gateway.update(to, ref, progressCard(ingestion.fileName, p), { progress: true }),
    clock: deps.clock ?? (() => performance.now()),
    ...(deps.progressEveryMs === undefined ? {} : { everyMs: deps.progressEveryMs }),
    logger: deps.logger,
  });
}

/**
 * The stored copy is gone and the platform cannot give it again (a console upload, no download link):
 * permanent, so the thread says so at once.
 */
const fileNotHere = (cause: unknown) =>
  new AppError(
    'input.file_unavailable',
    'The stored copy of this file is not in this server’s file storage, and it cannot be downloaded again. Share the PDF again. (Several MarginIQ servers need shared file storage: Supabase Storage.)',
    { cause },
  );

/** The summary card of an upload as it stands in the store (a retry, a command that shows it again). */
export const renderIngestion = (deps: Pick<IngestDeps, 'repos'>, ingestion: Ingestion): Promise<Card> =>
  renderSummary(deps, ingestion);

/** Missing account or date cannot key a stored report: a placeholder keeps it reviewable and editable. */
function storable(r: MarginReport, ingestion: Ingestion) {
  const account = r.account_number ?? `UNKNOWN-${ingestion.id.slice(0, 8).toUpperCase()}`;
  const date = r.report_date ?? ingestion.createdAt.slice(0, 10);
  return {
    ...r,
    account_number: account,
    report_date: date,
    needs_review: r.needs_review || !r.account_number || !r.report_date,
  };
}

/**
 * The worker's use-case. Safe to run again after a crash at any point: files are content-addressed,
 * reports are keyed by account and date and remember their ingestion, and the summary is an update
 * of one message — so a rerun ends with the same rows and one summary.
 */
export async function processIngestion(
  deps: IngestDeps,
  ingestionId: string,
): Promise<'processed' | 'duplicate' | 'failed'> {
  const current = await deps.repos.ingestions.findById(ingestionId);
  if (!current) throw new AppError('internal', `ingestion ${ingestionId} does not exist`);
  if (current.status === 'processed' || current.status === 'duplicate') {
    await showSummary(deps, current, await renderIngestion(deps, current));
    if (current.status === 'processed')
      await alertCalls(deps, conversationOf(current), await deps.repos.reports.byIngestion(current.id));
    return current.status;
  }
  const ingestion = (await deps.repos.ingestions.startAttempt(ingestionId)) ?? current;
  let committed = false;
  try {
    const fetcher = deps.fetchers[ingestion.platform as Platform];
    const fetchAndStore = async () => {
      if (!fetcher) throw new AppError('download.failed', `No way to download files from ${ingestion.platform}.`);
      const downloaded = await fetcher.download(
        { url: ingestion.sourceUrl, size: ingestion.fileSize },
        deps.limits.maxFileBytes,
      );
      const stored = await deps.storage.put(downloaded, { contentType: 'application/pdf', extension: 'pdf' });
      await deps.repos.ingestions.setFile(ingestion.id, {
        hash: stored.hash,
        storageKey: stored.key,
        size: downloaded.byteLength,
      });
      ingestion.fileHash = stored.hash;
      ingestion.storageKey = stored.key;
      return downloaded;
    };
    let bytes: Uint8Array;
    if (!ingestion.storageKey) bytes = await fetchAndStore();
    else {
      try {
        bytes = await deps.storage.get(ingestion.storageKey);
      } catch (err) {
        // Issue 18 item 10: a retry on a replica whose file storage lacks the PDF (local storage on
        // another replica's disk) fetches it again from the platform, or ends now with a sentence:
        // four retries and a dead letter would never find the file either.
        if (!isAppError(err) || err.code !== 'storage.not_found') throw err;
        if (!fetcher || !ingestion.sourceUrl) throw fileNotHere(err);
        deps.logger.warn({ ingestionId: ingestion.id }, 'stored PDF not in this file storage; downloading it again');
        bytes = await fetchAndStore();
      }
    }
    if (ingestion.fileHash) {
      const first = await deps.repos.ingestions.firstProcessedWithHash(ingestion.fileHash, ingestion.id);
      if (first) {
        await deps.repos.ingestions.markDuplicate(ingestion.id, first.id);
        await showSummary(deps, ingestion, duplicateCard(ingestion.fileName, first));
        return 'duplicate';
      }
    }
    const progress = progressOf(deps, ingestion);
    // The last progress update has landed before the summary (or the refusal) replaces it.
    const outcome = await deps.extractor
      .extract({
        bytes,
        fileName: ingestion.fileName,
        ...(progress ? { onProgress: progress.report } : {}),
        // Issue 16: the service always reads with what approvers' corrections taught about known layouts.
        memory: layoutMemoryOf(deps.repos.layouts),
      })
      .finally(() => progress?.settle());
    const checkedAt = new Date();
    const reports = outcome.readings.map((r) => finishReport(r, { now: checkedAt }));
    const written = await deps.uow(async (repos) => {
      const fresh: Report[] = [];
      // Everything the summary shows, as the transaction wrote or found it: the card needs no re-read.
      const mine: Report[] = [];
      const conflicts: { conflict: ReportConflict; existing: Report }[] = [];
      // Each stored report's predecessor, looked up once here and handed to the card (issue 14).
      const priors = new Map<string, Report | undefined>();
      for (const r of reports) {
        const base = storable(r, ingestion);
        // Issue 14: a threshold flag against the account's true predecessor is a stored review reason.
        const prior = await repos.reports.lastApprovedBefore(base.account_number, base.report_date);
        const report = withChangeFlags(base, prior, deps.trust?.flags);
        const res = await repos.reports.insertOrGetExisting({
          report,
          createdBy: ingestion.uploadedBy,
          ingestionId: ingestion.id,
        });
        if (res.report.ingestionId === ingestion.id && !mine.some((m) => m.id === res.report.id)) {
          mine.push(res.report);
          priors.set(res.report.id, prior);
        }
        if (res.created) {
          fresh.push(res.report);
          await repos.audit.append({
            actor: ingestion.uploadedBy ?? 'system',
            action: 'report.created',
            entityType: 'margin_report',
            entityId: res.report.id,
            after: report,
            context: { ingestion_id: ingestion.id, file_name: ingestion.fileName },
          });
        } else if (res.report.ingestionId !== ingestion.id) {
          const conflict = await repos.conflicts.open({
            ingestionId: ingestion.id,
            existingReportId: res.report.id,
            candidate: report,
          });
          if (!conflicts.some((c) => c.conflict.id === conflict.id)) conflicts.push({ conflict, existing: res.report });
        }
      }
      await repos.ingestions.setResult(ingestion.id, {
        method: outcome.method,
        pages: outcome.pages,
        processing_time_ms: outcome.processing_time_ms,
        reports: reports.length,
      });
      await repos.ingestions.setStatus(ingestion.id, 'processed');
      return { fresh, mine, conflicts, priors };
    });
    committed = true;
    if (written.fresh.length > 0 || written.conflicts.length > 0)
      deps.queueChanged?.({ ingestionIds: [ingestion.id], reportIds: written.mine.map((r) => r.id) });
    const done = { ...ingestion, status: 'processed' as const };
    await showSummary(
      deps,
      done,
      await renderSummary(deps, done, { reports: written.mine, conflicts: written.conflicts, priors: written.priors }),
    );
    await alertCalls(deps, conversationOf(done), written.fresh);
    return 'processed';
  } catch (err) {
    const e = toAppError(err);
    // After the commit only the chat post can have failed: the retry finds 'processed' and posts the summary.
    if (committed) throw e;
    if (e.permanent) {
      // An unreadable PDF is an answer, not a failure to retry.
      await deps.repos.ingestions.setStatus(ingestion.id, 'failed', { errorCode: e.code, errorMessage: e.message });
      await showSummary(deps, ingestion, failedCard(ingestion.fileName, e.message));
      return 'failed';
    }
    await deps.repos.ingestions.setStatus(ingestion.id, 'queued', { errorCode: e.code, errorMessage: e.message });
    throw e;
  }
}

/** Gives up on an upload after its last retry: the thread says so, the digest and /margin health list it. */
export async function deadLetterIngestion(deps: IngestDeps, ingestionId: string, reason: string): Promise<void> {
  const ingestion = await deps.repos.ingestions.findById(ingestionId);
  if (!ingestion || ingestion.status === 'processed' || ingestion.status === 'duplicate') return;
  await deps.repos.ingestions.setStatus(ingestionId, 'dead', { errorCode: 'job.dead_lettered', errorMessage: reason });
  await showSummary(
    deps,
    ingestion,
    failedCard(
      ingestion.fileName,
      'MarginIQ could not finish this file after several tries. An admin has been told; the file is kept.',
    ),
  ).catch(() => {});
}
