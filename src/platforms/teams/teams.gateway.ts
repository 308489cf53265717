import type { Client as ApiClient } from '@microsoft/teams.api';
import type { Card } from '../../core/cards/card.model.ts';
import { AppError } from '../../core/errors.ts';
import type { ChatGateway, ConversationRef, PostedMessage } from '../../core/ports/chat.ports.ts';
import type { ConversationsRepository } from '../../core/ports/conversation.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import { baseConversationId, type StoredReference, threadedConversationId, threadRootOf } from './teams.activity.ts';
import { createPacer, createTeamsDelivery, retryAfterOf, statusOf } from './teams.delivery.ts';

/** Teams' global service URL: used only for a conversation MarginIQ has never heard from. */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const CARD_MEMORY = 500;

export interface OutgoingFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  title?: string;
  comment?: string;
}

export interface TeamsGateway extends ChatGateway {
  /** Remembers where a conversation lives (service URL, bot, type) for proactive posts. */
  remember(ref: StoredReference): Promise<void>;
  reference(conversationId: string): Promise<StoredReference | undefined>;
  /** Posts any activity (file cards, consent cards) and returns its id. */
  send(to: ConversationRef, activity: Record<string, unknown>): Promise<string>;
  replace(
    to: ConversationRef,
    messageRef: string,
    activity: Record<string, unknown>,
    opts?: { once?: boolean },
  ): Promise<void>;
  /** The neutral card last shown in a message, for the edit form's Cancel. */
  cardOf(messageRef: string): Card | undefined;
  /** The user's id in the conversation's roster → their AAD object id. */
  aadObjectIdOf(conversationId: string, memberId: string): Promise<string | undefined>;
}

/**
 * Posts and updates through the Bot Connector REST API, addressed by the conversation reference
 * stored when the bot was installed or last spoken to — so digests and alerts work from a worker
 * that never received the conversation's activities.
 */
export function createTeamsGateway(deps: {
  api: ApiClient;
  logger: Logger;
  conversations?: Pick<ConversationsRepository, 'save' | 'get'> | undefined;
  uploadFile: (gateway: TeamsGateway, to: ConversationRef, file: OutgoingFile) => Promise<void>;
  /** How a rate limit is waited out; tests inject one that records the wait instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}): TeamsGateway {
  const refs = new Map<string, StoredReference>();
  const cards = new Map<string, Card>();
  const clients = new Map<string, ApiClient>();

  const clientFor = (serviceUrl: string) => {
    let c = clients.get(serviceUrl);
    if (!c) {
      c = deps.api.clone({ serviceUrl: serviceUrl.replace(/\/+$/, '') });
      clients.set(serviceUrl, c);
    }
    return c;
  };

  const rememberCard = (messageRef: string, card: Card) => {
    cards.delete(messageRef);
    cards.set(messageRef, card);
    if (cards.size > CARD_MEMORY) cards.delete(cards.keys().next().value as string);
  };

  async function reference(conversationId: string): Promise<StoredReference | undefined> {
    const id = baseConversationId(conversationId);
    const hit = refs.get(id);
    if (hit) return hit;
    const stored = (await deps.conversations?.get('teams', id)) as StoredReference | undefined;
    if (stored?.serviceUrl) refs.set(id, stored);
    return stored;
  }

  async function resolve(to: ConversationRef): Promise<StoredReference> {
    const ref = await reference(to.channelId);
    if (ref) return ref;
    deps.logger.warn(
      { conversationId: to.channelId },
      'no stored Teams conversation reference; using the global service URL',
    );
    return {
      serviceUrl: DEFAULT_SERVICE_URL,
      conversation: { id: to.channelId, conversationType: 'personal' },
      bot: { id: '' },
    };
  }

  const wrap = (what: string) => (err: unknown) => {
    const status = statusOf(err);
    const wait = status === 429 ? retryAfterOf(err) : undefined;
    throw new AppError('chat.api_failed', `Teams refused to ${what}${status ? ` (HTTP ${status})` : ''}.`, {
      cause: err,
      // Issue 17: what a 429 asked for travels with the error, as the Slack gateway's does (progress.reporter.ts).
      details: { status, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
    });
  };

  const paced = createPacer({ sleep: deps.sleep, logger: deps.logger });

  async function send(to: ConversationRef, activity: Record<string, unknown>): Promise<string> {
    return paced(false, () => sendOnce(to, activity));
  }

  async function sendOnce(to: ConversationRef, activity: Record<string, unknown>): Promise<string> {
    const ref = await resolve(to);
    const api = clientFor(ref.serviceUrl).conversations;
    const payload = { ...activity, from: ref.bot.id ? ref.bot : undefined };
    if (ref.conversation.conversationType === 'channel' && !to.threadRef) {
      // A new top-level post in a channel is a new conversation (a new thread) in the Bot Framework.
      const created = await api
        .create({
          isGroup: true,
          bot: ref.bot,
          tenantId: ref.tenantId,
          channelData: {
            channel: { id: ref.conversation.id },
            ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}),
          },
          activity: payload as never,
        })
        .catch(wrap('start a channel post'));
      return created.activityId ?? threadRootOf(created.id) ?? created.id;
    }
    const conversationId =
      ref.conversation.conversationType === 'channel' && to.threadRef
        ? threadedConversationId(to.channelId, to.threadRef)
        : to.channelId;
    const res = await api
      .createActivity(conversationId, { ...payload, conversation: { id: conversationId } } as never)
      .catch(wrap('post the message'));
    return res.id;
  }

  async function replace(
    to: ConversationRef,
    messageRef: string,
    activity: Record<string, unknown>,
    opts: { once?: boolean } = {},
  ): Promise<void> {
    return paced(Boolean(opts.once), () => replaceOnce(to, messageRef, activity));
  }

  async function replaceOnce(to: ConversationRef, messageRef: string, activity: Record<string, unknown>) {
    const ref = await resolve(to);
    const conversationId =
      ref.conversation.conversationType === 'channel'
        ? threadedConversationId(to.channelId, to.threadRef ?? messageRef)
        : to.channelId;
    await clientFor(ref.serviceUrl)
      .conversations.updateActivity(conversationId, messageRef, {
        ...activity,
        id: messageRef,
        conversation: { id: conversationId },
        ...(ref.bot.id ? { from: ref.bot } : {}),
      } as never)
      .catch(wrap('update the message'));
  }

  const delivery = createTeamsDelivery({
    logger: deps.logger,
    tenantOf: async (to) => (await reference(to.channelId))?.tenantId,
  });

  const gateway: TeamsGateway = {
    platform: 'teams',
    async remember(ref) {
      const prev = refs.get(ref.conversation.id);
      refs.set(ref.conversation.id, ref);
      if (prev && JSON.stringify(prev) === JSON.stringify(ref)) return;
      await deps.conversations?.save('teams', ref.conversation.id, ref);
    },
    reference,
    send,
    replace,
    async post(to, card): Promise<PostedMessage> {
      const { result: messageRef, level } = await delivery.send(to, card, (activity) => send(to, activity));
      rememberCard(messageRef, card);
      return { messageRef, ...(level === 'native' ? {} : { fallback: level }) };
    },
    async update(to, messageRef, card, opts) {
      // Issue 17: a progress step is tried once; its 429's Retry-After goes back to the progress reporter.
      await delivery.send(to, card, (activity) => replace(to, messageRef, activity, { once: Boolean(opts?.progress) }));
      rememberCard(messageRef, card);
    },
    // Issue 17: the home card in a personal chat, updated in place when the queue changes.
    async refreshHome(home, card) {
      if (!home.messageRef) return 'gone';
      try {
        await gateway.update({ platform: 'teams', channelId: home.channelId }, home.messageRef, card);
      } catch (err) {
        // The card was deleted (the chat cleared, the app removed): nothing left to update.
        if (statusOf(err) === 404) return 'gone';
        throw err;
      }
      return 'drawn';
    },
    // Teams has no message only one person sees in a shared conversation: the answer goes in the thread.
    async postEphemeral(to, _userId, card) {
      await gateway.post(to, card);
    },
    uploadFile: (to, file) => deps.uploadFile(gateway, to, file),
    cardOf: (messageRef) => cards.get(messageRef),
    async aadObjectIdOf(conversationId, memberId) {
      const ref = await reference(conversationId);
      if (!ref) return undefined;
      const member = await clientFor(ref.serviceUrl)
        .conversations.members(baseConversationId(conversationId))
        .getById(memberId)
        .catch(() => undefined);
      return member?.aadObjectId;
    },
  };
  return gateway;
}
