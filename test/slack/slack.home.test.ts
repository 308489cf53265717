import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { appHomeOpened, fileShareMessage, homeClick } from './slack.requests.ts';

// Issue 17 item 4: Slack App Home through the real Bolt app and the Slack double's views.publish.
const CHANNEL = 'C0HOME';
const ANALYST = 'UANALYST';
const APPROVER = 'UAPPROVER';
const VIEWER = 'UVIEWER';
const DATE = '2026-11-27';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService();
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', 'test');
  await svc.repos.roles.set(`slack:${VIEWER}`, 'viewer', 'test');
});
afterAll(async () => {
  await svc?.stop();
});

async function share(account: string, user: string) {
  const ts = svc.slack.nextTs();
  const file = svc.slack.addFile({
    name: `${account}.pdf`,
    bytes: await testPdf({ account_number: account, report_date: DATE }),
    channel: CHANNEL,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user, ts, files: [file] }));
  const report = await eventually(() => svc.repos.reports.findByAccountDate(account, DATE), 20_000, 'report');
  await eventually(
    () => svc.slack.thread(CHANNEL, ts).find((m) => m.text.includes(`${account} ${DATE}`)),
    20_000,
    'summary',
  );
  await svc.idle();
  // The upload draws stored homes again (issue 17): done before a test counts what it draws.
  await svc.homes.idle();
  return report.id;
}

/** Opens the Home tab as `user` and returns the view Slack was given for them. */
async function openHome(user: string) {
  const before = svc.slack.callsTo('views.publish').length;
  const res = await svc.sender.event(appHomeOpened(user));
  expect(res.status).toBe(200);
  await eventually(
    () =>
      svc.slack
        .callsTo('views.publish')
        .slice(before)
        .some((c) => c.args.user_id === user),
    10_000,
    `App Home of ${user}`,
  );
  return svc.slack.homes.get(user);
}

/** The buttons of a view: action id and value. */
const buttons = (blocks: unknown[] = []) =>
  blocks.flatMap((b) => {
    const block = b as { type: string; elements?: { type: string; action_id?: string; value?: string }[] };
    return block.type === 'actions'
      ? (block.elements ?? []).filter((e) => e.type === 'button').map((e) => ({ id: e.action_id, value: e.value }))
      : [];
  });

describe('Slack App Home', () => {
  it('shows a pending report in its approver’s queue with Approve and Open, and not to a viewer', async () => {
    const id = await share('U8100001', ANALYST);
    const mine = await openHome(APPROVER);
    expect(mine?.type).toBe('home');
    const text = JSON.stringify(mine?.blocks);
    expect(text).toContain('My queue');
    expect(text).toContain('U8100001');
    expect(buttons(mine?.blocks).filter((b) => b.value === id)).toEqual([
      { id: ACTION_IDS.approve, value: id },
      { id: ACTION_IDS.open, value: id },
    ]);
    expect(text).toContain('Service status');
    expect(text).toContain('Margin calls');

    const theirs = await openHome(VIEWER);
    expect(JSON.stringify(theirs?.blocks)).not.toContain('U8100001');
    expect(buttons(theirs?.blocks)).toEqual([]);
    expect(JSON.stringify(theirs?.blocks)).toContain('your role is viewer');
  });

  it('links the last digests to the Slack channels they were posted in', async () => {
    await svc.repos.audit.append({
      actor: 'system',
      action: 'digest.sent',
      entityType: 'digest',
      entityId: 'daily:2026-12-04',
      context: { scope: 'subscribers', posted: ['slack:C0RISK', 'teams:19:other@thread'], failed: [] },
    });
    const text = JSON.stringify((await openHome(VIEWER))?.blocks);
    expect(text).toContain('Daily digest 2026-12-04');
    expect(text).toContain('https://slack.com/app_redirect?channel=C0RISK');
    expect(text).not.toContain('19:other');
  });

  it('keeps an approver’s own upload in their queue with Open but without Approve (four-eyes)', async () => {
    const id = await share('U8100002', APPROVER);
    const mine = await openHome(APPROVER);
    expect(buttons(mine?.blocks).filter((b) => b.value === id)).toEqual([{ id: ACTION_IDS.open, value: id }]);
    expect(JSON.stringify(mine?.blocks)).toContain('four-eyes');
  });

  it('approves from the Home tab, updates the summary, and draws the home again without it', async () => {
    const id = await share('U8100003', ANALYST);
    await openHome(APPROVER);
    const published = svc.slack.callsTo('views.publish').length;
    const res = await svc.sender.interaction(homeClick({ user: APPROVER, actionId: ACTION_IDS.approve, value: id }));
    expect(res.status).toBe(200);
    await eventually(async () => (await svc.repos.reports.findById(id))?.status === 'approved');
    await eventually(
      () =>
        svc.slack
          .callsTo('views.publish')
          .slice(published)
          .some((c) => c.args.user_id === APPROVER),
      10_000,
      'home drawn again',
    );
    const home = svc.slack.homes.get(APPROVER);
    expect(buttons(home?.blocks).filter((b) => b.value === id)).toEqual([]);
    expect(JSON.stringify(home?.blocks)).not.toContain('U8100003');
  });

  it('opens a report from the queue in a modal with its Approve / Reject / Edit buttons', async () => {
    const id = await share('U8100004', ANALYST);
    const opened = svc.slack.callsTo('views.open').length;
    await svc.sender.interaction(homeClick({ user: APPROVER, actionId: ACTION_IDS.open, value: id }));
    const call = await eventually(() => svc.slack.callsTo('views.open')[opened], 10_000, 'modal');
    const view = call.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('modal');
    expect(JSON.stringify(view.blocks)).toContain('U8100004');
    expect(buttons(view.blocks).map((b) => b.id)).toEqual([ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit]);
  });

  it('answers a forged Approve from a viewer’s Home tab with a refusal in a modal (there is no channel there)', async () => {
    const id = await share('U8100005', ANALYST);
    const opened = svc.slack.callsTo('views.open').length;
    await svc.sender.interaction(homeClick({ user: VIEWER, actionId: ACTION_IDS.approve, value: id }));
    const call = await eventually(() => svc.slack.callsTo('views.open')[opened], 10_000, 'refusal');
    // The viewer may not even see a report shared in a channel they asked nothing in.
    expect(JSON.stringify(call.args.view)).toMatch(/not shared|approv/i);
    expect((await svc.repos.reports.findById(id))?.status).toBe('pending');
  });
});
