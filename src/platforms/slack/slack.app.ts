import { App, type Authorize, type Logger as BoltLogger, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from '../../config/config.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { type AckGate, createAckGate, oweUntilAnswered } from '../ack.gate.ts';
import type { PlatformAdapter, Route } from '../platform.ts';
import { boltLogger, installErrorBoundary } from './slack.boundary.ts';
import { createSlackDelivery } from './slack.delivery.ts';
import { createSlackFileFetcher } from './slack.files.ts';
import { createSlackGateway } from './slack.gateway.ts';
import { registerSlackHandlers } from './slack.handlers.ts';
import { admitTimestamp, DISPATCHED, installedWorkspaceOf, installIngressGuards } from './slack.ingress.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackPlatformDeps {
  slack: NonNullable<Config['slack']>;
  chat: ChatCore;
  logger: Logger;
  metrics?: Metrics;
  limits: { maxFileBytes: number };
  /** false in `marginiq worker`: only the gateway and the file fetcher, no listeners. */
  serveHttp: boolean;
  /** Work after an acknowledgement waits for the requests still owed theirs (ack.gate.ts); one per process. */
  acks?: AckGate;
}

/** One Web API client for everything MarginIQ sends, pointed at SLACK_API_URL. */
function webClient(slack: SlackPlatformDeps['slack'], logger: BoltLogger) {
  return new webApi.WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    logger,
    // Absolute URLs would carry the bot token wherever they point.
    allowAbsoluteUrls: false,
    timeout: 20_000,
    // A few quick retries (429s wait for Retry-After); past that the queue or the user retries.
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 3_000, randomize: true },
  });
}

/** Issue 17: progress updates are best effort: one try, a 429 is reported at once with its Retry-After. */
function quickClient(slack: SlackPlatformDeps['slack'], logger: BoltLogger) {
  return new webApi.WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    logger,
    allowAbsoluteUrls: false,
    timeout: 10_000,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

/**
 * Bolt's authorize hook for a single workspace: the bot token, plus the bot's own ids from auth.test
 * (ignoreSelf needs them). A failed auth.test is retried on the next request instead of being cached.
 */
function singleWorkspaceAuthorize(client: webApi.WebClient, botToken: string, logger: Logger): Authorize<boolean> {
  let ids: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const load = async () => {
    const res = await client.auth.test();
    return { ...(res.bot_id ? { botId: res.bot_id } : {}), ...(res.user_id ? { botUserId: res.user_id } : {}) };
  };
  return async () => {
    ids ??= load().catch((err: unknown) => {
      ids = undefined;
      logger.warn({ err }, 'slack auth.test failed; continuing without the bot ids');
      return {};
    });
    return { botToken, ...(await ids) };
  };
}

export async function createSlackPlatform(deps: SlackPlatformDeps): Promise<PlatformAdapter> {
  const { slack } = deps;
  const log = boltLogger(deps.logger);
  const client = webClient(slack, log);
  // Issue 17: one memory of what the workspace refuses, shared by posts and command answers.
  const delivery = createSlackDelivery({ logger: deps.logger });
  const gateway = createSlackGateway({ client, apiUrl: slack.apiUrl, quick: quickClient(slack, log), delivery });
  const fetcher = createSlackFileFetcher({ botToken: slack.botToken, apiUrl: slack.apiUrl });

  if (!deps.serveHttp) {
    return { name: 'slack', gateway, fetcher, routes: [], start: async () => {}, stop: async () => {} };
  }

  // Socket Mode acknowledges over its WebSocket: nothing is owed on HTTP there and the gate stays open.
  const acks = deps.acks ?? createAckGate();
  const dispatched = new WeakMap<object, () => void>();
  const socketMode = Boolean(slack.appToken);
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: log,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
    });
  } else {
    if (!slack.signingSecret)
      throw new AppError('config.invalid', 'SLACK_SIGNING_SECRET is required when Slack runs over HTTP');
    // Bolt checks the v0 signature and refuses timestamps older than five minutes (replays).
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: log,
      // Verified and parsed: the ingress guard ends the request's debt to the ack gate (ack.gate.ts).
      customPropertiesExtractor: (req) => ({ [DISPATCHED]: dispatched.get(req) }),
    });
  }

  const app = new App({
    receiver,
    authorize: singleWorkspaceAuthorize(client, slack.botToken, deps.logger),
    logger: log,
    clientOptions: { slackApiUrl: slack.apiUrl, logger: log },
    extendedErrorHandler: true,
    // Bolt's conversation store (context.updateConversation) is unused here; its lookup of every
    // request's channel builds and catches an Error ("Conversation not found") before the ack.
    convoStore: false,
  });
  installIngressGuards(app as never, {
    installed: installedWorkspaceOf(() => client.auth.test(), deps.logger),
    allowed: slack.allowedTeams ?? [],
    onceEvent: deps.chat.onceEvent,
    afterAck: acks.clear,
    logger: deps.logger,
  });
  registerSlackHandlers(app, {
    chat: deps.chat,
    gateway,
    delivery,
    client,
    logger: deps.logger,
    metrics: deps.metrics,
    limits: deps.limits,
    afterAck: acks.clear,
  });
  installErrorBoundary(app, { gateway, logger: deps.logger, metrics: deps.metrics });

  const routes: Route[] = [];
  if (receiver instanceof HTTPReceiver) {
    const http = receiver;
    routes.push({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      // Bolt reads the raw body itself (the signature covers the exact bytes) and answers the request.
      handler: (req, res) => {
        if (!admitTimestamp(req, res, { logger: deps.logger })) return;
        dispatched.set(req, oweUntilAnswered(acks, res));
        try {
          http.requestListener(req, res);
        } catch {
          if (!res.headersSent) res.writeHead(404).end();
        }
      },
    });
  }

  return {
    name: 'slack',
    gateway,
    fetcher,
    routes,
    async start() {
      if (socketMode) {
        await app.start();
        deps.logger.info('slack connected in socket mode');
      }
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}
