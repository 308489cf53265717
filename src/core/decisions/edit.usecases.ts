import type { Permission } from '../access/roles.ts';
import { alertCalls } from '../alerts/alerts.usecases.ts';
import { textCard } from '../cards/card.model.ts';
import { hasCall } from '../cards/report.fields.ts';
import { editForm, rejectForm } from '../cards/report.forms.ts';
import { displayUser, formatWhen } from '../format.ts';
import { recheckReport } from '../report/report.finish.ts';
import type { Report } from '../report/report.model.ts';
import { FIELD_NAMES, type MarginReport } from '../report/report.schema.ts';
import { withChangeFlags } from '../summary/change.since.ts';
import { conversationOf, readSummaryState } from '../summary/summary.usecases.ts';
import {
  type ActionResult,
  type DecideDeps,
  decideReport,
  guard,
  ingestionOf,
  reportGone,
  summaryOf,
} from './decide.usecases.ts';
import { editSubmissionSchema } from './edit.schema.ts';
import { isRejectReasonCode, REJECT_REASON_LABELS } from './trust.policy.ts';

/** Reject and Edit: the forms on a pending report and what their submissions change. */
/**
 * A form opened on a pending report (Reject, Edit), or the refusal: no right to it, no such report,
 * or already decided (in the caller's words).
 */
async function openOnPending<F>(
  deps: DecideDeps,
  input: { user: string; reportId: string },
  permission: Permission,
  decided: (report: Report) => string,
  form: (report: Report) => F,
) {
  const denied = await guard(deps, input.user, permission);
  if (denied) return { result: denied } as const;
  const report = await deps.repos.reports.findById(input.reportId);
  if (!report) return { result: { notice: reportGone() } } as const;
  if (report.status !== 'pending') return { result: { notice: textCard('Already decided', decided(report)) } } as const;
  return { form: form(report), version: report.version } as const;
}

/** Reject (issue 14): the form asking for a reason code and an optional comment, or a refusal. */
export function openReject(deps: DecideDeps, input: { user: string; reportId: string }) {
  return openOnPending(
    deps,
    input,
    'reject',
    (r) => `This report was already ${r.status} by ${displayUser(r.decidedBy)} at ${formatWhen(r.decidedAt)}.`,
    rejectForm,
  );
}

/** The submitted reject form: a known reason code is required, the comment is optional. */
export async function submitReject(
  deps: DecideDeps,
  input: { user: string; reportId: string; code: string | undefined; comment: string | undefined },
): Promise<EditOutcome> {
  if (!isRejectReasonCode(input.code)) {
    return {
      ok: false,
      errors: { reason_code: `Pick a reason: ${Object.values(REJECT_REASON_LABELS).join(', ')}.` },
    };
  }
  const comment = input.comment?.replace(/\s+/g, ' ').trim().slice(0, 500) || null;
  const result = await decideReport(deps, {
    user: input.user,
    reportId: input.reportId,
    decision: 'rejected',
    reason: comment,
    code: input.code,
  });
  return { ok: true, result };
}

/** The form to open for Edit, or a refusal. */
export function openEdit(deps: DecideDeps, input: { user: string; reportId: string }) {
  return openOnPending(deps, input, 'edit', (r) => `This report is ${r.status}; it can no longer be edited.`, editForm);
}

export type EditOutcome = { ok: true; result: ActionResult } | { ok: false; errors: Record<string, string> };

/** Validates corrected values, stores them with before/after in the audit trail, and re-runs the rules. */
export async function submitEdit(
  deps: DecideDeps,
  input: {
    user: string;
    reportId: string;
    values: Record<string, string | undefined>;
    reason?: string;
    expectedVersion?: number;
  },
): Promise<EditOutcome> {
  const denied = await guard(deps, input.user, 'edit');
  if (denied) return { ok: true, result: denied };
  const parsed = editSubmissionSchema.safeParse({ ...input.values, reason: input.reason ?? input.values.reason });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { ok: false, errors };
  }
  const v = parsed.data;
  const outcome = await deps.uow(async (repos): Promise<EditOutcome> => {
    const before = await repos.reports.findById(input.reportId);
    if (!before) return { ok: true, result: { notice: reportGone() } };
    if (before.status !== 'pending') {
      return {
        ok: true,
        result: {
          notice: textCard('Already decided', `This report is ${before.status}; it was not changed.`),
        },
      };
    }
    const fields: MarginReport['fields'] = {};
    for (const f of FIELD_NAMES) if (v[f] !== undefined) fields[f] = v[f];
    // The same rules as after extraction, in the one place they run (core/report/report.finish.ts).
    const rechecked = recheckReport(
      before.extracted,
      { account_number: v.account_number, report_date: v.report_date, currency: v.currency, fields },
      { now: (deps.now ?? (() => new Date()))() },
    );
    // Issue 14: the edited figures against the true predecessor, as after extraction (a stored review reason).
    const prior = await repos.reports.lastApprovedBefore(v.account_number, v.report_date);
    const checked = withChangeFlags(rechecked, prior, deps.trust?.flags);
    if (v.account_number !== before.accountNumber || v.report_date !== before.reportDate) {
      const clash = await repos.reports.findByAccountDate(v.account_number, v.report_date);
      if (clash && clash.id !== before.id) {
        return {
          ok: false,
          errors: { account_number: `Account ${v.account_number} already has a report for ${v.report_date}.` },
        };
      }
    }
    // The upload's card as it stands, read before the edit writes anything.
    const ingestion = await ingestionOf(repos, before.ingestionId);
    const state = ingestion ? await readSummaryState(repos, ingestion.id) : undefined;
    const after = await repos.reports.updateData({
      id: before.id,
      data: checked,
      expectedVersion: input.expectedVersion ?? before.version,
    });
    if (!after) {
      return {
        ok: false,
        errors: { form: 'Someone changed this report while you were editing. Close the form and open it again.' },
      };
    }
    await repos.audit.append({
      actor: input.user,
      action: 'report.edited',
      entityType: 'margin_report',
      entityId: before.id,
      before: {
        account_number: before.accountNumber,
        report_date: before.reportDate,
        currency: before.extracted.currency,
        fields: before.extracted.fields,
      },
      after: {
        account_number: after.accountNumber,
        report_date: after.reportDate,
        currency: checked.currency,
        fields: checked.fields,
      },
      reason: v.reason,
    });
    // Issue 14: an approval given before the edit approved other figures: it is taken back, and said so.
    const reset = await repos.approvals.clear(before.id);
    if (reset.length > 0) {
      await repos.audit.append({
        actor: input.user,
        action: 'report.approvals_reset',
        entityType: 'margin_report',
        entityId: before.id,
        before: { approvals: reset },
        after: { approvals: [] },
        reason: 'the report was edited after it was approved',
      });
    }
    // The card: the edited report in place, its predecessor as looked up above, its approvals taken back.
    const approvals = new Map(state?.approvals);
    approvals.delete(after.id);
    const summary = summaryOf(ingestion, {
      ...(state ?? {}),
      approvals,
      report: after,
      priors: new Map(state?.priors).set(after.id, prior),
      ...(reset.length > 0 ? { approvalsReset: new Map([[after.id, reset]]) } : {}),
    });
    return { ok: true, result: { summary } };
  });
  // Corrected figures can show a call the extraction missed: it is announced like a new one, once.
  const changed = outcome.ok ? outcome.result.summary : undefined;
  const report = changed?.written?.report;
  if (changed && report && hasCall(report.extracted))
    await alertCalls(deps, conversationOf(changed.ingestion), [report]);
  return outcome;
}
