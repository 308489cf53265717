import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import {
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  NAMES,
  pdf,
  startTeamsHarness,
  type TeamsHarness,
} from './harness.ts';

const sharingUrl = (name: string) => `https://contoso.sharepoint.com/sites/Risk/Shared Documents/General/${name}`;

describe('MarginIQ in Teams with app credentials: inbound JWTs, outbound tokens, channel files through Graph', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ credentials: true });
  });
  afterAll(() => h?.stop());

  it('rejects activities without a valid Bot Framework token', async () => {
    const activity = h.activities.message(ANALYST, 'help');
    expect((await h.send(activity, null)).status).toBe(401);
    // Right shape, wrong signer.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const [head, body] = h.double.signInbound().split('.');
    const forged = `${head}.${body}.${createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url')}`;
    expect((await h.send(activity, forged)).status).toBe(401);
    // Signed, but for another bot.
    expect((await h.send(activity, h.double.signInbound({ aud: 'someone-else' }))).status).toBe(401);
    // Signed, but claiming another connector than the activity names.
    expect((await h.send(activity, h.double.signInbound({ serviceurl: 'https://evil.example' }))).status).toBe(401);
    expect(h.double.activityCalls()).toHaveLength(0);
  });

  it('accepts a signed activity and calls the connector with a client-credentials token from the tenant', async () => {
    expect((await h.send(h.activities.message(ANALYST, 'help'))).status).toBe(200);
    const post = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST'),
      'the help answer',
    );
    expect(post.headers.authorization).toMatch(/^Bearer ey/);
    const tokenCall = h.double.calls.find((c) => c.path === `/${h.double.tenantId}/oauth2/v2.0/token`);
    expect(tokenCall?.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: h.double.clientId,
      scope: 'https://api.botframework.com/.default',
    });
  });

  it('reads a PDF posted in a channel with an @mention through Microsoft Graph and answers in its thread', async () => {
    const name = 'channel-statement.pdf';
    const message = h.activities.channelMessage(ANALYST, '', {
      attachments: [
        { contentType: 'text/html', content: `<div><at>MarginIQ</at> <attachment id="att-1"></attachment></div>` },
      ],
    });
    h.double.graphMessages.set(`/teams/team-aad-group/channels/19:general@thread.tacv2/messages/${message.id}`, {
      id: message.id,
      attachments: [{ id: 'att-1', contentType: 'reference', contentUrl: sharingUrl(name), name }],
    });
    const bytes = pdf('acct=G100');
    h.double.host(name, bytes);
    h.double.driveItems.set(sharingUrl(name), { name, size: bytes.byteLength, storageKey: name });

    expect((await h.send(message)).status).toBe(200);
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => cardText(c).includes(`Reading ${name}`)),
      'the reading reply',
    );
    expect(reading.path).toBe(`/v3/conversations/19:general@thread.tacv2;messageid=${message.id}/activities`);
    await h.settle();
    const summary = await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.method === 'PUT' &&
              c.path.endsWith(`/activities/${reading.responseId}`) &&
              cardText(c).includes('Account G100'),
          ),
      'the summary in the thread',
    );
    expect(summary.path).toContain(`;messageid=${message.id}/`);

    const graphCalls = h.double.calls.filter((c) => c.server === 'graph');
    expect(graphCalls.length).toBeGreaterThanOrEqual(2);
    for (const c of graphCalls) expect(c.headers.authorization).toMatch(/^Bearer /);
    expect(graphCalls.some((c) => c.path.endsWith('/driveItem/content'))).toBe(true);
    // Graph redirected to storage: the token stayed with Graph.
    const download = h.double.calls.find((c) => c.server === 'storage' && c.path.startsWith(`/dl/${name}`));
    expect(download?.headers.authorization).toBeUndefined();
    const graphToken = h.double.calls.find(
      (c) =>
        c.server === 'connector' &&
        (c.body as { scope?: string } | undefined)?.scope === 'https://graph.microsoft.com/.default',
    );
    expect(graphToken).toBeDefined();

    // And an approver can approve it from the channel.
    const reportId = String(actionData(summary, ACTION_IDS.approve)?.value);
    const res = await h.send(
      h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, reading.responseId, 'channel'),
    );
    expect(JSON.stringify(res.body)).toContain(`Approved by <at>${NAMES[APPROVER]}</at> at`);
  });

  it('reads a group-chat file through the chat messages endpoint', async () => {
    const name = 'group.pdf';
    const message = h.activities.channelMessage(ANALYST, '', {
      channelData: { tenant: { id: h.double.tenantId } },
      attachments: [{ contentType: 'reference', contentUrl: sharingUrl(name), name }],
    });
    message.conversation = {
      id: '19:group-chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: h.double.tenantId,
    };
    h.double.graphMessages.set(`/chats/19:group-chat@thread.v2/messages/${message.id}`, {
      attachments: [{ id: 'g-1', contentType: 'reference', contentUrl: sharingUrl(name), name }],
    });
    const bytes = pdf('acct=G200');
    h.double.host(name, bytes);
    h.double.driveItems.set(sharingUrl(name), { name, size: bytes.byteLength, storageKey: name });
    await h.send(message);
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.path.startsWith('/v3/conversations/19:group-chat@thread.v2/') &&
              cardText(c).includes(`Reading ${name}`),
          ),
      'the reading reply',
    );
    await h.settle();
    await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'PUT' && cardText(c).includes('Account G200')),
      'the summary',
    );
  });

  it('says what went wrong when Graph will not show the message, and how to send the file instead', async () => {
    const message = h.activities.channelMessage(ANALYST, '', {
      attachments: [{ contentType: 'text/html', content: '<attachment id="x"></attachment>' }],
    });
    await h.send(message);
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find((c) => cardText(c).includes('Could not fetch the file') && cardText(c).includes('personal chat')),
      'the explanation',
    );
  });

  it('ignores channel messages that do not mention the bot (resource-specific consent delivers them all)', async () => {
    const before = h.double.activityCalls().length;
    const message = h.activities.channelMessage(ANALYST, 'pending');
    message.entities = [];
    message.text = 'pending';
    expect((await h.send(message)).status).toBe(200);
    await h.handled(message);
    expect(h.double.activityCalls()).toHaveLength(before);
  });
});
