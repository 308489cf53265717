import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCore } from '../../src/core/chat.core.ts';
import { createSlackPlatform } from '../../src/platforms/slack/slack.app.ts';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.ts';

let slack: SlackDouble;
beforeAll(async () => {
  slack = await startSlackDouble();
});
afterAll(async () => {
  await slack?.close();
});

// These modes never reach the core: nothing arrives over HTTP.
const chat = {} as ChatCore;
const logger = pino({ level: 'silent' });
const limits = { maxFileBytes: 1024 * 1024 };

describe('the Slack platform outside `marginiq start` over HTTP', () => {
  it('gives the worker only a gateway and a fetcher: no routes, no listeners', async () => {
    const before = slack.calls.length;
    const platform = await createSlackPlatform({
      slack: {
        botToken: slack.token,
        signingSecret: undefined,
        appToken: undefined,
        apiUrl: slack.apiUrl,
        allowedTeams: [],
      },
      chat,
      logger,
      limits,
      serveHttp: false,
    });
    expect(platform.routes).toEqual([]);
    expect(platform.fetcher).toBeDefined();
    await platform.start();
    await platform.gateway.post(
      { platform: 'slack', channelId: 'C1' },
      { title: 'x', tone: 'info', fallbackText: 'x', blocks: [] },
    );
    await platform.stop();
    expect(slack.calls.slice(before).map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  it('connects in Socket Mode with the app token through SLACK_API_URL and serves no HTTP route', async () => {
    const platform = await createSlackPlatform({
      slack: {
        botToken: slack.token,
        signingSecret: undefined,
        appToken: 'xapp-1-A0001-test',
        apiUrl: slack.apiUrl,
        allowedTeams: [],
      },
      chat,
      logger,
      limits,
      serveHttp: true,
    });
    expect(platform.routes).toEqual([]);
    // The double does not speak WebSocket: it refuses the app token, which Socket Mode treats as fatal.
    await expect(platform.start()).rejects.toThrow();
    const open = slack.callsTo('apps.connections.open').at(-1);
    expect(open?.token).toBe('xapp-1-A0001-test');
    await platform.stop().catch(() => {});
  });
});
