import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { eventually } from '../support/slack-double.ts';
import {
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  pdf,
  startTeamsHarness,
  type TeamsHarness,
} from '../teams/harness.ts';

const CHANNEL = 'C0CLAIMS';

/**
 * Issue 18 item 7, second half: an event was marked taken before its handler ran, so a handler that
 * failed (or a replica that crashed in it) lost Slack's redelivery for good.
 */
describe('a Slack event whose handler fails (over HTTP)', () => {
  let svc: SlackService;
  beforeAll(async () => {
    svc = await startSlackService();
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const helpIn = (ts: string) =>
    svc.slack
      .callsTo('chat.postMessage')
      .filter(
        (c) => c.args.channel === CHANNEL && c.args.thread_ts === ts && JSON.stringify(c.args).includes('commands'),
      );

  it('is handled when Slack delivers it again', async () => {
    const ts = svc.slack.nextTs();
    const mention = { type: 'app_mention', user: 'UX', text: '<@UBOT> help', ts, channel: CHANNEL, event_ts: ts };
    svc.slack.fail('chat.postMessage', { error: 'fatal_error' }, 1);
    expect((await svc.sender.event(mention, { eventId: 'EvFAILONCE' })).status).toBe(200);
    await eventually(() => svc.logs.some((l) => l.includes('fatal_error')), 10_000, 'the failure');
    await eventually(async () => !(await isClaimed('slack:event:EvFAILONCE')) || undefined, 10_000, 'claim released');
    // The double records the refused call too: one attempt so far, and it failed.
    expect(helpIn(ts)).toHaveLength(1);
    const retry = await svc.sender.event(mention, {
      eventId: 'EvFAILONCE',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' },
    });
    expect(retry.status).toBe(200);
    await eventually(() => helpIn(ts).length > 1, 10_000, 'help after the redelivery');
    // Done now: a third delivery is ignored.
    await svc.sender.event(mention, { eventId: 'EvFAILONCE', headers: { 'x-slack-retry-num': '2' } });
    await eventually(
      () => svc.logs.some((l) => l.includes('already taken') && l.includes('EvFAILONCE')),
      10_000,
      'the third delivery refused by the ingress',
    );
    expect(helpIn(ts)).toHaveLength(2);
  });

  it('is handled again when the replica that took it died mid-handler (its claim expired)', async () => {
    // What a crash leaves: a claim, never finished, older than the lease.
    await svc.db.query(
      `insert into analytics.processed_events (key, state, at) values ('slack:event:EvCRASHED', 'claimed', now() - interval '2 minutes')`,
    );
    const ts = svc.slack.nextTs();
    const mention = { type: 'app_mention', user: 'UX', text: '<@UBOT> help', ts, channel: CHANNEL, event_ts: ts };
    await svc.sender.event(mention, { eventId: 'EvCRASHED', headers: { 'x-slack-retry-num': '1' } });
    await eventually(() => helpIn(ts).length > 0, 10_000, 'help after the crash');
  });

  async function isClaimed(key: string) {
    const rows = await svc.db.query<{ state: string }>('select state from analytics.processed_events where key = $1', [
      key,
    ]);
    return rows[0]?.state === 'claimed' || rows[0]?.state === 'done';
  }
});

/**
 * Issue 18: a Teams edit-form submission took a second, permanent claim on its invoke id, and the
 * invoke handler answered "something went wrong" instead of throwing, so the ingress marked it done:
 * a submission that failed was never handled when Teams delivered it again.
 */
describe('a Teams edit-form submission whose handler fails (real Teams SDK app, loopback double)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h?.stop());

  it('is handled when Teams delivers the same invoke again, and only once', async () => {
    const url = h.double.host(`retry-${Math.random()}`, pdf('acct=T18R'));
    await h.send(h.activities.file(ANALYST, 'retry.pdf', url));
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST' && cardText(c).includes('Reading retry.pdf')),
      'the reading reply',
    );
    await h.settle();
    const messageId = reading.responseId ?? '';
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().findLast((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`)),
      'the summary',
    );
    const reportId = String(actionData(summary, ACTION_IDS.edit)?.value);
    const open = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.edit, { value: reportId }, messageId));
    const save = actionData({ body: open.body?.value }, EDIT_FORM_ID) as { value: string; version: number };
    // The database refuses the first write of the edit (a sequence is not rolled back with it).
    for (const sql of [
      'create sequence edit_fails_once',
      `create function edit_fails_once() returns trigger language plpgsql as $$
       begin
         if nextval('edit_fails_once') = 1 then raise exception 'disk full'; end if;
         return new;
       end $$`,
      `create trigger edit_fails_once before update on analytics.margin_reports
         for each row execute function edit_fails_once()`,
    ])
      await h.db.query(sql);
    try {
      const submission = h.activities.invoke(
        APPROVER,
        EDIT_FORM_ID,
        {
          ...save,
          account_number: 'T18R',
          report_date: '2026-11-27',
          currency: 'USD',
          total_equity: '1111111',
          maintenance_requirement: '400000',
          reason: 'reprinted',
        },
        messageId,
      );
      const failed = await h.send(submission);
      expect(String(failed.body?.value)).toContain('Something went wrong');
      expect((await h.repos.reports.findById(reportId))?.extracted.fields.total_equity).not.toBe(1_111_111);

      // Teams delivers the same activity again: handled now.
      const again = await h.send(submission);
      expect(JSON.stringify(again.body?.value)).toContain('1,111,111.00 USD');
      expect((await h.repos.reports.findById(reportId))?.extracted.fields.total_equity).toBe(1_111_111);

      // Done: a third delivery is not a second edit.
      const third = await h.send(submission);
      expect(String(third.body?.value)).toContain('Already received');
      const edits = (await h.repos.audit.forEntity('margin_report', reportId)).filter(
        (e) => e.action === 'report.edited',
      );
      expect(edits).toHaveLength(1);
    } finally {
      await h.db.query('drop trigger edit_fails_once on analytics.margin_reports');
      await h.db.query('drop function edit_fails_once()');
      await h.db.query('drop sequence edit_fails_once');
    }
  });
});

/**
 * Issue 18: a message is acknowledged at once and handled in the background; its claim was marked done
 * before that handling ran, so an edit sent the fallback way (Action.Submit as a message `value`) that
 * failed was never handled when Teams delivered the message again.
 */
describe('a Teams edit sent as a message (Action.Submit fallback) whose handling fails (real Teams SDK app)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h?.stop());

  it('is handled when Teams delivers the same message again, and only once', async () => {
    const url = h.double.host(`retry-msg-${Math.random()}`, pdf('acct=T18M'));
    await h.send(h.activities.file(ANALYST, 'retry-msg.pdf', url));
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST' && cardText(c).includes('Reading retry-msg.pdf')),
      'the reading reply',
    );
    await h.settle();
    const messageId = reading.responseId ?? '';
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().findLast((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`)),
      'the summary',
    );
    const reportId = String(actionData(summary, ACTION_IDS.edit)?.value);
    const open = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.edit, { value: reportId }, messageId));
    const save = actionData({ body: open.body?.value }, EDIT_FORM_ID) as { value: string; version: number };
    const edited = () =>
      h.double
        .activityCalls()
        .filter(
          (c) =>
            c.method === 'PUT' &&
            c.path.endsWith(`/activities/${messageId}`) &&
            cardText(c).includes('1,111,111.00 USD'),
        );
    for (const sql of [
      'create sequence edit_fails_once_msg',
      `create function edit_fails_once_msg() returns trigger language plpgsql as $$
       begin
         if nextval('edit_fails_once_msg') = 1 then raise exception 'disk full'; end if;
         return new;
       end $$`,
      `create trigger edit_fails_once_msg before update on analytics.margin_reports
         for each row execute function edit_fails_once_msg()`,
    ])
      await h.db.query(sql);
    try {
      const submission = h.activities.message(APPROVER, '', {
        replyToId: messageId,
        value: {
          ...save,
          verb: EDIT_FORM_ID,
          account_number: 'T18M',
          report_date: '2026-11-27',
          currency: 'USD',
          total_equity: '1111111',
          maintenance_requirement: '400000',
          reason: 'reprinted',
        },
      });
      expect((await h.send(submission)).status).toBe(200);
      // The handling failed in the background: the claim is given back, nothing was changed.
      await h.released(submission);
      expect((await h.repos.reports.findById(reportId))?.extracted.fields.total_equity).not.toBe(1_111_111);
      expect(edited()).toHaveLength(0);

      // Teams delivers the same message again: handled now, the card updated in place.
      expect((await h.send(submission)).status).toBe(200);
      await h.handled(submission);
      expect((await h.repos.reports.findById(reportId))?.extracted.fields.total_equity).toBe(1_111_111);
      const updates = edited().length;
      expect(updates).toBeGreaterThan(0);

      // Done: a third delivery is not a second edit (the ingress refuses it before answering).
      expect((await h.send(submission)).status).toBe(200);
      await h.handled(submission);
      const edits = (await h.repos.audit.forEntity('margin_report', reportId)).filter(
        (e) => e.action === 'report.edited',
      );
      expect(edits).toHaveLength(1);
      expect(edited()).toHaveLength(updates);
    } finally {
      await h.db.query('drop trigger edit_fails_once_msg on analytics.margin_reports');
      await h.db.query('drop function edit_fails_once_msg()');
      await h.db.query('drop sequence edit_fails_once_msg');
    }
  });
});

describe.each(DATABASES)('processed events on %s', (_name, open) => {
  let t: TestDb;
  let repos: Repositories;
  beforeAll(async () => {
    t = await open();
    repos = createRepositories(t.db);
  });
  afterAll(() => t?.drop());

  it('take a key once while it is claimed or done, again once released or expired', async () => {
    expect(await repos.events.begin('k1', 30)).toBe(true);
    expect(await repos.events.begin('k1', 30)).toBe(false); // in flight elsewhere
    await repos.events.release('k1');
    expect(await repos.events.begin('k1', 30)).toBe(true);
    await repos.events.finish('k1');
    await repos.events.release('k1'); // a late release never undoes a finished handler
    expect(await repos.events.begin('k1', 30)).toBe(false);
    await t.db.query(`update analytics.processed_events set at = now() - interval '1 minute' where key = 'k1'`);
    expect(await repos.events.begin('k1', 30)).toBe(false); // done is done, however old
    expect(await repos.events.begin('k2', 30)).toBe(true);
    await t.db.query(`update analytics.processed_events set at = now() - interval '1 minute' where key = 'k2'`);
    expect(await repos.events.begin('k2', 30)).toBe(true); // a crashed handler's claim expired
  });

  it('are pruned when older than the days the sweeper keeps', async () => {
    expect(await repos.events.claim('old-key')).toBe(true);
    expect(await repos.events.claim('new-key')).toBe(true);
    await t.db.query(`update analytics.processed_events set at = now() - interval '8 days' where key = 'old-key'`);
    const pruned = await repos.events.prune(new Date(Date.now() - 7 * 86_400_000));
    expect(pruned).toBe(1);
    expect(await repos.events.claim('old-key')).toBe(true);
    expect(await repos.events.claim('new-key')).toBe(false);
  });
});
