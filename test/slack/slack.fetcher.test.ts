import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textCard } from '../../src/core/cards/card.model.ts';
import { AppError } from '../../src/core/errors.ts';
import type { FileSource } from '../../src/core/ports/files.ports.ts';
import { createSlackFileFetcher, tokenAllowedFor } from '../../src/platforms/slack/slack.files.ts';
import { createSlackGateway } from '../../src/platforms/slack/slack.gateway.ts';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.ts';

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

let slack: SlackDouble;
beforeAll(async () => {
  slack = await startSlackDouble();
});
afterAll(async () => {
  await slack?.close();
});

const ingestionFor = (url: string, size: number | null = null): FileSource => ({ url, size });
const fetcher = () => createSlackFileFetcher({ botToken: slack.token, apiUrl: slack.apiUrl });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('the Slack file fetcher', () => {
  it('sends the bot token to Slack hosts and the SLACK_API_URL host only', () => {
    const api = 'https://slack-proxy.internal:8443/api/';
    expect(tokenAllowedFor(new URL('https://files.slack.com/files-pri/T1-F1/x.pdf'), api)).toBe(true);
    expect(tokenAllowedFor(new URL('https://slack.com/x'), api)).toBe(true);
    expect(tokenAllowedFor(new URL('https://a.slack-edge.com/x'), api)).toBe(true);
    expect(tokenAllowedFor(new URL('https://slack-proxy.internal:8443/files/x'), api)).toBe(true);
    expect(tokenAllowedFor(new URL('http://files.slack.com/x'), api)).toBe(false); // never in clear text
    expect(tokenAllowedFor(new URL('https://slack.com.evil.example/x'), api)).toBe(false);
    expect(tokenAllowedFor(new URL('https://evilslack.com/x'), api)).toBe(false);
    expect(tokenAllowedFor(new URL('https://slack-proxy.internal:9999/x'), api)).toBe(false);
  });

  it("follows redirects by hand on Slack's host with the token, and refuses one that leaves it", async () => {
    const same = slack.addFile({ name: 'a.pdf', bytes: PDF, redirect: 'same-host' });
    expect(Buffer.from(await fetcher().download(ingestionFor(same.url_private_download), 1e6))).toEqual(
      Buffer.from(PDF),
    );
    const off = slack.addFile({ name: 'b.pdf', bytes: PDF, redirect: 'off-host' });
    expect((await failure(fetcher().download(ingestionFor(off.url_private_download), 1e6))).code).toBe(
      'download.refused',
    );
    const hops = slack.downloads.filter((d) => d.path.includes(off.id));
    expect(hops.map((h) => [h.origin === slack.foreignOrigin, h.authorization])).toEqual([
      [false, `Bearer ${slack.token}`],
    ]);
  });

  it("refuses Slack's sign-in page", async () => {
    const f = slack.addFile({ name: 'c.pdf', bytes: PDF });
    const noToken = createSlackFileFetcher({ botToken: 'xoxb-wrong', apiUrl: slack.apiUrl });
    const err = await failure(noToken.download(ingestionFor(f.url_private_download), 1e6));
    expect(err.code).toBe('download.refused');
  });

  it('refuses bytes that do not start with %PDF', async () => {
    const f = slack.addFile({ name: 'd.pdf', bytes: new Uint8Array(Buffer.from('PK\u0003\u0004 a zip, really')) });
    expect((await failure(fetcher().download(ingestionFor(f.url_private_download), 1e6))).code).toBe('input.not_pdf');
    const html = slack.addFile({
      name: 'e.pdf',
      bytes: new Uint8Array(Buffer.from('<!DOCTYPE html><html></html>')),
      servedAs: 'application/pdf',
    });
    expect((await failure(fetcher().download(ingestionFor(html.url_private_download), 1e6))).code).toBe(
      'download.refused',
    );
  });

  it('respects maxBytes before and while downloading', async () => {
    const big = new Uint8Array(200_000);
    big.set(PDF);
    const f = slack.addFile({ name: 'f.pdf', bytes: big });
    const before = slack.downloads.length;
    expect((await failure(fetcher().download(ingestionFor(f.url_private_download, 200_000), 1000))).code).toBe(
      'input.too_large',
    );
    expect(slack.downloads.length).toBe(before); // refused without a request
    const err = await failure(fetcher().download(ingestionFor(f.url_private_download), 1000));
    expect(err.code).toBe('input.too_large');
    expect(err.permanent).toBe(true);
  });

  it('reports an unreachable host as a transient failure the queue retries', async () => {
    // The configured API host, down (any other host is refused before it is tried).
    const down = createSlackFileFetcher({ botToken: slack.token, apiUrl: 'http://127.0.0.1:1/api/' });
    const err = await failure(down.download(ingestionFor('http://127.0.0.1:1/files-pri/F1/x.pdf'), 1e6));
    expect(err.code).toBe('download.failed');
    expect(err.permanent).toBe(false);
  });
});

describe('the Slack gateway', () => {
  const gateway = () => {
    const client = new webApi.WebClient(slack.token, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    });
    return createSlackGateway({ client, apiUrl: slack.apiUrl });
  };

  it('posts, updates and whispers with blocks and escaped fallback text', async () => {
    const g = gateway();
    const posted = await g.post(
      { platform: 'slack', channelId: 'C1', threadRef: '1.1' },
      textCard('Hello <!here>', 'body'),
    );
    const msg = slack.messages.get(posted.messageRef);
    expect(msg?.thread_ts).toBe('1.1');
    expect(msg?.text).toContain('&lt;!here&gt;');
    await g.update({ platform: 'slack', channelId: 'C1' }, posted.messageRef, textCard('Bye', 'body'));
    expect(slack.messages.get(posted.messageRef)?.updates).toBe(1);
    await g.postEphemeral({ platform: 'slack', channelId: 'C1' }, 'slack:U7', textCard('Psst', 'only you'));
    expect(slack.callsTo('chat.postEphemeral').at(-1)?.args.user).toBe('U7');
  });

  it("turns ok:false into chat.api_failed with Slack's error name", async () => {
    slack.fail('chat.update', { error: 'message_not_found' });
    const err = await failure(gateway().update({ platform: 'slack', channelId: 'C1' }, '9.9', textCard('x', 'y')));
    expect(err.code).toBe('chat.api_failed');
    expect(err.details?.slackError).toBe('message_not_found');
  });

  it('uploads a file in three steps, sending the token to a foreign upload URL never', async () => {
    await gateway().uploadFile(
      { platform: 'slack', channelId: 'C9', threadRef: '2.2' },
      { name: 'x.csv', bytes: new Uint8Array(Buffer.from('a,b\n1,2\n')), contentType: 'text/csv', title: 'Export' },
    );
    const complete = slack.callsTo('files.completeUploadExternal').at(-1);
    expect(complete?.args).toMatchObject({ channel_id: 'C9', thread_ts: '2.2' });
    expect(complete?.args.files).toEqual([{ id: expect.stringMatching(/^FUP/), title: 'Export' }]);
    expect(slack.uploads.at(-1)?.bytes.toString()).toBe('a,b\n1,2\n');
    expect(slack.uploads.at(-1)?.authorization).toBe(`Bearer ${slack.token}`);
    slack.settings.uploadsOffHost = true;
    try {
      await gateway().uploadFile(
        { platform: 'slack', channelId: 'C9' },
        { name: 'y.csv', bytes: new Uint8Array([1, 2, 3]), contentType: 'text/csv' },
      );
    } finally {
      slack.settings.uploadsOffHost = false;
    }
    expect(slack.uploads.at(-1)).toMatchObject({ origin: slack.foreignOrigin, authorization: undefined });
  });
});
