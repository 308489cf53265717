import type { App, webApi } from '@slack/bolt';
import { actionKindOf, EDIT_FORM_ID } from '../../core/cards/card.model.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { ActionOutcome } from '../../core/chat.types.ts';
import { isAppError } from '../../core/errors.ts';
import type { ChatGateway, ConversationRef } from '../../core/ports/chat.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { NO_SUCH_REPORT, noSuchReport, readButtonValue, readEditMetadata } from '../action.payloads.ts';
import { renderCard } from './slack.cards.ts';
import type { SlackDelivery } from './slack.delivery.ts';
import { editModal, modalErrors, readSubmission } from './slack.forms.ts';
import { cardModal, createSlackHome } from './slack.home.ts';

export const SLACK_COMMAND = '/margin';
const ACTION_PATTERN = /^marginiq\./;

export interface SlackHandlerDeps {
  chat: ChatCore;
  gateway: ChatGateway;
  /** Issue 17: command answers step down like posts when Slack refuses their blocks. */
  delivery?: SlackDelivery;
  client: webApi.WebClient;
  logger: Logger;
  metrics?: Metrics | undefined;
  limits: { maxFileBytes: number };
  /** Resolves when the requests of a burst are acknowledged: a click's or command's work starts after (ack.gate.ts). */
  afterAck?: () => Promise<void>;
}

/** The part of a Slack file object MarginIQ reads (events carry it whole, or only its id). */
interface SlackFile {
  id: string;
  name?: string | null;
  mimetype?: string | null;
  filetype?: string | null;
  size?: number | null;
  url_private_download?: string | null;
  file_access?: string;
  shares?: {
    public?: Record<string, { ts?: string; thread_ts?: string }[]>;
    private?: Record<string, { ts?: string; thread_ts?: string }[]>;
  };
}

interface Shared {
  file: SlackFile;
  channel: string;
  user: string;
  threadRef: string | undefined;
}

const slackUser = (id: string) => `slack:${id}`;
const conversation = (channelId: string, threadRef?: string): ConversationRef => ({
  platform: 'slack',
  channelId,
  threadRef,
});

/** Slack's direct-message channels (the user's chat with the bot) start with D: a private surface. */
const isDirect = (channelId: string | undefined) => Boolean(channelId?.startsWith('D'));

/**
 * Issue 18: where a click happened; a click without a channel acts on nothing (fails closed). Issue 17:
 * a button on an ephemeral answer (`/margin pending`) or on App Home is on a private surface, as the
 * answer that drew it was.
 */
const clickPlace = (channelId: string | undefined, privately = false) => ({
  conversation: { platform: 'slack' as const, channelId: channelId ?? '' },
  personal: privately || isDirect(channelId),
});

/** Where a file was shared in a channel, from files.info: the reply belongs in that message's thread. */
function threadOf(file: SlackFile, channel: string): string | undefined {
  const share = file.shares?.public?.[channel]?.[0] ?? file.shares?.private?.[channel]?.[0];
  return share ? (share.thread_ts ?? share.ts) : undefined;
}

export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { chat, gateway, client, logger } = deps;
  const home = createSlackHome({ chat, client, logger });
  const seen = deps.metrics?.counter('slack_events_total', 'Slack events, commands and interactions received, by kind');

  const fileInfo = async (id: string): Promise<SlackFile> => {
    const res = await client.files.info({ file: id });
    return (res.file ?? { id }) as SlackFile;
  };

  /** One shared file. Slack sends file_share and file_shared for the same file, and retries each:
   *  chat.upload keys the ingestion on (slack, file id), so every copy after the first is a no-op. */
  const take = async (shared: Shared) => {
    let { file } = shared;
    // Slack Connect and very large events carry only a stub: the details come from files.info.
    if (!file.name || !file.url_private_download || file.file_access === 'check_file_info')
      file = await fileInfo(file.id);
    const name = file.name ?? `${file.id}.pdf`;
    if (!chat.isPdf(name, file.mimetype) && file.filetype !== 'pdf') return; // not ours: quietly ignored
    const size = file.size ?? null;
    if (size !== null && size > deps.limits.maxFileBytes) {
      // The refusal is posted by the core; the second event for the same file must not post it again.
      if (!(await chat.claimEvent(`slack:file-refused:${file.id}`))) return;
    }
    await chat
      .upload({
        platform: 'slack',
        sourceRef: file.id,
        fileName: name,
        fileSize: size,
        sourceUrl: file.url_private_download ?? null,
        channelId: shared.channel,
        threadRef: shared.threadRef ?? null,
        uploadedBy: slackUser(shared.user),
      })
      .catch((err: unknown) => {
        // Too large is an answer the core has already given in the thread, not a failure.
        if (isAppError(err) && err.code === 'input.too_large') return;
        throw err;
      });
  };

  // Events are acknowledged by Bolt before these listeners run, so Slack's 3-second clock is never at risk.
  app.event('message', async ({ event }) => {
    const subtype = 'subtype' in event ? event.subtype : undefined;
    if (subtype !== 'file_share' && subtype !== undefined) return;
    const msg = event as { files?: SlackFile[]; channel: string; user?: string; ts: string; thread_ts?: string };
    if (!msg.files?.length || !msg.user) return;
    seen?.inc({ kind: 'file_share' });
    for (const file of msg.files) {
      await take({ file, channel: msg.channel, user: msg.user, threadRef: msg.thread_ts ?? msg.ts });
    }
  });

  app.event('file_shared', async ({ event, context }) => {
    if (context.botUserId && event.user_id === context.botUserId) return; // our own exports
    seen?.inc({ kind: 'file_shared' });
    const file = await fileInfo(event.file_id);
    await take({ file, channel: event.channel_id, user: event.user_id, threadRef: threadOf(file, event.channel_id) });
  });

  app.event('app_mention', async ({ event }) => {
    if (!event.user) return;
    seen?.inc({ kind: 'app_mention' });
    const to = conversation(event.channel, event.thread_ts ?? event.ts);
    const reply = await chat.command({ user: slackUser(event.user), conversation: to }, 'help');
    await gateway.post(to, reply.card);
  });

  /**
   * Acknowledges a click or a form submission: the form to open, a notice for the clicker. The summary
   * message was already updated by core through the gateway.
   */
  const answer = async (
    outcome: ActionOutcome,
    ctx: {
      user: string;
      channel: string | undefined;
      threadTs: string | undefined;
      messageTs: string | undefined;
      triggerId?: string;
    },
  ) => {
    if (outcome.form && ctx.triggerId) {
      await client.views.open({
        trigger_id: ctx.triggerId,
        view: editModal(outcome.form, { channel: ctx.channel, messageTs: ctx.messageTs }),
      });
    }
    // Issue 17: what Open shows, and a notice where there is no channel to say it in (App Home), is a modal.
    const shown = outcome.view ?? (ctx.channel ? undefined : outcome.notice);
    if (shown && ctx.triggerId) {
      await client.views.open({ trigger_id: ctx.triggerId, view: cardModal(shown) });
    } else if (outcome.view && ctx.channel) {
      await gateway.postEphemeral(conversation(ctx.channel, ctx.threadTs), ctx.user, outcome.view);
    }
    if (outcome.notice && ctx.channel) {
      await gateway.postEphemeral(conversation(ctx.channel, ctx.threadTs), ctx.user, outcome.notice);
    }
  };

  app.action(ACTION_PATTERN, async ({ ack, body, action }) => {
    await ack();
    await deps.afterAck?.();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const kind = actionKindOf(action.action_id);
    if (!kind) return;
    seen?.inc({ kind: `action.${kind}` });
    const user = slackUser(body.user.id);
    // Clicks carry the person's name: cards then say "Approved by jane.doe", not a member id.
    const name = body.user.name ?? body.user.username;
    await chat.rememberName(user, name);
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const ctx = {
      user,
      channel: body.channel?.id ?? body.container?.channel_id,
      threadTs: message?.thread_ts ?? body.container?.thread_ts,
      messageTs: message?.ts ?? body.container?.message_ts,
      triggerId: body.trigger_id,
    };
    const value = readButtonValue(action.value, logger, { platform: 'slack', user, kind });
    if (!value) return answer({ notice: noSuchReport() }, ctx);
    // Slack does not retry clicks, but people double-click: the core decides once and answers the rest.
    const container = body.container as { is_ephemeral?: boolean; type?: string } | undefined;
    const privately = Boolean(container?.is_ephemeral) || container?.type === 'view';
    // Issue 17: homes (the clicker's App Home included) are drawn again by core's queue-changed hook.
    await answer(await chat.action({ user, name, kind, value, where: clickPlace(ctx.channel, privately) }), ctx);
  });

  // Issue 17 item 4: the Home tab, drawn for the person looking at it.
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    seen?.inc({ kind: 'app_home_opened' });
    await home.opened(event.user);
  });

  app.view(EDIT_FORM_ID, async ({ ack, body, view }) => {
    seen?.inc({ kind: 'edit_submit' });
    const { values, reason } = readSubmission(view);
    const user = slackUser(body.user.id);
    const meta = readEditMetadata(view.private_metadata, logger, { platform: 'slack', user });
    if (!meta) {
      await ack({ response_action: 'errors', errors: modalErrors({ form: NO_SUCH_REPORT }, []) });
      return;
    }
    await chat.rememberName(user, body.user.name);
    const result = await chat.submitEdit({
      user,
      name: body.user.name,
      reportId: meta.reportId,
      values,
      ...(reason === undefined ? {} : { reason }),
      expectedVersion: meta.version,
      ...(meta.channel ? { where: clickPlace(meta.channel) } : {}),
    });
    if (!result.ok) {
      // The modal stays open with each message under its input.
      await ack({ response_action: 'errors', errors: modalErrors(result.errors, Object.keys(view.state.values)) });
      return;
    }
    await ack();
    await answer(result.outcome, { user, channel: meta.channel, threadTs: undefined, messageTs: meta.messageTs });
  });

  app.command(SLACK_COMMAND, async ({ ack, command, respond }) => {
    // Acknowledged first: the answer goes through response_url, which stays valid for 30 minutes.
    await ack();
    await deps.afterAck?.();
    seen?.inc({ kind: 'command' });
    const to = conversation(command.channel_id);
    await chat.rememberName(slackUser(command.user_id), command.user_name);
    // Issue 18: ephemeral answers are private; a DM with the bot is the user's personal chat.
    const reply = await chat.command(
      {
        user: slackUser(command.user_id),
        conversation: to,
        privateReplies: true,
        personal: isDirect(command.channel_id),
      },
      command.text ?? '',
    );
    const answer = (msg: { text: string; blocks: unknown[] }) =>
      respond({
        response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
        text: msg.text,
        blocks: msg.blocks as never,
      });
    if (deps.delivery) await deps.delivery.send('response_url', reply.card, answer);
    else await answer(renderCard(reply.card));
    if (reply.file) {
      // A private export goes to the asker's direct messages with the bot, never into the channel.
      let dest = to;
      if (reply.visibility === 'ephemeral') {
        const dm = await client.conversations.open({ users: command.user_id });
        if (!dm.channel?.id) throw new Error('Slack opened no direct message channel for the export');
        dest = conversation(dm.channel.id);
      }
      await gateway.uploadFile(dest, {
        name: reply.file.name,
        bytes: reply.file.bytes,
        contentType: reply.file.contentType,
        title: reply.file.title,
      });
    }
  });
}
