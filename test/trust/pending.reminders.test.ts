import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PendingReminderDeps, runPendingReminders, withinHours } from '../../src/core/alerts/pending.reminders.ts';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { SCHEDULES } from '../../src/jobs/schedules/schedule.names.ts';
import { startSchedules } from '../../src/jobs/schedules/schedules.ts';
import { silentLogger } from '../digest/fixtures.ts';
import { type SlackService, startSlackService, testPdf } from '../slack/slack.harness.ts';
import { buttonClick, fileShareMessage } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

/**
 * Issue 14, pending reminders and escalation, on a fake clock, posting through the real Bolt
 * gateway against the loopback Slack double.
 */
const CHANNEL = 'C0PENDING';
const ALERTS = 'C0ALERTS';
const ADMIN = 'UADMINR';
const APPROVER = 'UAPPRR1';
const ANALYST = 'UANALR1';
const HOUR = 3_600_000;

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', `slack:${ADMIN}`);
  await svc.repos.roles.set('teams:aad-someone', 'approver', `slack:${ADMIN}`);
  await svc.repos.subscriptions.subscribe('slack', ALERTS, 'alerts', `slack:${ADMIN}`);
});
afterAll(async () => {
  await svc?.stop();
});

let n = 0;
/** Shares a statement (of a new account, or again of `again` with other figures) and waits for its summary. */
async function share(again?: string) {
  const account = again ?? `PR${String(++n).padStart(4, '0')}`;
  const ts = svc.slack.nextTs();
  const bytes = await testPdf({
    account_number: account,
    report_date: '2026-11-27',
    ...(again ? { broker: 'Second upload' } : {}),
  });
  const file = svc.slack.addFile({ name: `${account}.pdf`, bytes, channel: CHANNEL, ts });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(account, '2026-11-27');
  if (!report) throw new Error('report not stored');
  return { ts, summary, report };
}

const policy = { afterMinutes: 120, escalateAfterMinutes: 480, tz: 'UTC' };
const deps = (now: Date, over: Partial<PendingReminderDeps> = {}): PendingReminderDeps => ({
  repos: svc.repos,
  admins: [`slack:${ADMIN}`],
  gateways: svc.gateways,
  policy,
  now: () => now,
  logger: silentLogger,
  ...over,
});
const reminders = (ts: string) => svc.slack.thread(CHANNEL, ts).filter((m) => m.text.includes('Waiting for approval'));
const escalations = () =>
  svc.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === ALERTS && String(c.args.text).includes('pending'));

describe('pending reminders and escalation', () => {
  it('reminds once in the thread after REMIND_AFTER naming the approvers, escalates once after ESCALATE_AFTER', async () => {
    const { ts, report } = await share();
    const created = Date.parse(report.createdAt);
    const at = (ms: number) => new Date(created + ms);

    await runPendingReminders(deps(at(2 * HOUR - 60_000)));
    expect(reminders(ts)).toHaveLength(0);

    await runPendingReminders(deps(at(2 * HOUR + 60_000)));
    await eventually(() => reminders(ts)[0], 10_000, 'reminder');
    const [reminder] = reminders(ts);
    const blocks = JSON.stringify(reminder?.blocks);
    // Real Slack mentions of the approvers (ADMINS and the roles table), never the sharer or another platform's.
    expect(blocks).toContain(`<@${ADMIN}>`);
    expect(blocks).toContain(`<@${APPROVER}>`);
    expect(blocks).not.toContain(ANALYST);
    expect(blocks).not.toContain('aad-someone');
    expect(blocks).toContain('Pending for 2 h 01 min');

    // Later runs (this replica or another) never remind again.
    await runPendingReminders(deps(at(3 * HOUR)));
    await runPendingReminders(deps(at(7 * HOUR)));
    expect(reminders(ts)).toHaveLength(1);
    expect(escalations().filter((c) => JSON.stringify(c.args.blocks).includes(report.accountNumber))).toHaveLength(0);

    await runPendingReminders(deps(at(8 * HOUR + 60_000)));
    await runPendingReminders(deps(at(9 * HOUR)));
    const mine = escalations().filter((c) => JSON.stringify(c.args.blocks).includes(report.accountNumber));
    expect(mine).toHaveLength(1);
    expect(reminders(ts)).toHaveLength(1);
  });

  it('never fires after approval', async () => {
    const { ts, summary, report } = await share();
    await svc.sender.interaction(
      buttonClick({
        user: APPROVER,
        channel: CHANNEL,
        messageTs: summary.ts,
        threadTs: ts,
        actionId: ACTION_IDS.approve,
        value: report.id,
        responseUrl: svc.slack.responseUrl(),
      }),
    );
    await eventually(
      async () => (await svc.repos.reports.findById(report.id))?.status === 'approved',
      10_000,
      'approved',
    );
    const created = Date.parse(report.createdAt);
    await runPendingReminders(deps(new Date(created + 3 * HOUR)));
    await runPendingReminders(deps(new Date(created + 9 * HOUR)));
    expect(reminders(ts)).toHaveLength(0);
    expect(escalations().filter((c) => JSON.stringify(c.args.blocks).includes(report.accountNumber))).toHaveLength(0);
  });

  it('reminds again, counting from then, a report that Replace sent back to pending', async () => {
    const first = await share();
    // Shared a day ago: counted from its creation, it would be overdue at once after the Replace.
    await svc.db.query(`update analytics.margin_reports set created_at = created_at - interval '1 day' where id = $1`, [
      first.report.id,
    ]);
    first.report = (await svc.repos.reports.findById(first.report.id))!;
    const created = Date.parse(first.report.createdAt);
    await runPendingReminders(deps(new Date(created + 2 * HOUR + 60_000)));
    await eventually(() => reminders(first.ts)[0], 10_000, 'first reminder');
    await runPendingReminders(deps(new Date(created + 8 * HOUR + 60_000)));
    const escalated = () =>
      escalations().filter((c) => JSON.stringify(c.args.blocks).includes(first.report.accountNumber));
    expect(escalated()).toHaveLength(1);

    // The same account and date again, other figures: Replace puts them in place, pending again.
    const second = await share(first.report.accountNumber);
    const [conflict] = await svc.db.query<{ id: string }>(
      'select id from analytics.report_conflicts where existing_report_id = $1',
      [first.report.id],
    );
    await svc.sender.interaction(
      buttonClick({
        user: APPROVER,
        channel: CHANNEL,
        messageTs: second.summary.ts,
        threadTs: second.ts,
        actionId: ACTION_IDS.replace,
        value: conflict!.id,
        responseUrl: svc.slack.responseUrl(),
      }),
    );
    const replaced = await eventually(
      async () => {
        const r = await svc.repos.reports.findById(first.report.id);
        return r?.ingestionId !== first.report.ingestionId ? r : undefined;
      },
      10_000,
      'replaced',
    );
    expect(replaced.status).toBe('pending');
    const since = Date.parse(replaced.pendingSince ?? '');
    expect(since).toBeGreaterThan(created + 23 * HOUR);
    expect(replaced.createdAt).toBe(first.report.createdAt);

    // Counted from the Replace, not from the first upload: nothing before REMIND_AFTER has passed again.
    await runPendingReminders(deps(new Date(since + 2 * HOUR - 60_000)));
    expect(reminders(second.ts)).toHaveLength(0);
    await runPendingReminders(deps(new Date(since + 2 * HOUR + 60_000)));
    const again = await eventually(() => reminders(second.ts)[0], 10_000, 'reminder after the Replace');
    expect(JSON.stringify(again.blocks)).toContain('Pending for 2 h 01 min');
    await runPendingReminders(deps(new Date(since + 3 * HOUR)));
    expect(reminders(second.ts)).toHaveLength(1);
    await runPendingReminders(deps(new Date(since + 8 * HOUR + 60_000)));
    expect(escalated()).toHaveLength(2);
    expect(reminders(first.ts)).toHaveLength(1);
  });

  it('with REMIND_HOURS fires only on weekdays within the hours of DIGEST_TZ', async () => {
    const hours = { from: 8, to: 18 };
    // 2026-12-07 is a Monday.
    expect(withinHours(new Date('2026-12-07T07:59:00Z'), hours, 'UTC')).toBe(false);
    expect(withinHours(new Date('2026-12-07T08:00:00Z'), hours, 'UTC')).toBe(true);
    expect(withinHours(new Date('2026-12-07T17:59:00Z'), hours, 'UTC')).toBe(true);
    expect(withinHours(new Date('2026-12-07T18:00:00Z'), hours, 'UTC')).toBe(false);
    expect(withinHours(new Date('2026-12-05T12:00:00Z'), hours, 'UTC')).toBe(false); // Saturday
    // 13:30 UTC is 08:30 in New York (EST): inside; 12:30 UTC is 07:30 there: outside.
    expect(withinHours(new Date('2026-12-07T13:30:00Z'), hours, 'America/New_York')).toBe(true);
    expect(withinHours(new Date('2026-12-07T12:30:00Z'), hours, 'America/New_York')).toBe(false);

    const { ts, report } = await share();
    const created = Date.parse(report.createdAt);
    // A Saturday well past REMIND_AFTER: nothing; the next weekday in hours: the reminder.
    const saturday = new Date(Math.max(created + 3 * HOUR, Date.parse('2026-12-12T12:00:00Z')));
    const out = await runPendingReminders(deps(saturday, { policy: { ...policy, hours } }));
    expect(out).toEqual({ skipped: 'outside REMIND_HOURS' });
    expect(reminders(ts)).toHaveLength(0);
    await runPendingReminders(deps(new Date('2026-12-14T09:00:00Z'), { policy: { ...policy, hours } }));
    await eventually(() => reminders(ts)[0], 10_000, 'reminder on Monday');
  });

  it('with REMIND_HOURS counts REMIND_AFTER in wall-clock time and holds a reminder due outside the hours until they open', async () => {
    // interface.md: REMIND_HOURS "limits them to weekday hours"; it does not make the delays count
    // business hours only. Shared Friday 17:30, due 19:30: held over the weekend, sent Monday 08:00.
    const hours = { from: 8, to: 18 };
    const { ts, report } = await share();
    await svc.db.query(`update analytics.margin_reports set created_at = '2026-12-11T17:30:00Z' where id = $1`, [
      report.id,
    ]);
    const within = { policy: { ...policy, hours } };
    expect(await runPendingReminders(deps(new Date('2026-12-11T19:31:00Z'), within))).toEqual({
      skipped: 'outside REMIND_HOURS',
    });
    expect(await runPendingReminders(deps(new Date('2026-12-13T10:00:00Z'), within))).toEqual({
      skipped: 'outside REMIND_HOURS',
    });
    await runPendingReminders(deps(new Date('2026-12-14T08:00:00Z'), within));
    const reminder = await eventually(() => reminders(ts)[0], 10_000, 'reminder when the hours open');
    expect(JSON.stringify(reminder.blocks)).toContain('Pending for 62 h 30 min');
    // 62.5 h is also past ESCALATE_AFTER (8 h): listed at the same opening, once.
    const mine = escalations().filter((c) => JSON.stringify(c.args.blocks).includes(report.accountNumber));
    expect(mine).toHaveLength(1);
  });

  it('runs as a schedule on exactly one of two replicas', async () => {
    const { ts, report } = await share();
    const now = new Date(Date.parse(report.createdAt) + 2 * HOUR + 60_000);
    const replica = (name: string) =>
      startSchedules({
        replica: name,
        digest: { cron: '0 7 * * 1-5', tz: 'UTC' },
        digests: {} as never,
        health: { check: async () => ({ status: 'ok', checks: {}, version: 't', uptime_s: 1, platforms: [] }) },
        repos: svc.repos,
        reminders: { repos: svc.repos, admins: [`slack:${ADMIN}`], policy, now: () => now },
        queue: { enqueueIngestion: async () => {} },
        gateways: svc.gateways,
        logger: silentLogger,
        only: [],
      });
    const a = replica('replica-a');
    const b = replica('replica-b');
    try {
      const results = await Promise.all([a.runNow('pendingReminders'), b.runNow('pendingReminders')]);
      expect(results.filter((r) => JSON.stringify(r).includes('another replica'))).toHaveLength(1);
      await eventually(() => reminders(ts)[0], 10_000, 'reminder');
      const rows = await svc.db.query<{ replica: string }>(
        'select replica from analytics.schedule_runs where name = $1',
        [SCHEDULES.pendingReminders],
      );
      expect(rows).toHaveLength(1);
      expect(reminders(ts)).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
