import { textCard } from '../cards/card.model.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { Report, ReportConflict } from '../report/report.model.ts';
import { readSummaryState, type SummaryState, type Written } from '../summary/summary.usecases.ts';
import { type ActionResult, type DecideDeps, guard, ingestionOf, summaryOf } from './decide.usecases.ts';

/** Replace / Keep existing on a report whose account and date already had one. */
export async function resolveConflict(
  deps: DecideDeps,
  input: { user: string; conflictId: string; choice: 'replaced' | 'kept' },
): Promise<ActionResult> {
  const denied = await guard(deps, input.user, input.choice === 'replaced' ? 'replace' : 'keep');
  if (denied) return denied;
  return deps.uow(async (repos) => {
    const open = await repos.conflicts.findById(input.conflictId);
    // The upload is read once; its card is then built from this and what the choice writes, never read back.
    const ingestion = await ingestionOf(repos, open?.ingestionId ?? null);
    // Resolved before this click (or by a click that won the race below): the card shows that choice,
    // read as it stands (nothing here wrote it).
    const already = (): ActionResult => ({
      notice: textCard('Already resolved', 'This duplicate was already resolved.'),
      summary: summaryOf(ingestion),
    });
    if (open?.status !== 'open') return already();
    // The upload's card as it stands, read before this choice writes anything.
    const state = ingestion ? await readSummaryState(repos, ingestion.id) : undefined;
    const { before, prior } = input.choice === 'replaced' ? await replacing(repos, state, open) : {};
    const conflict = await repos.conflicts.resolve(open.id, input.choice, input.user);
    if (!conflict) return already();
    if (input.choice === 'kept') {
      await repos.audit.append({
        actor: input.user,
        action: 'report.kept',
        entityType: 'report_conflict',
        entityId: conflict.id,
        after: { status: 'kept' },
      });
      return { summary: summaryOf(ingestion, state && { ...state, conflicts: resolved(state, conflict) }) };
    }
    const after = await repos.reports.replace({
      id: conflict.existingReportId,
      data: conflict.candidate,
      ingestionId: conflict.ingestionId,
      by: input.user,
    });
    // Pending again with other figures: reminded again from now, and no approval given to the old ones counts.
    await repos.reminders.reset(conflict.existingReportId);
    const approvalsTaken = await repos.approvals.clear(conflict.existingReportId);
    await repos.audit.append({
      actor: input.user,
      action: 'report.replaced',
      entityType: 'margin_report',
      entityId: conflict.existingReportId,
      before: before?.extracted,
      after: after?.extracted,
      context: {
        conflict_id: conflict.id,
        previous_ingestion_id: before?.ingestionId,
        ...(approvalsTaken.length > 0 ? { approvals_reset: approvalsTaken } : {}),
      },
    });
    return { summary: summaryOf(ingestion, state && after && replacedOn(state, conflict, after, prior)) };
  });
}

/**
 * What a Replace reads before it writes: the report replaced, and its predecessor, as it joins this card
 * pending (the store's answer does not depend on the report's own status; on the card already, it is known).
 */
async function replacing(
  repos: Repositories,
  state: SummaryState | undefined,
  conflict: ReportConflict,
): Promise<{ before?: Report | undefined; prior?: Report | undefined }> {
  const onCard = state?.conflicts.find((c) => c.conflict.id === conflict.id);
  const before = onCard ? onCard.existing : await repos.reports.findById(conflict.existingReportId);
  if (!before || !state) return { before };
  const prior = state.priors.has(before.id)
    ? state.priors.get(before.id)
    : await repos.reports.lastApprovedBefore(before.accountNumber, before.reportDate);
  return { before, prior };
}

/** The card's conflicts with the one just resolved as written. */
function resolved(state: SummaryState, conflict: ReportConflict, existing?: Report) {
  return state.conflicts.map((c) =>
    c.conflict.id === conflict.id
      ? { conflict, existing: existing ?? c.existing }
      : existing && c.conflict.existingReportId === existing.id
        ? { ...c, existing }
        : c,
  );
}

/**
 * The card after a Replace: the replaced report, pending and without approvals, moves onto this
 * upload's card. Approved until now, it was the predecessor of this card's later reports of its
 * account; one report per account and date, so theirs becomes its own predecessor.
 */
function replacedOn(state: SummaryState, conflict: ReportConflict, after: Report, prior: Report | undefined): Written {
  const onCard = state.reports.some((r) => r.id === after.id);
  const reports = onCard ? state.reports.map((r) => (r.id === after.id ? after : r)) : [...state.reports, after];
  const priors = new Map(state.priors);
  for (const [id, p] of priors) if (p?.id === after.id) priors.set(id, prior);
  priors.set(after.id, prior);
  const approvals = new Map(state.approvals);
  approvals.delete(after.id);
  return { ...state, reports, conflicts: resolved(state, conflict, after), priors, approvals };
}
