import type { MarginCall } from '../calls/calls.port.ts';
import type { Card, CardBlock } from '../cards/card.model.ts';
import { duplicateCard, failedCard, readingCard, summaryCard } from '../cards/report.cards.ts';
import { approvalsNeeded, type TrustPolicy } from '../decisions/trust.policy.ts';
import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../ports/chat.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
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

/**
 * What the caller has just written, or read inside its own transaction: the card is built from these
 * instead of reading them back. Whatever is absent is read.
 */
export interface Written {
  /** Every report of the upload (the worker knows them all after its transaction; a decision read them before it wrote). */
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
  /** Issue 15: the margin call of each report given (undefined = none); the approved reports not given are read. */
  calls?: ReadonlyMap<string, MarginCall | undefined>;
  /** Issue 14: the approvals so far of every pending report of the upload (absent = none): not read when given. */
  approvals?: ReadonlyMap<string, readonly { approver: string }[]>;
  /** Issue 14: approvals an edit just took back, per report: the card says whose. */
  approvalsReset?: ReadonlyMap<string, readonly string[]>;
  /** Display names the caller holds (the clicker's, from the platform payload): only the other deciders' are read. */
  names?: ReadonlyMap<string, string>;
}

/** The upload's card as it stands, read once by a writer inside its transaction before it writes. */
export type SummaryState = Required<Pick<Written, 'reports' | 'conflicts' | 'approvals' | 'priors' | 'calls'>>;

export const conversationOf = (i: Ingestion): ConversationRef => ({
  platform: i.platform as Platform,
  channelId: i.channelId ?? '',
  threadRef: i.threadRef ?? undefined,
});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The store lists an upload's reports by account, then date; a list handed in is put in the same order. */
const byAccount = (reports: Report[]) =>
  [...reports].sort((a, b) => compare(a.accountNumber, b.accountNumber) || compare(a.reportDate, b.reportDate));

/**
 * What the card shows besides the upload itself: each part as the caller gave it, the rest read.
 * `callsOf` names pending reports whose call is read too (a decision about to approve one).
 */
async function stateOf(
  repos: Repositories,
  ingestionId: string,
  written: Written,
  callsOf: readonly string[] = [],
): Promise<SummaryState> {
  const changed = written.report;
  const reports = (written.reports ? byAccount(written.reports) : await repos.reports.byIngestion(ingestionId)).map(
    (r) => (changed && r.id === changed.id ? changed : r),
  );
  const conflicts =
    written.conflicts ??
    (await Promise.all(
      (
        await repos.conflicts.byIngestion(ingestionId)
      ).map(async (conflict) => ({
        conflict,
        existing: await repos.reports.findById(conflict.existingReportId),
      })),
    ));
  // Issue 14: approvals so far of reports that need two, and the change since each account's last approved report.
  const pending = reports.filter((r) => r.status === 'pending').map((r) => r.id);
  let approvals: ReadonlyMap<string, readonly { approver: string }[]>;
  if (written.approvals) {
    const given = new Map<string, readonly { approver: string }[]>();
    for (const id of pending) {
      const list = written.approvals.get(id);
      if (list && list.length > 0) given.set(id, list);
    }
    approvals = given;
  } else approvals = await repos.approvals.byReports(pending);
  const priors = new Map<string, Report | undefined>();
  for (const r of reports) {
    priors.set(
      r.id,
      written.priors?.has(r.id)
        ? written.priors.get(r.id)
        : await repos.reports.lastApprovedBefore(r.accountNumber, r.reportDate),
    );
  }
  // Issue 15: the calls approvals opened, shown with their actions under their reports.
  const calls = new Map<string, MarginCall | undefined>();
  for (const r of reports) {
    if (r.status !== 'approved' && !callsOf.includes(r.id)) continue;
    calls.set(
      r.id,
      written.call?.reportId === r.id
        ? written.call
        : written.calls?.has(r.id)
          ? written.calls.get(r.id)
          : await repos.calls.byReport(r.id),
    );
  }
  return { reports, conflicts, approvals, priors, calls };
}

/**
 * The upload's card as it stands, read once inside a decision's or an edit's transaction before it
 * writes; the writer then hands it back with what it wrote on top, and the card is built without a re-read.
 * `deciding` is a pending report the writer may approve: its call (a replaced report keeps one) is read too.
 */
export function readSummaryState(repos: Repositories, ingestionId: string, deciding?: string): Promise<SummaryState> {
  return stateOf(repos, ingestionId, {}, deciding ? [deciding] : []);
}

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
  const { reports, conflicts, approvals, priors: priorOf, calls } = await stateOf(deps.repos, ingestion.id, written);
  const changes = new Map<string, CardBlock[]>();
  const flagged = new Set<string>();
  const priors = new Map<string, Report>();
  for (const r of reports) {
    const prior = priorOf.get(r.id);
    if (!prior) continue;
    priors.set(r.id, prior);
    const change = changeSince(r, prior, deps.trust?.flags);
    changes.set(r.id, changeBlocks(change, r.extracted.currency));
    if (change.flags.length > 0) flagged.add(r.id);
  }
  // Who decided, by name where their platform told us it (the clicker's from the click itself).
  const deciders = [
    ...reports.map((r) => r.decidedBy),
    ...conflicts.map((c) => c.conflict.decidedBy),
    ...[...approvals.values()].flat().map((a) => a.approver),
    ...[...(written.approvalsReset?.values() ?? [])].flat(),
  ].filter((u): u is string => Boolean(u));
  const unknown = [...new Set(deciders)].filter((u) => !written.names?.has(u));
  const read = unknown.length > 0 ? await deps.repos.people.names(unknown).catch(() => undefined) : undefined;
  const names = deciders.length === 0 ? undefined : written.names ? new Map([...(read ?? []), ...written.names]) : read;
  const byReport = new Map<string, MarginCall>();
  for (const r of reports) {
    const call = r.status === 'approved' ? calls.get(r.id) : undefined;
    if (call) byReport.set(r.id, call);
  }
  return summaryCard(
    ingestion,
    reports,
    conflicts,
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
