import type { MarginReport } from '../report/report.schema.ts';

/** Stored states. `overdue` is derived: an open call past its due date (see `effectiveState`). */
export const STORED_CALL_STATES = ['open', 'partially_met', 'met', 'disputed', 'waived'] as const;
export type StoredCallState = (typeof STORED_CALL_STATES)[number];
export type CallState = StoredCallState | 'overdue';

/** The states a person can move a call to (auto-resolution uses the same table). */
export type CallTarget = Exclude<StoredCallState, 'open'> | 'reopened';

/**
 * The one table of allowed moves. A state not listed as a key is terminal; any move not listed is
 * refused with `refusalOf`. `overdue` moves like `open` (it is an open call past due); `reopened`
 * takes a disputed call back to open when the dispute is settled in the broker's favour.
 */
export const ALLOWED_MOVES: Readonly<Record<CallState, readonly CallTarget[]>> = {
  open: ['met', 'partially_met', 'disputed', 'waived'],
  overdue: ['met', 'partially_met', 'disputed', 'waived'],
  partially_met: ['met', 'partially_met', 'disputed', 'waived'],
  disputed: ['met', 'partially_met', 'waived', 'reopened'],
  met: [],
  waived: [],
};

/** Calls still owed: listed by `/margin calls`, chased by reminders, resolved by the next healthy report. */
export const OUTSTANDING: readonly StoredCallState[] = ['open', 'partially_met', 'disputed'];

export const STATE_LABEL: Record<CallState, string> = {
  open: 'open',
  overdue: 'overdue',
  partially_met: 'partially met',
  met: 'met',
  disputed: 'disputed',
  waived: 'waived',
};

const TARGET_VERB: Record<CallTarget, string> = {
  met: 'marked met',
  partially_met: 'marked partially met',
  disputed: 'disputed',
  waived: 'waived',
  reopened: 'reopened',
};

/** The state a call is in on `today` (YYYY-MM-DD): open past its due date is overdue. */
export function effectiveState(call: { state: StoredCallState; dueDate: string }, today: string): CallState {
  return call.state === 'open' && call.dueDate < today ? 'overdue' : call.state;
}

export const canMove = (from: CallState, to: CallTarget) => ALLOWED_MOVES[from].includes(to);

/** The sentence shown when a move is not in the table. */
export function refusalOf(from: CallState, to: CallTarget): string {
  const allowed = ALLOWED_MOVES[from];
  const next =
    allowed.length === 0
      ? 'It is closed; nothing more can be done with it.'
      : `From ${STATE_LABEL[from]} it can be ${allowed.map((t) => TARGET_VERB[t]).join(', ')}.`;
  return `A ${STATE_LABEL[from]} call cannot be ${TARGET_VERB[to]}. ${next}`;
}

export const storedStateOf = (to: CallTarget): StoredCallState => (to === 'reopened' ? 'open' : to);

/** The amount a report calls for: its margin call, else its deficit; 0 when it shows neither. */
export function calledAmount(r: MarginReport): number {
  const call = r.fields.margin_call ?? 0;
  if (call > 0) return call;
  const excess = r.fields.excess_liquidity;
  return excess !== undefined && excess < 0 ? -excess : 0;
}

/** A report that shows no call and a non-negative excess: it meets any earlier call of its account. */
export const isHealthy = (r: MarginReport) =>
  (r.fields.margin_call ?? 0) <= 0 && r.fields.excess_liquidity !== undefined && r.fields.excess_liquidity >= 0;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The call due date a document prints, when extraction read one (`call_due_date`, YYYY-MM-DD). */
export function printedDueDate(r: MarginReport): string | undefined {
  const v = r.call_due_date;
  if (!v || !ISO_DATE.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? undefined : v;
}

/** `date` (YYYY-MM-DD) plus `n` business days, Monday to Friday (no holiday calendar). */
export function addBusinessDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** The due date of a call opened from `report`: the printed one, else the report date + CALL_DUE_DAYS business days. */
export function dueDateOf(
  report: MarginReport & { report_date: string },
  callDueDays: number,
): { date: string; source: 'document' | 'business_days' } {
  const printed = printedDueDate(report);
  if (printed) return { date: printed, source: 'document' };
  return { date: addBusinessDays(report.report_date, callDueDays), source: 'business_days' };
}
