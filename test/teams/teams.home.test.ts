import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { ANALYST, APPROVER, actionData, cardText, pdf, startTeamsHarness, type TeamsHarness } from './harness.ts';

// Issue 17 item 4 in Teams: the home as a personal card, on install and on "home", through the real
// Teams SDK app and the Bot Connector double.
const VIEWER = 'aad-viewer';

describe('the Teams home card', () => {
  let h: TeamsHarness;
  let reportId = '';
  beforeAll(async () => {
    h = await startTeamsHarness();
    await h.repos.roles.set(`teams:${VIEWER}`, 'viewer', 'test');
    const url = h.double.host(`queued-${Math.random()}`, pdf('acct=T8100001'));
    await h.send(h.activities.file(ANALYST, 'queued.pdf', url));
    await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'PUT' && cardText(c).includes('T8100001')),
      'the summary',
    );
    await h.settle();
    reportId = (await h.repos.reports.latestForAccount('T8100001'))?.id ?? '';
  });
  afterAll(() => h?.stop());

  /** The home card posted into a person's personal chat after `since` calls. */
  const homeIn = (user: string, since: number) =>
    h.double
      .activityCalls()
      .slice(since)
      .find(
        (c) =>
          c.method === 'POST' &&
          c.path.includes(h.activities.personalConversation(user)) &&
          cardText(c).includes('My queue'),
      );

  it('greets an approver on install with their queue: the pending report with Approve and Open', async () => {
    const since = h.double.activityCalls().length;
    await h.send(h.activities.installed(APPROVER));
    const home = await h.double.waitFor(() => homeIn(APPROVER, since), 'the home card');
    expect(cardText(home)).toContain('T8100001');
    expect(actionData(home, ACTION_IDS.approve)?.value).toBe(reportId);
    expect(actionData(home, ACTION_IDS.open)?.value).toBe(reportId);
  });

  it('answers "home" from a viewer without anyone’s queue', async () => {
    const since = h.double.activityCalls().length;
    await h.send(h.activities.message(VIEWER, 'home'));
    const home = await h.double.waitFor(() => homeIn(VIEWER, since), 'the home card');
    expect(cardText(home)).not.toContain('T8100001');
    expect(actionData(home, ACTION_IDS.approve)).toBeUndefined();
    expect(cardText(home)).toContain('your role is viewer');
  });

  it('opens the report from the home card with its Approve / Reject / Edit buttons', async () => {
    const res = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.open, { value: reportId }));
    expect(res.status).toBe(200);
    const card = { body: { attachments: [{ content: res.body?.value }] } };
    expect(cardText(card)).toContain('T8100001');
    for (const verb of [ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit])
      expect(actionData(card, verb)?.value).toBe(reportId);
  });
});
