import type { Access, Permission } from '../access/roles.ts';
import type { ReportScope } from '../access/scope.ts';
import { callsCommand } from '../calls/calls.commands.ts';
import { type Card, textCard } from '../cards/card.model.ts';
import { FOUR_EYES_KEY, fourEyesOn, type TrustPolicy } from '../decisions/trust.policy.ts';
import type { AnalyticsRepository, QueueDepth, ThreadRef } from '../digest/analytics.port.ts';
import { collectHealthFigures, healthCard } from '../digest/health.figures.ts';
import { isAppError } from '../errors.ts';
import { exportFile, type TableWriters } from '../export/export.usecases.ts';
import { displayUser } from '../format.ts';
import type { QueueChanged } from '../home/home.refresh.ts';
import type { HomeRequest } from '../home/home.usecases.ts';
import { forgetCard, layoutsCard } from '../memory/layout.commands.ts';
import type { OpsRepository } from '../ops/ops.port.ts';
import { problemBlocks, recentProblems } from '../ops/problems.ts';
import type { ConversationRef, HealthSource, Repositories, UnitOfWork } from '../ports.ts';
import { scoreboardBlocks } from '../scoreboard/scoreboard.cards.ts';
import { collectScoreboard, type ScoreboardDeps } from '../scoreboard/scoreboard.usecases.ts';
import { helpCard, pendingCard, recentCard, refusedCard, reportCard, statsCard, usageCard } from './command.cards.ts';
import { type Command, parseCommand } from './command.parser.ts';
import type { CommandContext, CommandReply, CommandRunner } from './command.types.ts';
import { withDecisionButtons, withPendingButtons } from './pending.actions.ts';
import { HISTORY_ROWS, historyBlocks } from './report.history.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

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

const PERMISSION: Record<Command['name'], Permission | null> = {
  report: 'read',
  recent: 'read',
  pending: 'read',
  calls: 'read',
  call: 'read',
  stats: 'read',
  health: 'health',
  export: 'export',
  digest: 'subscribe',
  role: 'role',
  'four-eyes': 'settings',
  channel: 'channel',
  home: 'read',
  layouts: 'layouts',
  forget: 'layouts',
  help: null,
};

const REFUSAL: Record<Permission, string> = {
  upload: 'Only analysts and above can upload reports.',
  read: 'Reading reports needs at least the viewer role.',
  approve: 'Only approvers and admins can approve reports.',
  reject: 'Only approvers and admins can reject reports.',
  edit: 'Only approvers and admins can edit reports.',
  replace: 'Only approvers and admins can resolve duplicate reports.',
  keep: 'Only approvers and admins can resolve duplicate reports.',
  export: 'Only analysts, approvers and admins can export reports. Ask an admin for the analyst role.',
  subscribe: 'Only analysts, approvers and admins can manage digests in a channel. Ask an admin for the analyst role.',
  role: 'Only admins can assign roles.',
  health: 'Only admins can see service health and the recent problems.',
  settings: 'Only admins can change four-eyes approval.',
  channel: 'Only admins can mark risk channels.',
  layouts: 'Only admins can list or delete what layout memory learned.',
};

const KIND_WORD = { digest: 'daily digest', weekly: 'weekly usage digest', alerts: 'health alerts' } as const;

const ephemeral = (card: Card): CommandReply => ({ card, visibility: 'ephemeral' });

export function createCommandRunner(deps: CommandDeps): CommandRunner {
  const now = () => deps.now?.() ?? new Date();
  const decides = (user: string) => deps.access.can(user, 'approve');

  async function featureUse(ctx: CommandContext, command: Command, extra?: Record<string, unknown>) {
    // Feature use for the weekly digest. Best effort: a lost count must not fail the answer.
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

  /** A change and its audit event: in one transaction when a unit of work is wired, else one after the other. */
  function together<T>(write: (repos: CommandDeps['repos']) => Promise<T>): Promise<T> {
    return deps.uow ? deps.uow(write) : write(deps.repos);
  }

  async function changeRole(ctx: CommandContext, c: Command & { name: 'role' }): Promise<CommandReply> {
    const target = c.user;
    const before = await deps.access.roleOf(target);
    const who = displayUser(target);
    if (before === c.role) return ephemeral(textCard('Role unchanged', `${who} already has the ${c.role} role.`));
    const write = async (repos: Pick<Repositories, 'roles' | 'audit'>) => {
      await repos.roles.set(target, c.role, ctx.user);
      await repos.audit.append({
        actor: ctx.user,
        action: 'role.changed',
        entityType: 'user',
        entityId: target,
        before: { role: before },
        after: { role: c.role },
      });
    };
    await together(write);
    const effective = await deps.access.roleOf(target);
    if (effective !== c.role) {
      return ephemeral(
        textCard(
          'Role recorded',
          `${who} is now recorded as ${c.role}, but stays ${effective}: they are listed in ADMINS.`,
          'warning',
        ),
      );
    }
    return ephemeral(textCard('Role changed', `${who} is now ${c.role} (was ${before}).`, 'success'));
  }

  /** Issue 14: `/margin four-eyes on|off`, stored for every replica and audited. */
  async function fourEyes(ctx: CommandContext, c: Command & { name: 'four-eyes' }): Promise<CommandReply> {
    const before = await fourEyesOn(deps.repos, deps.trust ?? { fourEyes: true });
    const word = (on: boolean) => (on ? 'on' : 'off');
    if (before === c.on)
      return ephemeral(textCard('Four-eyes unchanged', `Four-eyes approval is already ${word(c.on)}.`));
    const write = async (repos: Pick<Repositories, 'settings' | 'audit'>) => {
      await repos.settings.set(FOUR_EYES_KEY, c.on, ctx.user);
      await repos.audit.append({
        actor: ctx.user,
        action: 'setting.changed',
        entityType: 'setting',
        entityId: FOUR_EYES_KEY,
        before: { four_eyes: before },
        after: { four_eyes: c.on },
      });
    };
    await together(write);
    // Issue 17: every queue's Approve buttons follow the setting.
    deps.queueChanged?.({ everyone: true });
    return ephemeral(
      textCard(
        `Four-eyes ${word(c.on)}`,
        c.on
          ? 'The person who shared a PDF can no longer approve its reports.'
          : 'The person who shared a PDF may now approve its reports.',
        c.on ? 'success' : 'warning',
      ),
    );
  }

  async function markChannel(ctx: CommandContext, c: Command & { name: 'channel' }): Promise<CommandReply> {
    const { platform, channelId } = ctx.conversation;
    const write = async (repos: Pick<Repositories, 'riskChannels' | 'audit'>) => {
      const changed =
        c.kind === 'risk'
          ? await repos.riskChannels.mark(platform, channelId, ctx.user)
          : await repos.riskChannels.unmark(platform, channelId);
      if (changed)
        await repos.audit.append({
          actor: ctx.user,
          action: c.kind === 'risk' ? 'channel.marked_risk' : 'channel.marked_normal',
          entityType: 'channel',
          entityId: `${platform}:${channelId}`,
          before: { risk: c.kind !== 'risk' },
          after: { risk: c.kind === 'risk' },
        });
      return changed;
    };
    const changed = await together(write);
    if (c.kind === 'normal' && (await deps.access.isRiskChannel(ctx.conversation)))
      return ephemeral(
        textCard(
          'Still a risk channel',
          'This channel is listed in DIGEST_CHANNELS, so it stays a risk channel: the whole book may be posted here.',
          'warning',
        ),
      );
    if (c.kind === 'risk')
      return ephemeral(
        textCard(
          'Risk channel',
          changed
            ? 'This channel is now a risk channel: exports, digests and answers here may hold every report.'
            : 'This channel is already a risk channel.',
          'success',
        ),
      );
    return ephemeral(
      textCard(
        'Normal channel',
        changed
          ? 'This channel is back to normal: what is posted here holds only reports shared in it.'
          : 'This channel was not a risk channel.',
      ),
    );
  }

  async function digest(ctx: CommandContext, c: Command & { name: 'digest' }): Promise<CommandReply> {
    const { platform, channelId } = ctx.conversation;
    const what = KIND_WORD[c.kind];
    if (c.action === 'here') {
      const added = await deps.repos.subscriptions.subscribe(platform, channelId, c.kind, ctx.user);
      return ephemeral(
        textCard(
          'Subscribed',
          added ? `This channel now gets the ${what}.` : `This channel already gets the ${what}.`,
          'success',
        ),
      );
    }
    if (c.action === 'off') {
      const removed = await deps.repos.subscriptions.unsubscribe(platform, channelId, c.kind);
      return ephemeral(
        textCard(
          'Unsubscribed',
          removed ? `This channel no longer gets the ${what}.` : `This channel was not getting the ${what}.`,
        ),
      );
    }
    const to: ConversationRef = { platform, channelId };
    const kind = c.kind === 'weekly' ? 'weekly' : 'digest';
    const posting = deps.postDigest(to, { actor: ctx.user, kind }).then(
      () => 'posted' as const,
      (err: unknown) => {
        deps.logger?.error({ err }, 'digest now failed');
        return 'failed' as const;
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), deps.answerWithinMs ?? 2_000);
    });
    const outcome = await Promise.race([posting, waited]).finally(() => clearTimeout(timer));
    if (outcome === 'failed')
      return ephemeral(
        textCard('Digest not posted', `MarginIQ could not post the ${what} here. Try again in a minute.`, 'danger'),
      );
    return ephemeral(
      textCard(
        'Digest',
        outcome === 'posted' ? `Posted the ${what} in this channel.` : `The ${what} is on its way to this channel.`,
      ),
    );
  }

  async function answer(ctx: CommandContext, c: Command): Promise<CommandReply> {
    // Issue 18: what this answer may hold, decided once for the request.
    const privately = Boolean(ctx.personal || ctx.privateReplies);
    const scope: ReportScope = await deps.access.scopeFor({
      user: ctx.user,
      conversation: ctx.conversation,
      surface: privately ? 'private' : 'conversation',
    });
    const here = scope.kind === 'book' ? '' : ' that was shared here';
    switch (c.name) {
      case 'help':
        return ephemeral(helpCard(ctx.conversation.platform));
      case 'home':
        if (!deps.home) return ephemeral(textCard('MarginIQ home', 'The home is not available here.'));
        return {
          ...ephemeral(
            await deps.home({
              user: ctx.user,
              conversation: ctx.conversation,
              surface: privately ? 'private' : 'conversation',
            }),
          ),
          // Issue 17: the adapter that posts it records where, so it is drawn again when the queue changes.
          home: { surface: privately ? 'private' : 'conversation' },
        };
      case 'report': {
        const r = c.date
          ? await deps.repos.reports.findByAccountDate(c.account, c.date, scope)
          : await deps.repos.reports.latestForAccount(c.account, scope);
        if (!r) {
          return ephemeral(
            textCard(
              'No report',
              c.date
                ? `There is no report for account ${c.account} dated ${c.date}${here}.`
                : `There is no report for account ${c.account}${here} yet.`,
            ),
          );
        }
        const names = r.decidedBy ? await deps.repos.people.names([r.decidedBy]).catch(() => undefined) : undefined;
        const shown = reportCard(r, names);
        // Issue 17: the account's history (what this asker may see) as a sortable table and an excess chart.
        const history = await deps.repos.reports.history(c.account, HISTORY_ROWS, scope);
        const withHistory = { ...shown, blocks: [...shown.blocks, ...historyBlocks(c.account, history)] };
        // Issue 17: a pending report comes with its buttons for those who may decide it.
        return ephemeral((await decides(ctx.user)) ? withDecisionButtons(withHistory, r) : withHistory);
      }
      case 'recent':
        return ephemeral(recentCard(await deps.repos.reports.recent(c.limit, scope)));
      case 'pending': {
        const pending = await deps.analytics.pendingWithThreads(25, scope);
        const list = pendingCard(pending, now(), deps.threadLink);
        return ephemeral((await decides(ctx.user)) ? withPendingButtons(list, pending.items) : list);
      }
      case 'calls':
      case 'call':
        // Issue 15: margin calls as things with a life (core/calls/calls.commands.ts).
        return ephemeral(await callsCommand({ ...deps, now }, ctx, c, scope));
      case 'stats': {
        const w = { since: new Date(now().getTime() - c.days * DAY_MS), until: now() };
        // Issue 15: the product's success figures, each saying what it is computed from. All the
        // statements go out together, so the database works on them side by side.
        const [s, t, reasons, board] = await Promise.all([
          deps.analytics.reportStats(w),
          deps.analytics.turnaround(w),
          deps.analytics.rejectReasons(w),
          deps.scoreboard ? collectScoreboard({ ...deps.scoreboard, now }, c.days) : undefined,
        ]);
        const stats = statsCard(c.days, s, t, reasons);
        if (!board) return ephemeral(stats);
        return ephemeral({
          ...stats,
          blocks: [{ type: 'heading', text: 'Scoreboard' }, ...scoreboardBlocks(board), ...stats.blocks],
        });
      }
      case 'health': {
        const [figures, problems] = await Promise.all([
          collectHealthFigures({ ...deps, now }),
          deps.ops ? recentProblems(deps.ops) : undefined,
        ]);
        const card = healthCard(figures);
        if (!problems) return ephemeral(card);
        // Issue 15: the original tool's "recent logs" panel, from what the service recorded.
        return ephemeral({ ...card, blocks: [...card.blocks, ...problemBlocks(problems)] });
      }
      case 'export': {
        // Issue 18: an export is posted into a risk channel; anywhere else it goes to the asker alone.
        const risk = await deps.access.isRiskChannel(ctx.conversation);
        if (!risk && !privately)
          return ephemeral(
            textCard(
              'Exports are private',
              'An export goes only to you: ask for it in your personal chat with MarginIQ, or in a risk channel.',
              'warning',
            ),
          );
        const reports = await deps.repos.reports.inRange({
          since: new Date(now().getTime() - c.days * DAY_MS),
          account: c.account,
          scope,
        });
        const what = c.account ? `account ${c.account}` : 'any account';
        if (reports.length === 0)
          return ephemeral(
            textCard('Nothing to export', `There are no reports for ${what}${here} dated in the last ${c.days} days.`),
          );
        if (!deps.writers)
          return ephemeral(textCard('Exports unavailable', 'This MarginIQ was started without file writers.'));
        const file = exportFile(deps.writers, reports, {
          format: c.format,
          account: c.account,
          days: c.days,
          now: now(),
        });
        await featureUse(ctx, c, { account: c.account ?? 'all', days: c.days, format: c.format, rows: reports.length });
        const rows = `${reports.length} report${reports.length === 1 ? '' : 's'} for ${what}${here}, last ${c.days} days (${c.format.toUpperCase()})`;
        if (risk && !ctx.personal)
          return {
            visibility: 'channel',
            file,
            card: textCard('Export', `${displayUser(ctx.user)} exported ${rows}.`),
          };
        return {
          visibility: ctx.personal ? 'channel' : 'ephemeral',
          file,
          card: textCard('Export', `Your export: ${rows}. Only you received it.`),
        };
      }
      case 'digest':
        return digest(ctx, c);
      case 'role':
        return changeRole(ctx, c);
      case 'four-eyes':
        return fourEyes(ctx, c);
      case 'channel':
        return markChannel(ctx, c);
      case 'layouts':
        return ephemeral(await layoutsCard(deps.repos));
      case 'forget':
        return ephemeral(await forgetCard(together, { layoutId: c.layout, field: c.field ?? null, by: ctx.user }));
    }
  }

  return async (ctx, text) => {
    try {
      const parsed = parseCommand(typeof text === 'string' ? text : '', ctx.conversation.platform);
      if (!parsed.ok) return ephemeral(usageCard(parsed.problem, parsed.subcommand, ctx.conversation.platform));
      const c = parsed.command;
      const needed = PERMISSION[c.name];
      if (needed && !(await deps.access.can(ctx.user, needed))) return ephemeral(refusedCard(REFUSAL[needed]));
      const reply = await answer(ctx, c);
      if (c.name !== 'export') await featureUse(ctx, c);
      // Issue 15: every command answered counts towards daily active users and feature adoption.
      await deps.scoreboard?.scoreboard
        .recordUse({ at: now(), user: ctx.user, feature: `command.${c.name}` })
        .catch((err: unknown) => deps.logger?.warn({ err }, 'command use not recorded'));
      return reply;
    } catch (err) {
      // The one error boundary of a command: logged in full, answered with a plain sentence.
      deps.logger?.error({ err, user: ctx.user }, 'command failed');
      const sentence =
        isAppError(err) && err.code === 'store.unavailable'
          ? err.message
          : 'MarginIQ could not answer that just now. Try again in a minute.';
      return ephemeral(textCard('Something went wrong', sentence, 'danger'));
    }
  };
}
