import type { Card } from '../cards/card.model.ts';
import type { ConversationRef } from '../ports.ts';

export interface CommandContext {
  /** Platform-qualified user, e.g. slack:U0123. */
  user: string;
  conversation: ConversationRef;
}

export interface CommandFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  title: string;
}

export interface CommandReply {
  card: Card;
  /** Ephemeral answers only the asker sees; channel answers everyone sees (exports, digests). */
  visibility: 'ephemeral' | 'channel';
  file?: CommandFile;
}

export type CommandRunner = (ctx: CommandContext, text: string) => Promise<CommandReply>;
