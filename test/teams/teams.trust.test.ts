import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import {
  ADMIN,
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  NAMES,
  pdf,
  startTeamsHarness,
  type TeamsHarness,
} from './harness.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';

/** Issue 14 through the real Teams SDK app against the loopback double: four-eyes and dual approval. */
describe('trust at decision time in Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ trust: { fourEyes: true, dualApprovalAbove: 50_000 } });
  });
  afterAll(() => h?.stop());

  async function uploadAndWait(user: string, name: string, bytes: Uint8Array) {
    const url = h.double.host(`${name}-${Math.random()}`, bytes);
    await h.send(h.activities.file(user, name, url));
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST' && cardText(c).includes(`Reading ${name}`)),
      'the reading reply',
    );
    await h.settle();
    const messageId = reading.responseId ?? '';
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().findLast((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`)),
      'the summary update',
    );
    return { summary, messageId, reportId: String(actionData(summary, ACTION_IDS.approve)?.value) };
  }

  it("refuses the uploader's own Approve in one line, even an admin's, and changes nothing", async () => {
    const { messageId, reportId } = await uploadAndWait(ADMIN, 'own.pdf', pdf('acct=T14A'));
    const putsBefore = h.double.activityCalls().filter((c) => c.method === 'PUT').length;
    const res = await h.send(h.activities.invoke(ADMIN, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(res.body?.type).toBe(INVOKE_MESSAGE);
    expect(res.body?.value).toBe('Four-eyes: You shared this report, so someone else must approve it.');
    expect((await h.repos.reports.findById(reportId))?.validation_status).toBe('pending');
    await h.settle();
    expect(h.double.activityCalls().filter((c) => c.method === 'PUT')).toHaveLength(putsBefore);
  });

  it('completes a dual approval with a second, different approver; the card shows 1 of 2 approvals', async () => {
    const { summary, messageId, reportId } = await uploadAndWait(ANALYST, 'big-call.pdf', pdf('acct=T14B call'));
    expect(cardText(summary)).toContain('0 of 2 approvals');
    const first = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(first.body?.type).toBe(ADAPTIVE);
    expect(JSON.stringify(first.body?.value)).toContain(`1 of 2 approvals (<at>${NAMES[APPROVER]}</at>)`);
    // The first approver is a real mention too: the entity that makes Teams notify them.
    expect((first.body?.value as { msteams?: { entities?: unknown[] } } | undefined)?.msteams?.entities).toContainEqual(
      { type: 'mention', text: `<at>${NAMES[APPROVER]}</at>`, mentioned: { id: APPROVER, name: NAMES[APPROVER] } },
    );
    expect((await h.repos.reports.findById(reportId))?.validation_status).toBe('pending');

    const same = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(String(same.body?.value)).toContain('needs a second approval from someone else');

    const second = await h.send(h.activities.invoke(ADMIN, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(JSON.stringify(second.body?.value)).toContain(`Approved by <at>${NAMES[ADMIN]}</at> at`);
    // A real mention: the card carries the entity that makes Teams notify the approver.
    expect(
      (second.body?.value as { msteams?: { entities?: unknown[] } } | undefined)?.msteams?.entities,
    ).toContainEqual({
      type: 'mention',
      text: `<at>${NAMES[ADMIN]}</at>`,
      mentioned: { id: ADMIN, name: NAMES[ADMIN] },
    });
    const row = await h.repos.reports.findById(reportId);
    expect(row?.validation_status).toBe('approved');
    expect(row?.decided_by).toBe(`teams:${ADMIN}`);
  });
});
