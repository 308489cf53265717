import type { Access } from './access/roles.ts';
import type { Card, EditForm } from './cards/card.model.ts';
import type { CommandRunner } from './commands/command.types.ts';
import type { CropRenderer } from './evidence/show.source.ts';
import type { HomeRefresh } from './home/home.refresh.ts';
import type { HomeRequest } from './home/home.usecases.ts';
import type { IngestDeps } from './ingest/ingest.deps.ts';
import type { ConversationRef } from './ports/chat.ports.ts';
import type { ScoreboardRepository } from './scoreboard/scoreboard.port.ts';

export interface ChatCoreDeps extends IngestDeps {
  access: Access;
  runCommand: CommandRunner;
  now?: () => Date;
  /** CALL_DUE_DAYS (issue 15). */
  callDueDays?: number;
  /** Usage events and 👍 / 👎 votes for the scoreboard (issue 15). */
  usage?: Pick<ScoreboardRepository, 'recordUse' | 'vote'>;
  /** Issue 14, Show source: renders a page region with the value boxed. */
  renderCrop?: CropRenderer;
  /** Issue 17: the viewing user's home (core/home). */
  home?: (req: HomeRequest) => Promise<Card>;
  /** Issue 17: where homes are drawn, to draw them again when the queue changes (core/home/home.refresh.ts). */
  homes?: Pick<HomeRefresh, 'seen'>;
}

/**
 * What a click leads to, for the adapter to acknowledge. The summary message itself has already
 * been updated by core through the upload's platform gateway; adapters never refresh it.
 */
export interface ActionOutcome {
  /** For the clicker only (refusals, "already decided"). */
  notice?: Card;
  /** The upload's summary as it now stands: for platforms whose click answer is a card (a Teams invoke). */
  summary?: Card;
  /** Edit: the form to show (Slack modal, Teams card inputs, console dialog). */
  form?: EditForm & { version: number };
  /** Open (issue 17): a card for the clicker alone to look at and act on (Slack modal, Teams card, console). */
  view?: Card;
}

/**
 * Where a click or a form submission happened (issue 18): the conversation of the message it came
 * from, and whether that is the clicker's personal chat with the bot (a private surface).
 */
export interface ClickPlace {
  conversation: Pick<ConversationRef, 'platform' | 'channelId'>;
  personal?: boolean;
}

/** Who clicked, with the display name their platform's payload gave, if any. */
export interface Clicker {
  user: string;
  name?: string | undefined;
}
