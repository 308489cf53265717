import { card, type Person } from '../cards/card.model.ts';
import { displayUser, formatWhen } from '../format.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../ports/chat.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';
import { conversationOf } from '../summary/summary.usecases.ts';

/**
 * Issue 14: a report still pending after REMIND_AFTER gets one reminder in its thread naming the
 * approvers; after ESCALATE_AFTER it is listed in the channels subscribed to alerts. With
 * REMIND_HOURS, only on weekdays within those hours of DIGEST_TZ. Each is claimed in
 * `report_reminders` before it is posted, so it fires once per report whichever replica runs it;
 * only pending reports are looked at, so an approval or a rejection cancels both.
 */
export interface ReminderPolicy {
  afterMinutes: number;
  escalateAfterMinutes: number;
  /** Weekday hours [from, to) in `tz`; unset = any time. */
  hours?: { from: number; to: number } | undefined;
  tz: string;
}

export interface PendingReminderDeps {
  repos: Pick<Repositories, 'reports' | 'ingestions' | 'reminders' | 'roles' | 'subscriptions' | 'people'>;
  /** ADMINS: admins approve too. */
  admins: readonly string[];
  gateways: GatewayRegistry;
  policy: ReminderPolicy;
  now?: () => Date;
  logger: { warn(o: object, m?: string): void };
}

const MINUTE = 60_000;
const WEEKEND = new Set(['Sat', 'Sun']);

/** Whether `at` falls on a weekday within the hours, in the time zone. */
export function withinHours(at: Date, hours: ReminderPolicy['hours'], tz: string): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((o, p) => Object.assign(o, { [p.type]: p.value }), {});
  const hour = Number(parts.hour);
  return !WEEKEND.has(parts.weekday ?? '') && hour >= hours.from && hour < hours.to;
}

/** Replace can send a decided report back to pending: it waits from then (issue 14). */
const pendingSince = (r: Report) => r.pendingSince ?? r.createdAt;

const waited = (ms: number) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / MINUTE);
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
};

/** Who may approve on a platform: approvers and admins from the roles table, and ADMINS; never the sharer. */
async function approversOn(deps: PendingReminderDeps, platform: string, uploader: string | null): Promise<Person[]> {
  const ids = new Set<string>(deps.admins);
  for (const r of await deps.repos.roles.list()) if (r.role === 'approver' || r.role === 'admin') ids.add(r.user);
  const mine = [...ids]
    .filter((u) => u.startsWith(`${platform}:`) && u !== uploader)
    .sort()
    .slice(0, 10);
  const names =
    mine.length > 0 ? await deps.repos.people.names(mine).catch(() => new Map<string, string>()) : new Map();
  return mine.map((id) => ({ id, name: displayUser(id, names) }));
}

function reminderCard(r: Report, pendingMs: number, people: Person[]) {
  const title = `Waiting for approval: ${r.accountNumber} · ${r.reportDate}`;
  const named = people.map((_, i) => `{${i}}`).join(' ');
  return card(
    title,
    'warning',
    [
      {
        type: 'text',
        text: `Pending for ${waited(pendingMs)}. ${named ? `${named}: please` : 'An approver should'} approve or reject it from the summary above.`,
        people,
      },
    ],
    `${title} (pending ${waited(pendingMs)})`,
  );
}

function escalationCard(items: { r: Report; pendingMs: number }[]) {
  const title = `${items.length} report${items.length === 1 ? '' : 's'} pending for over the escalation time`;
  return card(
    title,
    'danger',
    [
      {
        type: 'table',
        columns: ['Account', 'Date', 'File', 'Pending for', 'Since'],
        rows: items.map(({ r, pendingMs }) => [
          r.accountNumber,
          r.reportDate,
          r.sourceFileName ?? '—',
          waited(pendingMs),
          formatWhen(pendingSince(r)),
        ]),
      },
      { type: 'text', text: '/margin pending lists every report waiting for approval.', muted: true },
    ],
    title,
  );
}

export async function runPendingReminders(deps: PendingReminderDeps) {
  const now = deps.now?.() ?? new Date();
  const { policy } = deps;
  if (!withinHours(now, policy.hours, policy.tz)) return { skipped: 'outside REMIND_HOURS' };
  const pending = await deps.repos.reports.pending(500);
  let reminded = 0;
  const escalate: { r: Report; pendingMs: number }[] = [];
  for (const r of pending) {
    const pendingMs = now.getTime() - Date.parse(pendingSince(r));
    if (pendingMs >= policy.afterMinutes * MINUTE) {
      const ingestion = r.ingestionId ? await deps.repos.ingestions.findById(r.ingestionId) : undefined;
      const gateway = ingestion ? deps.gateways[ingestion.platform as Platform] : undefined;
      if (ingestion && gateway && (await deps.repos.reminders.claim(r.id, 'remind', now))) {
        const people = await approversOn(deps, ingestion.platform, ingestion.uploadedBy);
        try {
          await gateway.post(conversationOf(ingestion), reminderCard(r, pendingMs, people));
          reminded++;
        } catch (err) {
          deps.logger.warn({ err, reportId: r.id }, 'pending reminder not delivered');
        }
      }
    }
    if (pendingMs >= policy.escalateAfterMinutes * MINUTE && (await deps.repos.reminders.claim(r.id, 'escalate', now)))
      escalate.push({ r, pendingMs });
  }
  let escalatedTo = 0;
  if (escalate.length > 0) {
    const targets: ConversationRef[] = (await deps.repos.subscriptions.list('alerts')).map((s) => ({
      platform: s.platform as Platform,
      channelId: s.channelId,
    }));
    for (const to of targets) {
      try {
        await deps.gateways[to.platform]?.post(to, escalationCard(escalate));
        escalatedTo++;
      } catch (err) {
        deps.logger.warn({ err, channel: to.channelId }, 'pending escalation not delivered');
      }
    }
  }
  return { pending: pending.length, reminded, escalated: escalate.length, escalatedTo };
}
