import type { webApi } from '@slack/bolt';
import type { Card } from '../../core/cards/card.model.ts';
import { AppError } from '../../core/errors.ts';
import type { ChatGateway, ConversationRef, PostedMessage } from '../../core/ports.ts';
import { escapeMrkdwn, renderCard } from './slack.cards.ts';
import { tokenAllowedFor } from './slack.files.ts';

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
}): ChatGateway {
  const { client } = deps;
  return {
    platform: 'slack',
    async post(to: ConversationRef, card: Card): Promise<PostedMessage> {
      const msg = renderCard(card);
      const res = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel: to.channelId,
          ...(to.threadRef ? { thread_ts: to.threadRef } : {}),
          text: msg.text,
          blocks: msg.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!res.ts) throw new AppError('chat.api_failed', 'Slack chat.postMessage returned no message ts');
      return { messageRef: res.ts };
    },
    async update(to: ConversationRef, messageRef: string, card: Card, opts?: { progress?: boolean }): Promise<void> {
      const msg = renderCard(card);
      const via = opts?.progress && deps.quick ? deps.quick : client;
      await call('chat.update', () =>
        via.chat.update({ channel: to.channelId, ts: messageRef, text: msg.text, blocks: msg.blocks }),
      );
    },
    async postEphemeral(to: ConversationRef, userId: string, card: Card): Promise<void> {
      const msg = renderCard(card);
      await call('chat.postEphemeral', () =>
        client.chat.postEphemeral({
          channel: to.channelId,
          user: slackUserId(userId),
          ...(to.threadRef ? { thread_ts: to.threadRef } : {}),
          text: msg.text,
          blocks: msg.blocks,
        }),
      );
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
