import type { Access, Permission, Role } from '../access/roles.ts';
import type { AlertDeps } from '../alerts/alerts.usecases.ts';
import { applyApproval } from '../calls/calls.usecases.ts';
import { type Card, textCard } from '../cards/card.model.ts';
import { displayUser, formatWhen } from '../format.ts';
import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { Platform } from '../ports/chat.ports.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';
import { withFreshChangeFlags } from '../summary/change.since.ts';
import { readSummaryState, type SummaryState, type Written } from '../summary/summary.usecases.ts';
import { approvalsNeeded, fourEyesOn, isRejectReasonCode, type TrustPolicy, uploaderOf } from './trust.policy.ts';

export interface DecideDeps extends AlertDeps {
  repos: Repositories;
  uow: UnitOfWork;
  access: Access;
  now?: () => Date;
  /** CALL_DUE_DAYS (default 1): business days to a call's due date when the document prints none. */
  callDueDays?: number;
  /** FOUR_EYES and DUAL_APPROVAL_ABOVE (issue 14); four-eyes is on when this is absent. */
  trust?: TrustPolicy;
}

/** What an action leads to: a notice for the clicker, and/or the upload whose summary changed. */
export interface ActionResult {
  notice?: Card;
  /** The upload whose one summary message core updates in place, with what was just written to it. */
  summary?: { ingestion: Ingestion; written?: Written };
  /**
   * Other uploads whose summaries changed too (issue 15: a call this approval met, on an earlier report;
   * issue 14: a later report re-flagged against it), each with its card's state and what was written to it.
   */
  also?: NonNullable<ActionResult['summary']>[];
}

export const summaryOf = (ingestion: Ingestion | undefined, written?: Written): ActionResult['summary'] =>
  ingestion ? { ingestion, ...(written ? { written } : {}) } : undefined;

export const refused = (needed: Role, what: string): ActionResult => ({
  notice: textCard(
    'Not allowed',
    `Only ${needed}s and admins can ${what}. Ask an admin for the ${needed} role.`,
    'warning',
  ),
});

export async function ingestionOf(repos: Repositories, ingestionId: string | null) {
  return ingestionId ? repos.ingestions.findById(ingestionId) : undefined;
}

export const reportGone = () => textCard('Not found', 'That report no longer exists.', 'warning');

export async function guard(deps: DecideDeps, user: string, permission: Permission): Promise<ActionResult | undefined> {
  if (await deps.access.can(user, permission)) return undefined;
  return refused(
    'approver',
    permission === 'replace' || permission === 'keep' ? 'resolve duplicate reports' : `${permission} reports`,
  );
}

/** Approve or reject: once. A double click or a retried request finds the decision and changes nothing. */
export async function decideReport(
  deps: DecideDeps,
  input: {
    user: string;
    reportId: string;
    decision: 'approved' | 'rejected';
    reason?: string | null;
    /** A reject reason code (issue 14). */
    code?: string | null;
  },
): Promise<ActionResult> {
  const denied = await guard(deps, input.user, input.decision === 'approved' ? 'approve' : 'reject');
  if (denied) return denied;
  const policy = deps.trust ?? { fourEyes: true };
  return deps.uow(async (repos) => {
    const before = await repos.reports.findById(input.reportId);
    if (!before) return { notice: reportGone() };
    // The upload is read once; its card is then built from this and what the decision writes, never read back.
    const ingestion = await ingestionOf(repos, before.ingestionId);
    const already = (): ActionResult => ({
      notice: textCard(
        'Already decided',
        `This report was already ${before.status} by ${displayUser(before.decidedBy)} at ${formatWhen(before.decidedAt)}.`,
      ),
    });
    // Decided before this click: the card shows that decision, read as it stands (nothing here wrote it).
    if (before.status !== 'pending') return { ...already(), summary: summaryOf(ingestion) };
    if (input.decision === 'approved') {
      // Issue 14, four-eyes: the sharer's own Approve is refused in one line, and nothing changes. Admins too.
      if (uploaderOf(before, ingestion) === input.user && (await fourEyesOn(repos, policy))) {
        return {
          notice: textCard('Four-eyes', 'You shared this report, so someone else must approve it.', 'warning'),
        };
      }
    }
    // The upload's card as it stands, read before this decision writes anything.
    const state = ingestion ? await readSummaryState(repos, ingestion.id, before.id) : undefined;
    let approvals = state?.approvals;
    // Issue 14, dual approval: a call or deficit above DUAL_APPROVAL_ABOVE needs two different approvers.
    if (input.decision === 'approved' && approvalsNeeded(policy, before.extracted) === 2) {
      const added = await repos.approvals.add(before.id, input.user);
      if (!added) {
        return {
          notice: textCard(
            'Already approved by you',
            'This report needs a second approval from someone else.',
            'warning',
          ),
        };
      }
      // Read after add() took the report's lock: the approvals others committed meanwhile count too.
      const given = (await repos.approvals.byReports([before.id])).get(before.id) ?? [];
      await repos.audit.append({
        actor: input.user,
        action: 'report.approval_given',
        entityType: 'margin_report',
        entityId: before.id,
        after: { approvals: given.length, needed: 2 },
      });
      approvals = new Map(approvals).set(before.id, given);
      if (given.length < 2) return { summary: summaryOf(ingestion, state && { ...state, approvals }) };
    }
    const code = input.decision === 'rejected' && isRejectReasonCode(input.code) ? input.code : null;
    const after = await repos.reports.decide({
      id: input.reportId,
      status: input.decision,
      by: input.user,
      reason: input.reason ?? null,
      code,
    });
    // Someone else decided it since it was read: the card shows their decision, read as it now stands.
    if (!after) return { ...already(), summary: summaryOf(ingestion) };
    await repos.audit.append({
      actor: input.user,
      action: input.decision === 'approved' ? 'report.approved' : 'report.rejected',
      entityType: 'margin_report',
      entityId: after.id,
      before: { validation_status: before.status },
      after: {
        validation_status: after.status,
        decided_by: after.decidedBy,
        decided_at: after.decidedAt,
        ...(code ? { reason_code: code } : {}),
      },
      reason: input.reason ?? null,
      ...(code ? { context: { reason_code: code } } : {}),
    });
    // Issue 15: an approval opens the report's margin call and meets the account's earlier ones.
    const written: Written = { ...(state ?? {}), ...(approvals ? { approvals } : {}), report: after };
    const others = otherCards(repos, after.ingestionId);
    if (input.decision === 'approved') {
      const at = (deps.now ?? (() => new Date()))();
      const effects = await applyApproval(repos, after, {
        actor: input.user,
        at,
        callDueDays: deps.callDueDays ?? 1,
        beforeMove: async (call) => {
          if (!state?.reports.some((r) => r.id === call.reportId)) await others.read(call.reportId);
        },
      });
      const calls = new Map(state?.calls);
      // A report approved again after a Replace keeps the call it had; else the one this approval opened, if any.
      calls.set(after.id, effects.opened ?? state?.calls.get(after.id));
      for (const call of effects.resolved) {
        // A call this approval met shows as it was just moved, on this card or on its own upload's.
        const moved = (w: SummaryState) => ({ calls: new Map(w.calls).set(call.reportId, call) });
        if (!others.write(call.reportId, moved)) calls.set(call.reportId, call);
      }
      written.calls = calls;
      // Issue 14: approved after later-dated reports arrived, it is now their true predecessor.
      const reflagged = await reflagSuccessors(repos, after, deps.trust, at, (later) =>
        later.ingestionId === after.ingestionId ? Promise.resolve() : others.read(later.id, later.ingestionId),
      );
      for (const later of reflagged)
        others.write(later.id, (w) => ({ reports: w.reports.map((r) => (r.id === later.id ? later : r)) }));
      if (state) {
        written.reports = state.reports.map((r) => reflagged.find((l) => l.id === r.id) ?? r);
        written.priors = withPredecessor(state, after);
      }
    }
    const also = others.changed();
    return { summary: summaryOf(ingestion, written), ...(also.length > 0 ? { also } : {}) };
  });
}

/**
 * Issue 14: an approved report becomes the last approved predecessor of the account's later-dated
 * reports on the same card whose predecessor was older (or none), as the store would now answer.
 */
function withPredecessor(state: SummaryState, approved: Report): Map<string, Report | undefined> {
  const priors = new Map(state.priors);
  for (const r of state.reports) {
    if (r.accountNumber !== approved.accountNumber || r.reportDate <= approved.reportDate) continue;
    const prior = priors.get(r.id);
    if (!prior || prior.reportDate < approved.reportDate) priors.set(r.id, approved);
  }
  return priors;
}

/**
 * Issue 14: the pending reports of the account dated after an approved one, whose true predecessor it
 * now is, get their stored change flags computed again against it (review reason, needs_review).
 * Returns those that changed, as written: their summaries show it.
 */
async function reflagSuccessors(
  repos: Repositories,
  approved: Report,
  trust: TrustPolicy | undefined,
  now: Date,
  beforeUpdate: (later: Report) => Promise<void>,
): Promise<Report[]> {
  const changed: Report[] = [];
  for (const later of await repos.reports.pendingAfter(approved.accountNumber, approved.reportDate)) {
    const prior = await repos.reports.lastApprovedBefore(later.accountNumber, later.reportDate);
    if (prior?.id !== approved.id) continue; // another approved report lies between them
    const data = withFreshChangeFlags(later.extracted, prior, trust?.flags, now);
    if (
      data.needs_review === later.extracted.needs_review &&
      JSON.stringify(data.issues) === JSON.stringify(later.extracted.issues)
    )
      continue;
    await beforeUpdate(later);
    const updated = await repos.reports.updateData({ id: later.id, data, expectedVersion: later.version });
    if (!updated) continue;
    await repos.audit.append({
      actor: 'system',
      action: 'report.change_flags_recomputed',
      entityType: 'margin_report',
      entityId: later.id,
      before: { needs_review: later.extracted.needs_review, issues: later.extracted.issues },
      after: { needs_review: data.needs_review, issues: data.issues },
      context: { predecessor_id: approved.id, predecessor_date: approved.reportDate },
    });
    changed.push(updated);
  }
  return changed;
}

/**
 * Issue 14/15: the cards of other uploads an approval changes, each read once inside the approval's
 * transaction before the write that changes it (`read`), then built from that and the writes. The
 * approval itself is already written then: their predecessor lookups answer with it, as after commit.
 */
function otherCards(repos: Repositories, own: string | null) {
  const cards = new Map<string, { ingestion: Ingestion; state: SummaryState }>();
  const uploadOf = new Map<string, string>();
  const written = new Set<string>();
  return {
    /** Reads the card of a report's upload (looked up when not given), once per upload. */
    async read(reportId: string, ingestionId?: string | null): Promise<void> {
      const id = ingestionId !== undefined ? ingestionId : (await repos.reports.findById(reportId))?.ingestionId;
      if (!id || id === own) return;
      uploadOf.set(reportId, id);
      if (cards.has(id)) return;
      const ingestion = await ingestionOf(repos, id);
      if (ingestion) cards.set(id, { ingestion, state: await readSummaryState(repos, id) });
    },
    /** Puts a write on the card of a report read through `read`; false when it is on none. */
    write(reportId: string, change: (state: SummaryState) => Partial<SummaryState>): boolean {
      const id = uploadOf.get(reportId);
      const card = id ? cards.get(id) : undefined;
      if (!id || !card) return false;
      card.state = { ...card.state, ...change(card.state) };
      written.add(id);
      return true;
    },
    /** The cards something was written to, with their state and the writes. */
    changed: () =>
      [...written].flatMap((id) => {
        const card = cards.get(id);
        return card ? [{ ingestion: card.ingestion, written: card.state }] : [];
      }),
  };
}

export const platformOf = (user: string) => user.split(':')[0] as Platform;
