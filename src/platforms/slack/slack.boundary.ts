import { type App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { textCard } from '../../core/cards/card.model.ts';
import { type AppError, toAppError } from '../../core/errors.ts';
import type { ChatGateway } from '../../core/ports/chat.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { chatApiFailed } from './slack.gateway.ts';
import { escapeMrkdwn } from './slack.text.ts';

/** Bolt's and the Web API's logger interface, written to pino (whose serializers scrub tokens). */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const one = (m: unknown) => {
    if (typeof m === 'string') return m;
    if (m instanceof Error) return m.message;
    try {
      return JSON.stringify(m);
    } catch {
      return String(m);
    }
  };
  const text = (msg: unknown[]) => msg.map(one).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => {
      const err = msg.find((m) => m instanceof Error);
      log.error(err ? { err } : {}, text(msg.filter((m) => !(m instanceof Error))));
    },
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Bolt wraps listener failures (UnknownError, MultipleListenerError); the first real cause is what counts. */
function unwrap(error: unknown): unknown {
  const e = error as { original?: unknown; originals?: unknown[]; data?: { error?: string }; code?: string };
  if (e?.originals?.[0]) return unwrap(e.originals[0]);
  if (e?.original) return unwrap(e.original);
  // A raw Web API failure (files.info, views.open) carries Slack's error name in data.error.
  if (
    e?.code === 'slack_webapi_platform_error' ||
    e?.code === 'slack_webapi_request_error' ||
    e?.code === 'slack_webapi_http_error'
  ) {
    return chatApiFailed('API call', error);
  }
  return error;
}

const CHANNEL_ERRORS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** The plain sentence a person sees; the log has the rest. */
export function userSentence(e: AppError): string {
  if (e.code === 'chat.api_failed') {
    const slackError = e.details?.slackError;
    if (typeof slackError === 'string' && CHANNEL_ERRORS.has(slackError)) {
      return 'MarginIQ cannot post in this conversation. Invite it with /invite @MarginIQ and try again.';
    }
    return 'Slack did not accept MarginIQ’s answer. Please try again in a minute.';
  }
  if (e.code === 'internal')
    return 'Something went wrong inside MarginIQ. It has been logged; please try again in a minute.';
  return e.message;
}

interface Where {
  kind: string;
  channel?: string | undefined;
  user?: string | undefined;
  threadTs?: string | undefined;
  responseUrl?: string | undefined;
}

/** Who to tell and where, from any Slack request body (event, command, click, modal). */
function whereOf(body: unknown): Where {
  const b = (body ?? {}) as Record<string, unknown> & {
    event?: {
      type?: string;
      channel?: string;
      channel_id?: string;
      user?: string;
      user_id?: string;
      ts?: string;
      thread_ts?: string;
    };
    channel?: { id?: string };
    user?: { id?: string };
    container?: { thread_ts?: string };
    view?: { private_metadata?: string };
  };
  if (b.event) {
    const ev = b.event;
    return {
      kind: `event.${ev.type}`,
      channel: ev.channel ?? ev.channel_id,
      user: ev.user ?? ev.user_id,
      threadTs: ev.thread_ts ?? ev.ts,
    };
  }
  if (typeof b.command === 'string') {
    return {
      kind: 'command',
      channel: b.channel_id as string,
      user: b.user_id as string,
      responseUrl: b.response_url as string,
    };
  }
  let channel = b.channel?.id;
  if (!channel && b.view?.private_metadata) {
    try {
      channel = (JSON.parse(b.view.private_metadata) as { channel?: string }).channel;
    } catch {
      channel = undefined;
    }
  }
  return {
    kind: String(b.type ?? 'unknown'),
    channel,
    user: b.user?.id,
    threadTs: b.container?.thread_ts,
    responseUrl: typeof b.response_url === 'string' ? b.response_url : undefined,
  };
}

/**
 * The one error boundary of the Slack app: every listener failure arrives here, is logged once with
 * pino (tokens redacted by its serializers) and, where there is someone to tell, answered with a
 * plain sentence only they see.
 */
export function installErrorBoundary(
  app: App,
  deps: { gateway: ChatGateway; logger: Logger; metrics?: Metrics | undefined },
) {
  const failures = deps.metrics?.counter('slack_errors_total', 'Slack requests that failed, by kind and code');
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    const err = toAppError(unwrap(error));
    const where = whereOf(body);
    failures?.inc({ kind: where.kind, code: err.code });
    const level = err.permanent ? 'warn' : 'error';
    deps.logger[level](
      { err, code: err.code, slack: { kind: where.kind, channel: where.channel, user: where.user } },
      'slack request failed',
    );
    const sentence = userSentence(err);
    try {
      if (where.responseUrl) {
        await fetch(where.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(sentence) }),
          signal: AbortSignal.timeout(10_000),
        });
      } else if (where.channel && where.user) {
        await deps.gateway.postEphemeral(
          { platform: 'slack', channelId: where.channel, threadRef: where.threadTs },
          `slack:${where.user}`,
          textCard('MarginIQ could not do that', sentence, 'warning'),
        );
      }
    } catch (tellErr) {
      deps.logger.warn({ err: tellErr }, 'could not tell the user about a failed Slack request');
    }
    // A modal waits for its HTTP answer: failing the request lets Slack show its own error at once.
    if (where.kind === 'view_submission') throw error;
  });
}
