import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAckGate } from '../../src/platforms/ack.gate.ts';
import { SIGNING_SECRET, type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { signature, slashCommand } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

const settledWithin = async (p: Promise<void>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('the acknowledgement gate', () => {
  it('lets work through at once when no request owes its acknowledgement', async () => {
    expect(await settledWithin(createAckGate().clear(), 20)).toBe(true);
  });

  it('holds work back while a request owes its acknowledgement, and lets it through once it is answered', async () => {
    const gate = createAckGate({ maxWaitMs: 10_000 });
    const answered = gate.owe();
    const other = gate.owe();
    const work = gate.clear();
    expect(await settledWithin(work, 50)).toBe(false);
    answered();
    answered(); // answering twice counts once
    expect(gate.owed()).toBe(1);
    expect(await settledWithin(work, 50)).toBe(false);
    other();
    expect(await settledWithin(work, 1_000)).toBe(true);
    expect(gate.owed()).toBe(0);
  });

  it('never holds work back longer than its maximum wait, whatever stays owed', async () => {
    const gate = createAckGate({ maxWaitMs: 40 });
    gate.owe();
    expect(await settledWithin(gate.clear(), 1_000)).toBe(true);
  });
});

describe('a Slack command acknowledged while another request is still being received', () => {
  let svc: SlackService;
  beforeAll(async () => {
    svc = await startSlackService();
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('is answered through its response_url only after that request has been answered too', async () => {
    // A second command whose body arrives in two parts: from its headers on, it owes an acknowledgement.
    const slowUrl = svc.slack.responseUrl();
    const body = new URLSearchParams(
      slashCommand({ user: 'USLOW', channel: 'C0GATE', text: 'help', responseUrl: slowUrl }),
    ).toString();
    const ts = Math.floor(Date.now() / 1000);
    const slow = request(`${svc.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(SIGNING_SECRET, ts, body),
      },
    });
    const slowStatus = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 20));
    slow.flushHeaders();
    await new Promise((r) => setTimeout(r, 50));

    const fastUrl = svc.slack.responseUrl();
    const fast = await svc.sender.command(
      slashCommand({ user: 'UFAST', channel: 'C0GATE', text: 'help', responseUrl: fastUrl }),
    );
    expect(fast.status).toBe(200);
    const id = (url: string) => url.split('/').pop();
    const answered = (url: string) => svc.slack.responses.some((r) => r.id === id(url));
    // Acknowledged, but its answer waits for the request still being received (well within the 500 ms cap).
    await new Promise((r) => setTimeout(r, 150));
    expect(answered(fastUrl)).toBe(false);

    slow.end(body.slice(20));
    expect(await slowStatus).toBe(200);
    await eventually(() => answered(fastUrl) && answered(slowUrl), 10_000, 'both commands answered');
  });
});
