import type { MarginCall } from '../calls/calls.port.ts';
import type { Card, CardBlock } from '../cards/card.model.ts';
import { duplicateCard, failedCard, readingCard, summaryCard } from '../cards/report.cards.ts';
import { approvalsNeeded, type TrustPolicy } from '../decisions/trust.policy.ts';
import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { ConversationRef, GatewayRegistry, Platform, Repositories } from '../ports.ts';
import type { Report, ReportConflict } from '../report/report.model.ts';
import { changeBlocks, changeSince } from './change.since.ts';

/**
 * The one path by which an upload's summary message changes. Ingest, the worker's retries and every
 * click (Slack, Teams, console) end here: core decides the card and tells the upload's own platform
 * gateway to post or update it. Adapters never refresh a summary themselves.
 */
export interface SummaryDeps {
  repos: Repositories;
  gateways: GatewayRegistry;
  logger: { warn(o: object, m?: string): void };
  /** Issue 14: dual approval and change flags; the card shows neither without it. */
  trust?: TrustPolicy | undefined;
}

/** What the caller has just written: the card is built from these instead of reading them back. */
export interface Written {
  /** Every report of the upload (the worker knows them all after its transaction). */
  reports?: Report[];
  /** One report just changed (a decision or an edit): it replaces its stored copy on the card. */
  report?: Report;
  conflicts?: { conflict: ReportConflict; existing: Report | undefined }[];
  /**
   * Issue 14: each report's last approved predecessor, as the writer looked it up for its change
   * flags (undefined = none): the card's Δ then needs no second lookup.
   */
  priors?: ReadonlyMap<string, Report | undefined>;
  /** Issue 15: the margin call an approval just opened for `report`: shown without reading it back. */
  call?: MarginCall;
  /** Issue 14: approvals an edit just took back, per report: the card says whose. */
  approvalsReset?: ReadonlyMap<string, readonly string[]>;
}

export const conversationOf = (i: Ingestion): ConversationRef => ({
  platform: i.platform as Platform,
  channelId: i.channelId ?? '',
  threadRef: i.threadRef ?? undefined,
});

/** The summary card of an upload as it now stands. */
export async function renderSummary(
  deps: Pick<SummaryDeps, 'repos' | 'trust'> & { now?: (() => Date) | undefined },
  ingestion: Ingestion,
  written: Written = {},
): Promise<Card> {
  if (ingestion.status === 'failed' || ingestion.status === 'dead') {
    return failedCard(ingestion.fileName, ingestion.errorMessage ?? 'The file could not be processed.');
  }
  if (ingestion.status === 'duplicate' && ingestion.duplicateOf) {
    const first = await deps.repos.ingestions.findById(ingestion.duplicateOf);
    if (first) return duplicateCard(ingestion.fileName, first);
  }
  if (ingestion.status !== 'processed') return readingCard(ingestion.fileName);
  const changed = written.report;
  // The store lists an upload's reports by account; a list handed in is put in the same order.
  const reports = (
    written.reports
      ? [...written.reports].sort((a, b) =>
          a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0,
        )
      : await deps.repos.reports.byIngestion(ingestion.id)
  ).map((r) => (changed && r.id === changed.id ? changed : r));
  const withExisting =
    written.conflicts ??
    (await Promise.all(
      (
        await deps.repos.conflicts.byIngestion(ingestion.id)
      ).map(async (conflict) => ({
        conflict,
        existing: await deps.repos.reports.findById(conflict.existingReportId),
      })),
    ));
  // Issue 14: approvals so far of reports that need two, and the change since each account's last approved report.
  const approvals = await deps.repos.approvals.byReports(
    reports.filter((r) => r.status === 'pending').map((r) => r.id),
  );
  const changes = new Map<string, CardBlock[]>();
  const flagged = new Set<string>();
  const priors = new Map<string, Report>();
  for (const r of reports) {
    const prior = written.priors?.has(r.id)
      ? written.priors.get(r.id)
      : await deps.repos.reports.lastApprovedBefore(r.accountNumber, r.reportDate);
    if (!prior) continue;
    priors.set(r.id, prior);
    const change = changeSince(r, prior, deps.trust?.flags);
    changes.set(r.id, changeBlocks(change, r.extracted.currency));
    if (change.flags.length > 0) flagged.add(r.id);
  }
  // Who decided, by name where their platform told us it.
  const deciders = [
    ...reports.map((r) => r.decidedBy),
    ...withExisting.map((c) => c.conflict.decidedBy),
    ...[...approvals.values()].flat().map((a) => a.approver),
    ...[...(written.approvalsReset?.values() ?? [])].flat(),
  ].filter((u): u is string => Boolean(u));
  const names = deciders.length > 0 ? await deps.repos.people.names(deciders).catch(() => undefined) : undefined;
  // Issue 15: the calls approvals opened, shown with their actions under their reports.
  const byReport = new Map<string, MarginCall>();
  for (const r of reports) {
    if (r.status !== 'approved') continue;
    const call = written.call?.reportId === r.id ? written.call : await deps.repos.calls.byReport(r.id);
    if (call) byReport.set(r.id, call);
  }
  return summaryCard(
    ingestion,
    reports,
    withExisting,
    names,
    { byReport, now: deps.now?.() ?? new Date() },
    {
      approvals,
      changes,
      flagged,
      priors,
      needed: (r) => approvalsNeeded(deps.trust, r.extracted),
      ...(written.approvalsReset ? { reset: written.approvalsReset } : {}),
    },
  );
}

/** Posts or updates the upload's one summary message on the platform it came from. */
export async function showSummary(deps: SummaryDeps, ingestion: Ingestion, body: Card): Promise<void> {
  const gateway = deps.gateways[ingestion.platform as Platform];
  if (!gateway) return;
  const to = conversationOf(ingestion);
  if (ingestion.replyRef) {
    await gateway.update(to, ingestion.replyRef, body);
    return;
  }
  const posted = await gateway.post(to, body);
  await deps.repos.ingestions.setReply(ingestion.id, posted.messageRef);
  ingestion.replyRef = posted.messageRef;
}

/**
 * After a click or an edit: the card from what was just written, shown to everyone in place.
 * The decision is already committed, so a chat failure here is logged, not thrown: the clicker
 * still gets the card in the answer and the next change shows it again.
 */
export async function refreshSummary(deps: SummaryDeps, ingestion: Ingestion, written: Written = {}): Promise<Card> {
  const card = await renderSummary(deps, ingestion, written);
  await showSummary(deps, ingestion, card).catch((err: unknown) => {
    deps.logger.warn({ err, ingestionId: ingestion.id }, 'could not update the summary message');
  });
  return card;
}
