import { effectiveState } from '../../core/calls/call.states.ts';
import type { CallsRepository } from '../../core/calls/calls.port.ts';
import { card } from '../../core/cards/card.model.ts';
import { formatMoney } from '../../core/format.ts';
import type { SubscriptionsRepository } from '../../core/ports/access.ports.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../../core/ports/chat.ports.ts';
import type { EventsRepository } from '../../core/ports/conversation.ports.ts';

/** Every weekday morning (DIGEST_TZ), beside the daily digest. */
export const CALL_REMINDER_CRON = '30 7 * * 1-5';

export interface CallReminderDeps {
  calls: Pick<CallsRepository, 'outstanding'>;
  events: EventsRepository;
  subscriptions: Pick<SubscriptionsRepository, 'list'>;
  gateways: GatewayRegistry;
  now?: () => Date;
  logger: { warn(o: object, m?: string): void };
}

/**
 * Posts each overdue call to the alert channels once a day until it is resolved. The claim on
 * (call, day, channel) is what makes it once: a second replica, a second fire or a rerun after a
 * crash finds the claim taken and posts nothing.
 */
export async function runCallReminders(deps: CallReminderDeps) {
  const now = deps.now?.() ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const overdue = (await deps.calls.outstanding(1000)).filter((c) => effectiveState(c, today) === 'overdue');
  const targets: ConversationRef[] = (await deps.subscriptions.list('alerts')).map((s) => ({
    platform: s.platform as Platform,
    channelId: s.channelId,
  }));
  let posted = 0;
  for (const c of overdue) {
    const days = Math.round((Date.parse(today) - Date.parse(c.dueDate)) / 86_400_000);
    const title = `Overdue margin call #${c.number}: account ${c.accountNumber} — ${formatMoney(c.outstanding, c.currency)}`;
    const body = card(
      title,
      'danger',
      [
        {
          type: 'text',
          text: `Due ${c.dueDate} (${days} day${days === 1 ? '' : 's'} ago), from the report of ${c.reportDate}. /margin call ${c.number} shows its history.`,
        },
      ],
      title,
    );
    for (const to of targets) {
      if (!(await deps.events.claim(`call-overdue:${c.id}:${today}:${to.platform}:${to.channelId}`))) continue;
      const gateway = deps.gateways[to.platform];
      if (!gateway) continue;
      try {
        await gateway.post(to, body);
        posted++;
      } catch (err) {
        deps.logger.warn({ err, call: c.number }, 'overdue call reminder not delivered');
      }
    }
  }
  return { overdue: overdue.length, posted };
}
