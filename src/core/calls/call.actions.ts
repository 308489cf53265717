import { parseAmountStrict } from '../../contract/amount.strict.ts';
import { atLeast } from '../access/roles.ts';
import { type EditForm, textCard } from '../cards/card.model.ts';
import { type ActionResult, ingestionOf, summaryOf } from '../decisions/decide.usecases.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import { readSummaryState, type Written } from '../summary/summary.usecases.ts';
import { effectiveState } from './call.states.ts';
import { CALL_FORM_MOVE, type CallFormCode, callForm } from './calls.cards.ts';
import type { MarginCall } from './calls.port.ts';
import { type CallsDeps, moveCall, todayOf } from './calls.usecases.ts';

/** The card's calls with one just moved, as written. */
const withCall = (written: Written | undefined, call: MarginCall) => new Map(written?.calls).set(call.reportId, call);

/** What the chat core hands the call actions: its repositories, transaction, access and clock. */
export interface CallActionDeps {
  repos: Repositories;
  uow: UnitOfWork;
  access: CallsDeps['access'];
  now?: () => Date;
  callDueDays?: number;
}

const callsDeps = (deps: CallActionDeps): CallsDeps => ({
  repos: deps.repos,
  uow: deps.uow,
  access: deps.access,
  callDueDays: deps.callDueDays ?? 1,
  ...(deps.now ? { now: deps.now } : {}),
});

/**
 * The upload summary a call lives on (its report's upload), for core's one summary-update path:
 * its card as it stands, read inside a move's transaction before the move writes.
 */
async function summaryOfCall(repos: Repositories, reportId: string): Promise<ActionResult['summary']> {
  const report = await repos.reports.findById(reportId);
  const ingestion = await ingestionOf(repos, report?.ingestionId ?? null);
  return ingestion ? { ingestion, written: await readSummaryState(repos, ingestion.id) } : undefined;
}

/** The upload a call lives on, with nothing written: its card is read as it stands. */
async function uploadOfCall(repos: Repositories, reportId: string): Promise<ActionResult['summary']> {
  const report = await repos.reports.findById(reportId);
  return summaryOf(await ingestionOf(repos, report?.ingestionId ?? null));
}

const KIND_MOVE = { call_met: 'met', call_dispute: 'disputed', call_waive: 'waived' } as const;

/** A click on Mark met / Dispute / Waive: the form asking for the amount or the reason, or a refusal. */
export async function callButton(
  deps: CallActionDeps,
  input: { user: string; kind: keyof typeof KIND_MOVE; callId: string },
): Promise<ActionResult | { form: EditForm & { version: number } }> {
  const move = KIND_MOVE[input.kind];
  if (move === 'waived' && !atLeast(await deps.access.roleOf(input.user), 'approver')) {
    return { notice: textCard('Not allowed', 'Only approvers and admins can waive a margin call.', 'warning') };
  }
  const call = await deps.repos.calls.findById(input.callId);
  if (!call) return { notice: textCard('Not found', 'That margin call no longer exists.', 'warning') };
  const state = effectiveState(call, todayOf(deps.now?.() ?? new Date()));
  if (state === 'met' || state === 'waived') {
    return {
      notice: textCard('Already closed', `Margin call #${call.number} is already ${state}.`),
      summary: await uploadOfCall(deps.repos, call.reportId),
    };
  }
  return { form: callForm(call, move) };
}

/** A typed amount, read by the Edit form's strict parser; undefined when empty, a sentence when refused. */
function parseAmount(raw: string | undefined): number | undefined | { refused: string } {
  if (!raw?.trim()) return undefined;
  const r = parseAmountStrict(raw);
  if (!r.ok) return { refused: r.message };
  if (r.value <= 0) return { refused: 'The amount met must be more than zero.' };
  return r.value;
}

/**
 * A submitted call form, or undefined when the id is not a call (an ordinary edit). Version codes
 * say which move the form was for (see `callForm`).
 */
export async function submitCallForm(
  deps: CallActionDeps,
  input: {
    user: string;
    reportId: string;
    values: Record<string, string | undefined>;
    reason?: string;
    expectedVersion?: number;
  },
): Promise<{ ok: true; result: ActionResult } | { ok: false; errors: Record<string, string> } | undefined> {
  const code = input.expectedVersion as CallFormCode | undefined;
  if (code === undefined || !(code in CALL_FORM_MOVE)) return undefined;
  if (!/^[0-9a-f-]{36}$/i.test(input.reportId)) return undefined;
  const call = await deps.repos.calls.findById(input.reportId);
  if (!call) return undefined;
  const amount = parseAmount(input.values.amount);
  if (typeof amount === 'object') return { ok: false, errors: { amount: amount.refused } };
  const moved = await moveCall(
    callsDeps(deps),
    { user: input.user, ref: call.id, to: CALL_FORM_MOVE[code], amount, note: input.reason ?? input.values.reason },
    (repos, seen) => summaryOfCall(repos, seen.reportId),
  );
  // The card from its state read before the move plus the moved call. Refused before the move's
  // transaction, or moved by someone else meanwhile, nothing of this was written: read as it stands.
  const seen = moved.seen;
  const summary = !seen
    ? await uploadOfCall(deps.repos, call.reportId)
    : moved.ok
      ? { ...seen, written: { ...seen.written, calls: withCall(seen.written, moved.call) } }
      : seen;
  if (!moved.ok) {
    if (moved.problem.startsWith('A dispute needs')) return { ok: false, errors: { reason: moved.problem } };
    return { ok: true, result: { notice: textCard('Not done', moved.problem, 'warning'), summary } };
  }
  return { ok: true, result: { summary } };
}
