import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, type SlackService, startSlackService } from './slack.harness.ts';
import { eventEnvelope, signature, slashCommand } from './slack.requests.ts';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService();
});
afterAll(async () => {
  await svc?.stop();
});

const mention = (ts: string) =>
  JSON.stringify(
    eventEnvelope({ type: 'app_mention', user: 'UX', text: '<@UBOT>', ts, channel: 'C0SEC', event_ts: ts }),
  );

/**
 * Nothing to wait for after a refusal: a later, genuine event handled to its end is the signal that
 * whatever the refused requests could have started would have shown (its claim, a reply) by then.
 */
async function afterGenuineEvent() {
  const id = `EvGENUINE${svc.slack.nextTs().replace('.', '')}`;
  const ts = svc.slack.nextTs();
  await svc.sender.event({ type: 'message', user: 'UX', text: 'hi', ts, channel: 'C0OTHER' }, { eventId: id });
  await svc.handled(id);
}

const claimOf = async (body: string) =>
  svc.db.query('select key from analytics.processed_events where key = $1', [
    `slack:event:${(JSON.parse(body) as { event_id: string }).event_id}`,
  ]);

describe('requests to /slack/events', () => {
  it('are refused with 401 when the signature is forged, and reach nothing', async () => {
    const body = mention(svc.slack.nextTs());
    const now = Math.floor(Date.now() / 1000);
    const forged = await svc.sender.send(body, 'application/json', {
      signature: signature('not-the-secret', now, body),
    });
    expect(forged.status).toBe(401);
    const tampered = await svc.sender.send(body.replace('UX', 'UY'), 'application/json', {
      signature: signature(SIGNING_SECRET, now, body),
    });
    expect(tampered.status).toBe(401);
    const unsigned = await fetch(`${svc.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    await afterGenuineEvent();
    expect(await claimOf(body)).toHaveLength(0);
    expect(svc.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('are refused with 401 when the timestamp is more than five minutes old (a replay)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await svc.sender.event(
      { type: 'app_mention', user: 'UX', text: '<@UBOT>', ts: svc.slack.nextTs(), channel: 'C0SEC' },
      { timestamp: stale, eventId: 'EvSTALE' },
    );
    expect(res.status).toBe(401);
    const responseUrl = svc.slack.responseUrl();
    const cmd = await svc.sender.command(slashCommand({ user: 'UX', channel: 'C0SEC', text: 'help', responseUrl }), {
      timestamp: stale,
    });
    expect(cmd.status).toBe(401);
    await afterGenuineEvent();
    expect(await claimOf(JSON.stringify({ event_id: 'EvSTALE' }))).toHaveLength(0);
    expect(svc.slack.responses).toHaveLength(0);
  });

  it('accept a signed timestamp within the window', async () => {
    const res = await svc.sender.event(
      { type: 'app_mention', user: 'UX', text: '<@UBOT>', ts: svc.slack.nextTs(), channel: 'C0SEC' },
      { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 },
    );
    expect(res.status).toBe(200);
  });

  it("answer Slack's URL verification challenge", async () => {
    const res = await svc.sender.send(
      JSON.stringify({ token: 't', challenge: 'chal-123', type: 'url_verification' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.json().challenge).toBe('chal-123');
  });
});
