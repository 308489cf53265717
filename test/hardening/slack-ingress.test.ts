import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { slashCommand } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

const CHANNEL = 'C0INGRESS';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService();
});
afterAll(async () => {
  await svc?.stop();
});

describe('requests reaching /slack/events', () => {
  // Issue 18 row 10: a correctly signed request dated 60 minutes ahead was accepted.
  it('are refused with 401 when signed with a timestamp more than five minutes in the future', async () => {
    const responseUrl = svc.slack.responseUrl();
    const future = Math.floor(Date.now() / 1000) + 60 * 60;
    const res = await svc.sender.command(slashCommand({ user: 'UX', channel: CHANNEL, text: 'help', responseUrl }), {
      timestamp: future,
    });
    expect(res.status).toBe(401);
    expect(svc.logs.some((l) => l.includes('timestamp in the future'))).toBe(true);
    // Within the window the same command is answered; the refused one never was.
    const soonUrl = svc.slack.responseUrl();
    const soon = await svc.sender.command(
      slashCommand({ user: 'UX', channel: CHANNEL, text: 'help', responseUrl: soonUrl }),
      {
        timestamp: Math.floor(Date.now() / 1000) + 60,
      },
    );
    expect(soon.status).toBe(200);
    const idOf = (url: string) => url.split('/').pop();
    await eventually(
      () => soon.text.length > 0 || svc.slack.responses.some((r) => r.id === idOf(soonUrl)),
      10_000,
      'help answered',
    );
    expect(svc.slack.responses.filter((r) => r.id === idOf(responseUrl))).toHaveLength(0);
  });
});
