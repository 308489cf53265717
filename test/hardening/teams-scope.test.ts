import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import {
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  pdf,
  startTeamsHarness,
  type TeamsHarness,
} from '../teams/harness.ts';

/**
 * Issue 18 item 4 in Teams, over HTTP: Teams has no ephemeral replies, so a channel is a conversation
 * surface for every answer, and only the personal chat is private.
 */
describe('data scoped to the conversation it was shared in (Teams)', () => {
  let h: TeamsHarness;
  let reportId = '';
  let messageId = '';
  beforeAll(async () => {
    h = await startTeamsHarness();
    const url = h.double.host(`scope-${Math.random()}`, pdf('acct=TSCOPE1'));
    await h.send(h.activities.file(ANALYST, 'scope.pdf', url));
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST' && cardText(c).includes('Reading scope.pdf')),
      'the reading reply',
    );
    await h.settle();
    messageId = reading.responseId ?? '';
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().findLast((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`)),
      'the summary',
    );
    reportId = String(actionData(summary, ACTION_IDS.approve)?.value);
  });
  afterAll(() => h?.stop());

  /** A message the bot posted into the channel (every conversation but the personal chats). */
  const inChannel = (text: string) =>
    h.double
      .activityCalls()
      .find((c) => c.method === 'POST' && !c.path.includes('personal') && cardText(c).includes(text));

  it('refuses a click in a channel on a report shared only in a personal chat', async () => {
    const res = await h.send(
      h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId, 'channel'),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('not shared in this conversation');
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');
    // From the approver's personal chat (a private surface) the approver may decide it.
    const ok = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(ok.status).toBe(200);
    expect((await h.repos.reports.findById(reportId))?.status).toBe('approved');
  });

  it('answers in a channel only with what was shared there, and sends no export into it', async () => {
    await h.send(h.activities.channelMessage(APPROVER, 'report TSCOPE1'));
    await h.double.waitFor(() => inChannel('There is no report for account TSCOPE1'), 'the scoped answer');
    await h.send(h.activities.channelMessage(ANALYST, 'export all 30d csv'));
    await h.double.waitFor(() => inChannel('An export goes only to you'), 'the export refusal');
    // In the personal chat the approver sees every report they may decide.
    await h.send(h.activities.message(APPROVER, 'report TSCOPE1'));
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.path.includes(h.activities.personalConversation(APPROVER)) &&
              cardText(c).includes('TSCOPE1') &&
              !cardText(c).includes('There is no report'),
          ),
      'the private answer',
    );
  });
});
