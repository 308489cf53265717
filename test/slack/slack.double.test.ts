import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.ts';

// Issue 17 item 8: the double checks every message's and view's blocks against Block Kit, as Slack
// does, so every Slack test also checks every block the product emits (close() fails otherwise).
let slack: SlackDouble;
beforeAll(async () => {
  slack = await startSlackDouble();
});
afterAll(() => slack.close());

const client = () => new webApi.WebClient(slack.token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { data?: { error?: string } }) => e.data?.error,
  );

describe('the Slack double, like Slack', () => {
  it('answers invalid_blocks for a message whose blocks break Block Kit, and keeps the refusal', async () => {
    const ok = await client().chat.postMessage({
      channel: 'C1',
      text: 'fine',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'fine' } }],
    });
    expect(ok.ok).toBe(true);
    const tooLong = { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } };
    expect(await failure(client().chat.postMessage({ channel: 'C1', text: 'x', blocks: [tooLong] }))).toBe(
      'invalid_blocks',
    );
    expect(
      await failure(
        client().views.publish({
          user_id: 'U1',
          view: { type: 'home', blocks: [{ type: 'data_table' } as never] },
        }),
      ),
    ).toBe('invalid_blocks');
    expect(slack.schemaRefusals.map((r) => r.method)).toEqual(['chat.postMessage', 'views.publish']);
    slack.schemaRefusals.length = 0; // refused on purpose here; close() fails a suite that leaves any
  });
});
