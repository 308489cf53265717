import { type Card, type CardBlock, card, type EditForm, textCard } from '../cards/card.model.ts';
import { displayUser, formatMoney, formatWhen, type KnownNames } from '../format.ts';
import { type CallState, effectiveState, STATE_LABEL } from './call.states.ts';
import type { CallEvent, MarginCall } from './calls.port.ts';

const DAY_MS = 86_400_000;

/** Whole days from `from` (ISO) to `now`: "3 d", or hours within the first day. */
function age(fromIso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  return ms < DAY_MS ? `${Math.floor(ms / 3_600_000)} h` : `${Math.floor(ms / DAY_MS)} d`;
}

export const callName = (c: Pick<MarginCall, 'number' | 'accountNumber'>) => `#${c.number} · ${c.accountNumber}`;

const stateText = (c: MarginCall, today: string) => {
  const s: CallState = effectiveState(c, today);
  return s === 'overdue' ? `OVERDUE (due ${c.dueDate})` : STATE_LABEL[s];
};

/** `/margin calls`: open, overdue, partially met and disputed calls, oldest first. */
export function callsListCard(calls: MarginCall[], now: Date): Card {
  const today = now.toISOString().slice(0, 10);
  if (calls.length === 0) return textCard('Margin calls', 'No margin call is open, overdue or disputed.', 'success');
  const overdue = calls.filter((c) => effectiveState(c, today) === 'overdue').length;
  const title = `${calls.length} outstanding margin call${calls.length === 1 ? '' : 's'}${overdue ? ` (${overdue} overdue)` : ''}`;
  return card(
    title,
    overdue ? 'danger' : 'warning',
    [
      {
        type: 'table',
        columns: ['Call', 'Account', 'State', 'Age', 'Due', 'Outstanding'],
        rows: calls.map((c) => [
          `#${c.number}`,
          c.accountNumber,
          stateText(c, today),
          age(c.openedAt, now),
          c.dueDate,
          formatMoney(c.outstanding, c.currency),
        ]),
      },
      { type: 'text', muted: true, text: 'Oldest first. /margin call NUMBER shows one call’s history.' },
    ],
    `${title}: ${calls.map((c) => `#${c.number} ${c.accountNumber} ${effectiveState(c, today)}`).join('; ')}`,
  );
}

const EVENT_VERB: Record<string, string> = {
  open: 'opened',
  partially_met: 'partially met',
  met: 'met',
  disputed: 'disputed',
  waived: 'waived',
};

/** `/margin call ID`: the call and every move, oldest first. */
export function callHistoryCard(c: MarginCall, events: CallEvent[], now: Date, names?: KnownNames): Card {
  const today = now.toISOString().slice(0, 10);
  const title = `Margin call ${callName(c)} — ${stateText(c, today)}`;
  const blocks: CardBlock[] = [
    {
      type: 'fields',
      fields: [
        { label: 'Amount called', value: formatMoney(c.amount, c.currency) },
        { label: 'Outstanding', value: formatMoney(c.outstanding, c.currency) },
        {
          label: 'Due',
          value: `${c.dueDate}${c.dueSource === 'document' ? ' (as printed)' : ' (business days after the report)'}`,
        },
        { label: 'From', value: `report of ${c.reportDate}${c.sourceFileName ? ` (${c.sourceFileName})` : ''}` },
        { label: 'Opened', value: `${formatWhen(c.openedAt)} (${age(c.openedAt, now)} ago)` },
      ],
    },
    {
      type: 'table',
      columns: ['When', 'Who', 'Move', 'Amount', 'Note'],
      rows: events.map((e) => [
        formatWhen(e.at),
        e.actor === 'system' ? 'MarginIQ' : displayUser(e.actor, names),
        `${e.fromState ? `${STATE_LABEL[e.fromState]} → ` : ''}${EVENT_VERB[e.toState] ?? e.toState}`,
        e.amount === null ? '—' : formatMoney(e.amount, c.currency),
        e.note ?? '',
      ]),
    },
  ];
  return card(title, c.state === 'met' || c.state === 'waived' ? 'success' : 'danger', blocks, title);
}

/** The call's part of the report summary: state, due date, and what can be done while it is owed. */
export function callBlocks(c: MarginCall, now: Date): CardBlock[] {
  const today = now.toISOString().slice(0, 10);
  const state = effectiveState(c, today);
  const blocks: CardBlock[] = [
    {
      type: 'text',
      text: `Margin call #${c.number}: ${state === 'overdue' ? 'OVERDUE' : STATE_LABEL[state]} · due ${c.dueDate} · ${formatMoney(c.outstanding, c.currency)} outstanding of ${formatMoney(c.amount, c.currency)}`,
    },
  ];
  if (state !== 'met' && state !== 'waived') {
    blocks.push({
      type: 'actions',
      actions: [
        { kind: 'call_met', label: 'Mark met', value: c.id, style: 'primary' },
        ...(state === 'disputed' ? [] : [{ kind: 'call_dispute' as const, label: 'Dispute', value: c.id }]),
        { kind: 'call_waive', label: 'Waive', value: c.id, style: 'danger' as const },
      ],
    });
  }
  return blocks;
}

/**
 * The forms behind the buttons. They travel the edit form's path (every platform already draws
 * and submits it); `version` carries which move was asked for, so the submission needs no new wire format.
 */
export const CALL_FORM_MOVE = { 1: 'met', 2: 'disputed', 3: 'waived' } as const;
export type CallFormCode = keyof typeof CALL_FORM_MOVE;

export function callForm(c: MarginCall, move: 'met' | 'disputed' | 'waived'): EditForm & { version: CallFormCode } {
  const base = { reportId: c.id };
  if (move === 'met') {
    return {
      ...base,
      version: 1,
      title: `Mark margin call ${callName(c)} met`,
      inputs: [
        {
          name: 'amount',
          label: `Amount met (${c.currency})`,
          value: String(c.outstanding),
          kind: 'number',
        },
      ],
      reasonLabel: 'Note (how it was met)',
    };
  }
  if (move === 'disputed') {
    return { ...base, version: 2, title: `Dispute margin call ${callName(c)}`, inputs: [], reasonLabel: 'Reason' };
  }
  return {
    ...base,
    version: 3,
    title: `Waive margin call ${callName(c)}`,
    inputs: [],
    reasonLabel: 'Why it is waived',
  };
}
