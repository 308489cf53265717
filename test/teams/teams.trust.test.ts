import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { renderEvidenceCrop } from '../../src/render/evidence.crop.ts';
import {
  ADMIN,
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  NAMES,
  pdf,
  sourcedPdf,
  startTeamsHarness,
  type TeamsHarness,
} from './harness.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';

/** Issue 14 through the real Teams SDK app against the loopback double: four-eyes and dual approval. */
describe('trust at decision time in Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({
      trust: { fourEyes: true, dualApprovalAbove: 50_000 },
      renderCrop: renderEvidenceCrop,
    });
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
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');
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
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');

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
    expect(row?.status).toBe('approved');
    expect(row?.decidedBy).toBe(`teams:${ADMIN}`);
  });

  it('Show source posts the crop as an inline image in a card, served from MarginIQ’s file link', async () => {
    const { summary, messageId, reportId } = await uploadAndWait(ANALYST, 'sourced.pdf', await sourcedPdf('acct=T14S'));
    expect(cardText(summary)).toContain('p. 1 · “Margin statement”');
    expect(actionData(summary, ACTION_IDS.show_source)?.value).toBe(reportId);
    const posts = h.double.activityCalls().filter((c) => c.method === 'POST').length;
    const res = await h.send(h.activities.invoke(ANALYST, ACTION_IDS.show_source, { value: reportId }, messageId));
    expect(res.status).toBe(200);
    const shown = await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .filter((c) => c.method === 'POST')
          .slice(posts)
          .find((c) => cardText(c).includes('"type":"Image"')),
      'the crop card',
    );
    expect(cardText(shown)).toContain('Excess liquidity · T14S · page 1');
    const url = (JSON.parse(cardText(shown)) as { body: { type: string; url?: string }[] }[])[0]?.body.find(
      (b) => b.type === 'Image',
    )?.url;
    expect(url).toMatch(/\/api\/teams\/files\/[\w-]+$/);
    // Teams fetches the picture from the link: a PNG of the region, not of the page.
    const image = await fetch(url!);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await image.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.readUInt32BE(20)).toBeLessThan(400); // height: the page is 400 px high at 144 dpi
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');
  });
});
