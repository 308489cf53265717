import type { Access } from '../access/roles.ts';
import type { ReportScope } from '../access/scope.ts';
import type { Card } from '../cards/card.model.ts';
import type { TrustPolicy } from '../decisions/trust.policy.ts';
import type { AnalyticsRepository, QueueDepth, ThreadRef } from '../digest/analytics.port.ts';
import type { TableWriters } from '../export/export.usecases.ts';
import type { QueueChanged } from '../home/home.refresh.ts';
import type { HomeRequest } from '../home/home.usecases.ts';
import type { OpsRepository } from '../ops/ops.port.ts';
import type { ConversationRef } from '../ports/chat.ports.ts';
import type { HealthSource } from '../ports/health.ports.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import type { ScoreboardDeps } from '../scoreboard/scoreboard.usecases.ts';
import type { Command } from './command.grammar.ts';
import type { CommandContext, CommandReply } from './command.types.ts';

export interface CommandDeps {
  repos: Pick<
    Repositories,
    'reports' | 'subscriptions' | 'roles' | 'audit' | 'people' | 'calls' | 'settings' | 'riskChannels' | 'layouts'
  >;
  /** FOUR_EYES from the environment (issue 14): what `four-eyes` changes from. */
  trust?: TrustPolicy;
  /** Role change and its audit event in one transaction; without it they run one after the other. */
  uow?: UnitOfWork;
  access: Access;
  analytics: AnalyticsRepository;
  health: HealthSource;
  queueDepth: () => Promise<QueueDepth>;
  /**
   * The file writers exports use (src/render), injected: core lays out no bytes itself. main.ts always
   * wires them; a runner built without them (tests and benches that never export) answers plainly.
   */
  writers?: TableWriters;
  /** Posts a digest into one conversation now (`/margin digest now [weekly]`). */
  postDigest: (to: ConversationRef, opts: { actor: string; kind: 'digest' | 'weekly' }) => Promise<unknown>;
  threadLink?: (t: ThreadRef) => string | undefined;
  now?: () => Date;
  logger?: { warn(o: object, m?: string): void; error(o: object, m?: string): void };
  /** How long `digest now` waits for the post before answering "on its way" (Slack wants an answer in 3 s). */
  answerWithinMs?: number;
  /** CALL_DUE_DAYS (issue 15). */
  callDueDays?: number;
  /** The scoreboard's store and MINUTES_SAVED_PER_REPORT (issue 15): `stats` shows it, every command is counted. */
  scoreboard?: Omit<ScoreboardDeps, 'now'>;
  /** The recent warnings and errors `/margin health` lists (issue 15). */
  ops?: Pick<OpsRepository, 'recentProblems'>;
  /** Issue 17: `home` draws the asker's home (core/home). */
  home?: (req: HomeRequest) => Promise<Card>;
  /** Issue 17: told when a command changes what homes show (a call moved, four-eyes switched). */
  queueChanged?: QueueChanged;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The clock a command reads (injected in tests). */
export const clockOf = (deps: Pick<CommandDeps, 'now'>) => () => deps.now?.() ?? new Date();

/** Issue 18: how an answer limited to what was shared in this conversation says so. */
export const sharedHere = (scope: ReportScope) => (scope.kind === 'book' ? '' : ' that was shared here');

export const ephemeral = (card: Card): CommandReply => ({ card, visibility: 'ephemeral' });

/** A change and its audit event: in one transaction when a unit of work is wired, else one after the other. */
export function together<T>(deps: CommandDeps, write: (repos: CommandDeps['repos']) => Promise<T>): Promise<T> {
  return deps.uow ? deps.uow(write) : write(deps.repos);
}

/** Feature use for the weekly digest. Best effort: a lost count must not fail the answer. */
export async function featureUse(
  deps: CommandDeps,
  ctx: CommandContext,
  command: Command,
  extra?: Record<string, unknown>,
): Promise<void> {
  await deps.repos.audit
    .append({
      actor: ctx.user,
      action: `command.${command.name}`,
      entityType: 'command',
      entityId: command.name,
      context: { platform: ctx.conversation.platform, channel: ctx.conversation.channelId, ...extra },
    })
    .catch((err: unknown) => deps.logger?.warn({ err }, 'command use not recorded'));
}
