import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { eventually } from '../support/slack-double.ts';
import { cardText } from '../teams/harness.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { appHomeOpened, buttonClick, fileShareMessage } from './slack.requests.ts';

// Issue 17: homes follow the queue wherever it changes. Slack App Home and the Teams home card are
// drawn again after a decision made in the other platform or on another replica, and after a new
// upload; a burst of decisions draws each home once. Through the real Bolt and Teams SDK apps, against
// the loopback doubles (which check every view and card against its schema).
const CHANNEL = 'C0REFRESH';
const ANALYST = 'UANALYST';
const APPROVER = 'UAPPROVER';
const APPROVER2 = 'UAPPROVER2';
const VIEWER = 'UVIEWER';
const TEAMS_APPROVER = 'aad-teams-approver';
const DATE = '2026-11-30';
// Long enough that the clicks of one burst land in one window on a busy machine.
const DEBOUNCE_MS = 2_500;

let svc: SlackService;
let teams: NonNullable<SlackService['teams']>;
beforeAll(async () => {
  svc = await startSlackService({ teams: true, homeDebounceMs: DEBOUNCE_MS });
  teams = svc.teams as NonNullable<SlackService['teams']>;
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', 'test');
  await svc.repos.roles.set(`slack:${APPROVER2}`, 'approver', 'test');
  await svc.repos.roles.set(`slack:${VIEWER}`, 'viewer', 'test');
  await svc.repos.roles.set(`teams:${TEAMS_APPROVER}`, 'approver', 'test');
});
afterAll(async () => {
  await svc?.stop();
});

/** Shares a statement in the channel as the analyst; returns its report id and its summary's ts. */
async function share(account: string) {
  const ts = svc.slack.nextTs();
  const file = svc.slack.addFile({
    name: `${account}.pdf`,
    bytes: await testPdf({ account_number: account, report_date: DATE }),
    channel: CHANNEL,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(
    () => svc.slack.thread(CHANNEL, ts).find((m) => m.text.includes(`${account} ${DATE}`)),
    20_000,
    'summary',
  );
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(account, DATE);
  if (!report) throw new Error('report not stored');
  return { id: report.id, threadTs: ts, summaryTs: summary.ts };
}

const publishes = () => svc.slack.callsTo('views.publish');
/** The App Home views published for `user` after the first `since` publishes. */
const viewsFor = (user: string, since: number) =>
  publishes()
    .slice(since)
    .filter((c) => c.args.user_id === user)
    .map((c) => JSON.stringify((c.args.view as { blocks: unknown[] }).blocks));

async function openHome(user: string) {
  const before = publishes().length;
  await svc.sender.event(appHomeOpened(user));
  await eventually(() => viewsFor(user, before).length > 0, 10_000, `App Home of ${user}`);
}

const approveInSlack = (s: { id: string; threadTs: string; summaryTs: string }, user: string, sender = svc.sender) =>
  sender.interaction(
    buttonClick({
      user,
      channel: CHANNEL,
      messageTs: s.summaryTs,
      threadTs: s.threadTs,
      actionId: ACTION_IDS.approve,
      value: s.id,
      responseUrl: svc.slack.responseUrl(),
    }),
  );

const approved = (id: string) =>
  eventually(async () => (await svc.repos.reports.findById(id))?.status === 'approved', 10_000, 'approval');

describe('homes follow the queue', () => {
  let first: Awaited<ReturnType<typeof share>>;
  let homeActivity = '';

  it('draws an approver’s App Home again when a statement is shared, and not a viewer’s', async () => {
    await openHome(APPROVER);
    await openHome(VIEWER);
    const since = publishes().length;
    first = await share('U8300001');
    await eventually(
      () => viewsFor(`${APPROVER}`, since).some((v) => v.includes('U8300001')),
      15_000,
      'the approver’s home with the new report',
    );
    await svc.homes.idle();
    // A viewer may not see a report shared in a channel they asked nothing in: their home is not drawn.
    expect(viewsFor(VIEWER, since)).toEqual([]);
  });

  it('posts a Teams approver’s home card on install and updates it in place when the queue changes', async () => {
    const before = teams.double.activityCalls().length;
    await teams.send(teams.activities.installed(TEAMS_APPROVER));
    const home = await teams.double.waitFor(
      () =>
        teams.double
          .activityCalls()
          .slice(before)
          .find((c) => c.method === 'POST' && cardText(c).includes('My queue')),
      'the home card',
    );
    expect(cardText(home)).toContain('U8300001');
    homeActivity = home.responseId ?? '';
    const since = teams.double.activityCalls().length;
    const second = await share('U8300002');
    const updated = await teams.double.waitFor(
      () =>
        teams.double
          .activityCalls()
          .slice(since)
          .find((c) => c.method === 'PUT' && c.path.endsWith(`/${homeActivity}`) && cardText(c).includes('U8300002')),
      'the home card updated with the new report',
    );
    expect(cardText(updated)).toContain('U8300001');
    // A decision in Slack: the Teams card is updated in place again, without the decided report.
    const after = teams.double.activityCalls().length;
    await approveInSlack(second, APPROVER2);
    await approved(second.id);
    await teams.double.waitFor(
      () =>
        teams.double
          .activityCalls()
          .slice(after)
          .find((c) => c.method === 'PUT' && c.path.endsWith(`/${homeActivity}`) && !cardText(c).includes('U8300002')),
      'the home card updated after the decision in Slack',
    );
  });

  it('draws the Slack approver’s App Home again after a decision in Teams', async () => {
    const since = publishes().length;
    const res = await teams.send(teams.activities.invoke(TEAMS_APPROVER, ACTION_IDS.approve, { value: first.id }));
    expect(res.status).toBe(200);
    await approved(first.id);
    await eventually(
      () => viewsFor(APPROVER, since).some((v) => !v.includes('U8300001')),
      15_000,
      'the approver’s home without the report decided in Teams',
    );
  });

  it('draws each home once for a burst of decisions', async () => {
    const shared = [await share('U8300003'), await share('U8300004'), await share('U8300005')];
    await svc.homes.idle();
    const since = publishes().length;
    const clicks = await Promise.all(shared.map((s) => approveInSlack(s, APPROVER)));
    expect(clicks.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const s of shared) await approved(s.id);
    await eventually(
      () => viewsFor(APPROVER, since).some((v) => !/U830000[345]/.test(v)),
      15_000,
      'the approver’s home without the three reports',
    );
    await svc.homes.idle();
    expect(viewsFor(APPROVER, since)).toHaveLength(1);
  });

  it('draws the App Home again after a decision on another replica of the service', async () => {
    const replica = await startSlackService({
      shareWith: { db: svc.db, slack: svc.slack, dir: svc.dir },
      homeDebounceMs: 100,
    });
    try {
      const s = await share('U8300006');
      await svc.homes.idle();
      const since = publishes().length;
      // APPROVER looked at their home on the first replica; APPROVER2 decides on the second.
      const res = await approveInSlack(s, APPROVER2, replica.sender);
      expect(res.status).toBe(200);
      await approved(s.id);
      await eventually(
        () => viewsFor(APPROVER, since).some((v) => !v.includes('U8300006')),
        15_000,
        'the approver’s home drawn again by the other replica',
      );
    } finally {
      await replica.stop();
    }
  });
});
