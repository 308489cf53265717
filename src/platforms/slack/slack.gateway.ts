import type { webApi } from '@slack/bolt';
import type { Card } from '../../core/cards/card.model.ts';
import { AppError } from '../../core/errors.ts';
import type { ChatGateway, ConversationRef, PostedMessage } from '../../core/ports/chat.ports.ts';
import type { SlackMessage } from './slack.cards.ts';
import { createSlackDelivery, type FallbackLog, type SlackDelivery } from './slack.delivery.ts';
import { tokenAllowedFor } from './slack.files.ts';
import { homeView } from './slack.home.ts';
import { escapeMrkdwn } from './slack.text.ts';

/** Empty blocks are left out: the message is its text alone (the last fallback). */
const body = (msg: SlackMessage) => ({ text: msg.text, ...(msg.blocks.length > 0 ? { blocks: msg.blocks } : {}) });

/** `slack:U0123` → `U0123`: the core speaks platform-qualified users, Slack does not. */
export const slackUserId = (user: string) => user.replace(/^slack:/, '');

/** Turns a Web API failure into the core's error, keeping Slack's error name (`channel_not_found`). */
export function chatApiFailed(method: string, err: unknown): AppError {
  const e = err as { data?: { error?: string }; code?: string; retryAfter?: number } | undefined;
  // The Web API client's rate-limit error carries Retry-After in seconds (HTTP 429, `ratelimited`).
  const limited = e?.code === 'slack_webapi_rate_limited_error';
  const reason = e?.data?.error ?? (limited ? 'ratelimited' : err instanceof Error ? err.message : String(err));
  return new AppError('chat.api_failed', `Slack ${method} failed: ${reason}`, {
    cause: err,
    details: {
      method,
      slackError: limited ? 'ratelimited' : e?.data?.error,
      ...(limited && typeof e?.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}),
    },
  });
}

async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw chatApiFailed(method, err);
  }
}

/**
 * The core's ChatGateway over the Slack Web API. A message reference is the message `ts`: the
 * channel always travels with it in the ConversationRef.
 */
export function createSlackGateway(deps: {
  client: webApi.WebClient;
  apiUrl: string;
  /** For progress updates (issue 17): no retries, rate limits rejected at once so the caller backs off. */
  quick?: webApi.WebClient;
  /** Issue 17: where a refused form of a message is logged (once per workspace). */
  logger?: FallbackLog | undefined;
  /** Issue 17: shared with the command answers, so what the workspace refused is learned once. */
  delivery?: SlackDelivery;
}): ChatGateway {
  const { client } = deps;
  const delivery = deps.delivery ?? createSlackDelivery({ logger: deps.logger });
  return {
    platform: 'slack',
    async post(to: ConversationRef, card: Card): Promise<PostedMessage> {
      const { result: res, level } = await delivery
        .send('chat.postMessage', card, (msg) =>
          client.chat.postMessage({
            channel: to.channelId,
            ...(to.threadRef ? { thread_ts: to.threadRef } : {}),
            ...body(msg),
            unfurl_links: false,
            unfurl_media: false,
          }),
        )
        .catch((err: unknown) => {
          throw chatApiFailed('chat.postMessage', err);
        });
      if (!res.ts) throw new AppError('chat.api_failed', 'Slack chat.postMessage returned no message ts');
      return { messageRef: res.ts, ...(level === 'native' ? {} : { fallback: level }) };
    },
    async update(to: ConversationRef, messageRef: string, card: Card, opts?: { progress?: boolean }): Promise<void> {
      const via = opts?.progress && deps.quick ? deps.quick : client;
      await delivery
        .send('chat.update', card, (msg) =>
          // blocks: [] on an update clears the old blocks (the text-only fallback).
          via.chat.update({ channel: to.channelId, ts: messageRef, text: msg.text, blocks: msg.blocks }),
        )
        .catch((err: unknown) => {
          throw chatApiFailed('chat.update', err);
        });
    },
    async postEphemeral(to: ConversationRef, userId: string, card: Card): Promise<void> {
      await delivery
        .send('chat.postEphemeral', card, (msg) =>
          client.chat.postEphemeral({
            channel: to.channelId,
            user: slackUserId(userId),
            ...(to.threadRef ? { thread_ts: to.threadRef } : {}),
            ...body(msg),
          }),
        )
        .catch((err: unknown) => {
          throw chatApiFailed('chat.postEphemeral', err);
        });
    },
    // Issue 17: App Home drawn again for one person (the main client waits out a 429's Retry-After).
    async refreshHome(home, card) {
      await call('views.publish', () =>
        client.views.publish({ user_id: slackUserId(home.user), view: homeView(card) }),
      );
      return 'drawn';
    },
    // files.uploadV2's three steps, done here so the bytes go to the upload URL without the bot token
    // unless that URL is Slack's own (the URL is pre-signed; Slack does not need the token there).
    async uploadFile(to, file): Promise<void> {
      const ticket = await call('files.getUploadURLExternal', () =>
        client.files.getUploadURLExternal({ filename: file.name, length: file.bytes.byteLength }),
      );
      if (!ticket.upload_url || !ticket.file_id)
        throw new AppError('chat.api_failed', 'Slack gave no upload URL for the file');
      const target = new URL(ticket.upload_url);
      const headers: Record<string, string> = { 'content-type': file.contentType || 'application/octet-stream' };
      if (tokenAllowedFor(target, deps.apiUrl) && client.token) headers.authorization = `Bearer ${client.token}`;
      let res: Response;
      try {
        res = await fetch(target, {
          method: 'POST',
          headers,
          body: new Uint8Array(file.bytes),
          redirect: 'error',
          signal: AbortSignal.timeout(60_000),
        });
      } catch (err) {
        throw chatApiFailed('file upload', err);
      }
      await res.body?.cancel();
      if (res.status !== 200) throw new AppError('chat.api_failed', `Slack file upload answered HTTP ${res.status}`);
      await call('files.completeUploadExternal', () =>
        client.files.completeUploadExternal({
          files: [{ id: ticket.file_id!, title: file.title ?? file.name }],
          channel_id: to.channelId,
          ...(to.threadRef ? { thread_ts: to.threadRef } : {}),
          ...(file.comment ? { initial_comment: escapeMrkdwn(file.comment) } : {}),
        }),
      );
    },
  };
}
