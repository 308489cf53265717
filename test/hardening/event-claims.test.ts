import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/core/ports.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { eventually } from '../support/slack-double.ts';

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
    await new Promise((r) => setTimeout(r, 500));
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
