import { textCard } from '../cards/card.model.ts';
import { type ActionResult, type DecideDeps, guard, summaryOf } from './decide.usecases.ts';

/** Replace / Keep existing on a report whose account and date already had one. */
export async function resolveConflict(
  deps: DecideDeps,
  input: { user: string; conflictId: string; choice: 'replaced' | 'kept' },
): Promise<ActionResult> {
  const denied = await guard(deps, input.user, input.choice === 'replaced' ? 'replace' : 'keep');
  if (denied) return denied;
  return deps.uow(async (repos) => {
    const conflict = await repos.conflicts.resolve(input.conflictId, input.choice, input.user);
    if (!conflict) {
      const existing = await repos.conflicts.findById(input.conflictId);
      return {
        notice: textCard('Already resolved', 'This duplicate was already resolved.'),
        summary: summaryOf(existing ? await repos.ingestions.findById(existing.ingestionId) : undefined),
      };
    }
    if (input.choice === 'replaced') {
      const before = await repos.reports.findById(conflict.existingReportId);
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
    } else {
      await repos.audit.append({
        actor: input.user,
        action: 'report.kept',
        entityType: 'report_conflict',
        entityId: conflict.id,
        after: { status: 'kept' },
      });
    }
    // A replaced report moves to this upload: the card reads the upload's reports again, with the conflict as decided.
    return { summary: summaryOf(await repos.ingestions.findById(conflict.ingestionId)) };
  });
}
