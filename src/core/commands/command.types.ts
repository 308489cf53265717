import type { Card } from '../cards/card.model.ts';
import type { ConversationRef } from '../ports/chat.ports.ts';

export interface CommandContext {
  /** Platform-qualified user, e.g. slack:U0123. */
  user: string;
  conversation: ConversationRef;
  /**
   * Issue 18: an answer for the asker alone stays private here (Slack ephemeral messages, the console's
   * own). Unset means it is posted for everyone in the conversation (a Teams channel or group chat).
   */
  privateReplies?: boolean;
  /** The asker's personal chat with the bot (a Slack DM, a Teams personal chat): everything posted there is private. */
  personal?: boolean;
}

export interface CommandFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  title: string;
}

export interface CommandReply {
  card: Card;
  /**
   * Ephemeral answers only the asker sees; channel answers everyone sees (exports in a risk channel).
   * An ephemeral answer with a file is delivered privately (Slack: the asker's direct messages with the bot).
   */
  visibility: 'ephemeral' | 'channel';
  file?: CommandFile;
  /**
   * Issue 17: the answer is the asker's home, drawn for this surface. An adapter that posts it as a
   * message it can update (Teams, the console) tells core where (`chat.homeShown`).
   */
  home?: { surface: 'private' | 'conversation' };
}

export type CommandRunner = (ctx: CommandContext, text: string) => Promise<CommandReply>;
