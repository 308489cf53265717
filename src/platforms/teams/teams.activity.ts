import type { ConversationRef } from '../../core/ports/chat.ports.ts';

/** The parts of a Bot Framework activity MarginIQ reads, as they arrive on the wire. */
export interface WireAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

export interface WireAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

export interface WireEntity {
  type: string;
  mentioned?: WireAccount;
  text?: string;
}

export interface WireConversation {
  id: string;
  conversationType?: 'personal' | 'groupChat' | 'channel' | string;
  tenantId?: string;
  isGroup?: boolean;
  name?: string;
}

export interface WireActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  value?: unknown;
  replyToId?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: WireAccount;
  recipient?: WireAccount;
  conversation?: WireConversation;
  attachments?: WireAttachment[];
  entities?: WireEntity[];
  membersAdded?: WireAccount[];
  action?: string;
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; aadGroupId?: string; name?: string };
    channel?: { id?: string; name?: string };
    eventType?: string;
  };
}

/** What the gateway needs to post into a conversation later, without an inbound activity. */
export interface StoredReference {
  serviceUrl: string;
  conversation: { id: string; conversationType: string; tenantId?: string | undefined; isGroup?: boolean | undefined };
  bot: { id: string; name?: string | undefined };
  tenantId?: string | undefined;
  /** The team's AAD group id: Graph addresses channel messages through it. */
  teamAadGroupId?: string | undefined;
}

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

// A channel thread is addressed as `19:…@thread.tacv2;messageid=<root activity id>`.
const THREAD_SUFFIX = /;messageid=(\d+|[^;]+)$/;

export const baseConversationId = (id: string) => id.replace(THREAD_SUFFIX, '');
export const threadRootOf = (id: string) => THREAD_SUFFIX.exec(id)?.[1];
export const threadedConversationId = (base: string, root: string) => `${baseConversationId(base)};messageid=${root}`;

export function conversationTypeOf(a: WireActivity): string {
  const t = a.conversation?.conversationType;
  if (t) return t;
  if (a.channelData?.channel?.id) return 'channel';
  return a.conversation?.isGroup ? 'groupChat' : 'personal';
}

export const isPersonal = (a: WireActivity) => conversationTypeOf(a) === 'personal';

/** Platform-qualified user: the AAD object id is what ADMINS and the roles table name. */
export const userOf = (a: WireActivity) => `teams:${a.from?.aadObjectId ?? a.from?.id ?? 'unknown'}`;

/** Where replies to this activity go: the conversation, and in channels the thread it belongs to. */
export function conversationRefOf(a: WireActivity): ConversationRef {
  const id = a.conversation?.id ?? '';
  const channelId = baseConversationId(id);
  if (conversationTypeOf(a) === 'channel') {
    return { platform: 'teams', channelId, threadRef: threadRootOf(id) ?? a.replyToId ?? a.id };
  }
  return { platform: 'teams', channelId, threadRef: a.id };
}

export function referenceOf(a: WireActivity): StoredReference | undefined {
  if (!a.serviceUrl || !a.conversation?.id || !a.recipient?.id) return undefined;
  const tenantId = a.conversation.tenantId ?? a.channelData?.tenant?.id;
  return {
    serviceUrl: a.serviceUrl,
    conversation: {
      id: baseConversationId(a.conversation.id),
      conversationType: conversationTypeOf(a),
      tenantId,
      isGroup: a.conversation.isGroup,
    },
    bot: { id: a.recipient.id, name: a.recipient.name },
    tenantId,
    teamAadGroupId: a.channelData?.team?.aadGroupId,
  };
}

export const botMentioned = (a: WireActivity) =>
  (a.entities ?? []).some((e) => e.type === 'mention' && e.mentioned?.id === a.recipient?.id);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Teams may send typed text as HTML (`<p>report&nbsp;U1</p>`): back to plain words. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(?!\/?at>)[^>]*>/gi, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/**
 * The command a user typed: the bot's own `<at>…</at>` removed, other mentions replaced with the
 * platform-qualified user they name (`role <at>Ann</at> approver` → `role teams:<aad id> approver`).
 */
export function commandText(a: WireActivity, resolve: (mentioned: WireAccount) => string): string {
  let text = a.text ?? '';
  for (const e of a.entities ?? []) {
    if (e.type !== 'mention' || !e.text || !e.mentioned) continue;
    const replacement = e.mentioned.id === a.recipient?.id ? '' : resolve(e.mentioned);
    text = text.split(e.text).join(` ${replacement} `);
  }
  // A mention without an entity (some clients) is still never a command word.
  text = text.replace(/<at>[^<]*<\/at>/gi, ' ');
  return plainText(text).replace(/\s+/g, ' ').trim();
}

/** Teams file attachments in a personal chat, with the index that keys them when there is no uniqueId. */
export function fileAttachments(a: WireActivity) {
  return (a.attachments ?? [])
    .map((att, index) => ({ att, index }))
    .filter(({ att }) => att.contentType === FILE_DOWNLOAD_INFO)
    .map(({ att, index }) => {
      const content = (typeof att.content === 'object' && att.content !== null ? att.content : {}) as Record<
        string,
        unknown
      >;
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      return {
        index,
        name: att.name ?? `file-${index + 1}`,
        downloadUrl: str(content.downloadUrl),
        uniqueId: str(content.uniqueId),
        fileType: str(content.fileType),
      };
    });
}

/** A channel or group-chat message that carries a file: Teams shows it as an `<attachment id=…>` in the HTML body. */
export const mentionsAFile = (a: WireActivity) =>
  (a.attachments ?? []).some(
    (att) =>
      att.contentType === 'reference' ||
      (att.contentType === 'text/html' && typeof att.content === 'string' && /<attachment\s+id=/i.test(att.content)),
  );
