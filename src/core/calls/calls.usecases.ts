import type { Role } from '../access/roles.ts';
import { type Access, atLeast } from '../access/roles.ts';
import { formatMoney } from '../format.ts';
import type { AuditRepository } from '../ports/reports.ports.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';
import {
  type CallTarget,
  calledAmount,
  canMove,
  dueDateOf,
  effectiveState,
  isHealthy,
  refusalOf,
  type StoredCallState,
  storedStateOf,
} from './call.states.ts';
import type { CallsRepository, MarginCall } from './calls.port.ts';

/** The repositories a call use-case writes through, bound to one transaction. */
export interface CallRepos {
  calls: CallsRepository;
  audit: AuditRepository;
}

export interface CallsDeps {
  repos: CallRepos;
  uow: UnitOfWork;
  access: Pick<Access, 'roleOf'>;
  /** CALL_DUE_DAYS: business days to the due date when the document prints none. */
  callDueDays: number;
  now?: () => Date;
}

export const todayOf = (d: Date) => d.toISOString().slice(0, 10);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Who may make which move: chasing a call is an analyst's work; waiving it is an approver's. */
const NEEDED: Record<CallTarget, Role> = {
  met: 'analyst',
  partially_met: 'analyst',
  disputed: 'analyst',
  reopened: 'analyst',
  waived: 'approver',
};

/** One move, in the table or refused, written with its event and audit entry. Call inside a transaction. */
async function record(
  repos: CallRepos,
  call: MarginCall,
  move: {
    to: CallTarget;
    actor: string;
    at: Date;
    amount: number | null;
    outstanding: number;
    note: string | null;
    reportId?: string | null;
  },
): Promise<MarginCall | undefined> {
  const to: StoredCallState = storedStateOf(move.to);
  const after = await repos.calls.move({
    id: call.id,
    expectedVersion: call.version,
    to,
    outstanding: move.outstanding,
    at: move.at,
    resolvedByReportId: move.reportId ?? null,
  });
  if (!after) return undefined;
  await repos.calls.addEvent(call.id, {
    at: move.at.toISOString(),
    actor: move.actor,
    fromState: call.state,
    toState: to,
    amount: move.amount,
    note: move.note,
    reportId: move.reportId ?? null,
  });
  await repos.audit.append({
    actor: move.actor,
    action: `call.${move.to}`,
    entityType: 'margin_call',
    entityId: call.id,
    before: { state: call.state, outstanding: call.outstanding },
    after: { state: to, outstanding: move.outstanding, amount: move.amount },
    reason: move.note,
    context: { number: call.number, at: move.at.toISOString(), report_id: move.reportId ?? null },
  });
  return after;
}

export interface ApprovalEffects {
  opened?: MarginCall;
  resolved: MarginCall[];
}

/**
 * What an approval does to calls, inside the approval's transaction: the account's earlier
 * outstanding calls are met by a healthy report (or partially met by a smaller call), then the
 * report opens its own call if it shows one and none is still outstanding for the account.
 */
export async function applyApproval(
  repos: CallRepos,
  report: Report,
  opts: {
    actor: string;
    at: Date;
    callDueDays: number;
    /** Runs before an earlier call is moved, inside the transaction (its card's state is read then). */
    beforeMove?: (call: MarginCall) => Promise<void>;
  },
): Promise<ApprovalEffects> {
  const data = report.extracted;
  const called = calledAmount(data);
  const healthy = isHealthy(data);
  const resolved: MarginCall[] = [];
  let stillOwed = false;
  for (const call of await repos.calls.outstandingFor(report.accountNumber)) {
    // Only a later statement can say the call was met; a late approval of an older one cannot.
    if (call.reportDate >= report.reportDate || call.currency !== data.currency) {
      stillOwed = true;
      continue;
    }
    const file = report.sourceFileName ?? 'an uploaded report';
    if (healthy) {
      await opts.beforeMove?.(call);
      const after = await record(repos, call, {
        to: 'met',
        actor: 'system',
        at: opts.at,
        amount: call.outstanding,
        outstanding: 0,
        note: `Met: the report of ${report.reportDate} (${file}) shows no call and an excess of ${formatMoney(data.fields.excess_liquidity, data.currency)}.`,
        reportId: report.id,
      });
      if (after) resolved.push(after);
    } else if (called > 0 && called < call.outstanding) {
      await opts.beforeMove?.(call);
      const after = await record(repos, call, {
        to: 'partially_met',
        actor: 'system',
        at: opts.at,
        amount: round2(call.outstanding - called),
        outstanding: called,
        note: `Partially met: the report of ${report.reportDate} (${file}) calls ${formatMoney(called, data.currency)}, down from ${formatMoney(call.outstanding, data.currency)}.`,
        reportId: report.id,
      });
      if (after) resolved.push(after);
      stillOwed = true;
    } else {
      stillOwed = true;
    }
  }
  if (called <= 0 || stillOwed) return { resolved };
  const due = dueDateOf({ ...data, report_date: report.reportDate }, opts.callDueDays);
  const { created, call } = await repos.calls.open({
    reportId: report.id,
    account: report.accountNumber,
    currency: data.currency,
    amount: called,
    dueDate: due.date,
    dueSource: due.source,
    by: opts.actor,
    at: opts.at,
  });
  if (!created) return { resolved };
  const note =
    due.source === 'document'
      ? `Opened on approval; due ${due.date} as the document prints.`
      : `Opened on approval; due ${due.date} (report date + ${opts.callDueDays} business day${opts.callDueDays === 1 ? '' : 's'}).`;
  await repos.calls.addEvent(call.id, {
    at: opts.at.toISOString(),
    actor: opts.actor,
    fromState: null,
    toState: 'open',
    amount: called,
    note,
    reportId: report.id,
  });
  await repos.audit.append({
    actor: opts.actor,
    action: 'call.opened',
    entityType: 'margin_call',
    entityId: call.id,
    after: { state: 'open', amount: called, due_date: due.date, due_source: due.source },
    reason: note,
    context: { number: call.number, report_id: report.id, at: opts.at.toISOString() },
  });
  return { opened: call, resolved };
}

export type MoveOutcome<T = never> = (
  | { ok: true; call: MarginCall; from: StoredCallState }
  | { ok: false; problem: string; call?: MarginCall }
) & {
  /** What `look` read inside the move's transaction before it wrote; absent when it did not run or went stale. */
  seen?: T;
};

/**
 * A person's move: Mark met (amount), Dispute (reason), Waive (approvers and admins), Reopen.
 * `look` reads what the caller needs about the call inside the move's transaction, before it writes
 * (a card's summary state: the card is then built from it and the moved call, without a re-read).
 */
export async function moveCall<T = never>(
  deps: CallsDeps,
  input: { user: string; ref: string | number; to: CallTarget; amount?: number | undefined; note?: string | undefined },
  look?: (repos: Repositories, call: MarginCall) => Promise<T>,
): Promise<MoveOutcome<T>> {
  const now = deps.now?.() ?? new Date();
  const role = await deps.access.roleOf(input.user);
  const needed = NEEDED[input.to];
  if (!atLeast(role, needed)) {
    return {
      ok: false,
      problem:
        input.to === 'waived'
          ? 'Only approvers and admins can waive a margin call.'
          : 'Chasing margin calls needs at least the analyst role. Ask an admin for it.',
    };
  }
  const note = input.note?.trim() || null;
  if (input.to === 'disputed' && !note) return { ok: false, problem: 'A dispute needs a reason.' };
  if (input.amount !== undefined && !(Number.isFinite(input.amount) && input.amount > 0)) {
    return { ok: false, problem: 'The amount met must be a positive number.' };
  }
  return deps.uow(async (repos): Promise<MoveOutcome<T>> => {
    const tx: CallRepos = { calls: repos.calls, audit: repos.audit };
    const call =
      typeof input.ref === 'number' ? await tx.calls.findByNumber(input.ref) : await tx.calls.findById(input.ref);
    if (!call) return { ok: false, problem: 'That margin call does not exist.' };
    const seen = look ? { seen: await look(repos, call) } : {};
    const from = effectiveState(call, todayOf(now));
    // Met with less than is owed is a partial payment; the table decides whether either is allowed.
    let to = input.to;
    const paid = input.amount ?? (to === 'met' ? call.outstanding : null);
    if (to === 'met' && paid !== null && paid < call.outstanding) to = 'partially_met';
    if (to === 'partially_met' && paid === null) return { ok: false, problem: 'Say how much was met.', call, ...seen };
    if (!canMove(from, to)) return { ok: false, problem: refusalOf(from, to), call, ...seen };
    const outstanding =
      to === 'met' || to === 'waived'
        ? 0
        : to === 'partially_met'
          ? round2(call.outstanding - (paid ?? 0))
          : call.outstanding;
    const after = await record(tx, call, {
      to,
      actor: input.user,
      at: now,
      amount: to === 'met' || to === 'partially_met' ? paid : null,
      outstanding,
      note,
    });
    // Moved by someone else since it was read: what `look` saw is stale, so it is not handed back.
    if (!after) return { ok: false, problem: 'Someone changed this call at the same moment. Look again and retry.' };
    return { ok: true, call: after, from: call.state, ...seen };
  });
}

/** One call and its history, by number or id. */
export async function callHistory(repos: Pick<CallRepos, 'calls'>, ref: string | number) {
  const call = typeof ref === 'number' ? await repos.calls.findByNumber(ref) : await repos.calls.findById(ref);
  if (!call) return undefined;
  return { call, events: await repos.calls.events(call.id) };
}
