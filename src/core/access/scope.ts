import type { RiskChannelsRepository } from '../ports/access.ports.ts';
import type { ConversationRef } from '../ports/chat.ports.ts';

/**
 * Which reports an answer may hold (issue 18): computed once per request here, handed to the
 * repositories, which turn it into one SQL filter. `book` is every report. `shared` is the reports
 * shared in one conversation (uploaded there, or uploaded there again as a duplicate or a conflicting
 * copy), plus, on a private surface, the reports the asker uploaded anywhere.
 */
export type ReportScope =
  | { kind: 'book' }
  | { kind: 'shared'; platform: string; channelId: string; uploader: string | null };

export const WHOLE_BOOK: ReportScope = { kind: 'book' };

/**
 * Where an answer is seen. `conversation`: posted into it, everyone there sees it. `private`: only the
 * asker sees it (an ephemeral reply, the personal chat with the bot, App Home).
 */
export type Surface = 'conversation' | 'private';

export interface ScopeRequest {
  user: string;
  conversation: Pick<ConversationRef, 'platform' | 'channelId'>;
  surface: Surface;
}

export interface Scopes {
  /** A channel marked with `/margin channel risk`, or listed in DIGEST_CHANNELS: the whole book may be posted there. */
  isRiskChannel(c: Pick<ConversationRef, 'platform' | 'channelId'>): Promise<boolean>;
  scopeFor(req: ScopeRequest): Promise<ReportScope>;
}

export function createScopes(deps: {
  /** True for approvers and admins: they may decide any report. */
  decides: (user: string) => Promise<boolean>;
  riskChannels?: Pick<RiskChannelsRepository, 'isRisk'> | undefined;
  /** DIGEST_CHANNELS, platform-qualified (`slack:C0123`). */
  digestChannels?: readonly string[] | undefined;
}): Scopes {
  const configured = new Set(deps.digestChannels ?? []);
  const isRiskChannel = async (c: Pick<ConversationRef, 'platform' | 'channelId'>) =>
    configured.has(`${c.platform}:${c.channelId}`) ||
    ((await deps.riskChannels?.isRisk(c.platform, c.channelId)) ?? false);
  return {
    isRiskChannel,
    async scopeFor({ user, conversation, surface }) {
      if (await isRiskChannel(conversation)) return WHOLE_BOOK;
      // Approvers and admins decide any report: privately they see every one they may decide.
      if (surface === 'private' && (await deps.decides(user))) return WHOLE_BOOK;
      return {
        kind: 'shared',
        platform: conversation.platform,
        channelId: conversation.channelId,
        uploader: surface === 'private' ? user : null,
      };
    },
  };
}
