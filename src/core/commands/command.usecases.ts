import type { ReportScope } from '../access/scope.ts';
import { callsCommand } from '../calls/calls.commands.ts';
import { textCard } from '../cards/card.model.ts';
import { collectHealthFigures, healthCard } from '../digest/health.figures.ts';
import { isAppError } from '../errors.ts';
import { forgetCard, layoutsCard } from '../memory/layout.commands.ts';
import { problemBlocks, recentProblems } from '../ops/problems.ts';
import { scoreboardBlocks } from '../scoreboard/scoreboard.cards.ts';
import { collectScoreboard } from '../scoreboard/scoreboard.usecases.ts';
import { changeRole, fourEyes, markChannel } from './admin.commands.ts';
import { PERMISSION, REFUSAL } from './command.access.ts';
import { helpCard, pendingCard, recentCard, refusedCard, reportCard, statsCard, usageCard } from './command.cards.ts';
import { type CommandDeps, clockOf, DAY_MS, ephemeral, featureUse, sharedHere, together } from './command.deps.ts';
import type { Command } from './command.grammar.ts';
import { parseCommand } from './command.parser.ts';
import type { CommandContext, CommandReply, CommandRunner } from './command.types.ts';
import { digestCommand } from './digest.command.ts';
import { exportCommand } from './export.command.ts';
import { withDecisionButtons, withPendingButtons } from './pending.actions.ts';
import { HISTORY_ROWS, historyBlocks } from './report.history.ts';

export type { CommandDeps } from './command.deps.ts';

/**
 * `/margin …` in every platform: parsed, checked against the asker's role, answered. The commands
 * that write live beside it by role (admin.commands.ts, digest.command.ts, export.command.ts).
 */
export function createCommandRunner(deps: CommandDeps): CommandRunner {
  const now = clockOf(deps);
  const decides = (user: string) => deps.access.can(user, 'approve');

  async function answer(ctx: CommandContext, c: Command): Promise<CommandReply> {
    // Issue 18: what this answer may hold, decided once for the request.
    const privately = Boolean(ctx.personal || ctx.privateReplies);
    const scope: ReportScope = await deps.access.scopeFor({
      user: ctx.user,
      conversation: ctx.conversation,
      surface: privately ? 'private' : 'conversation',
    });
    const here = sharedHere(scope);
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
      case 'export':
        return exportCommand(deps, ctx, c, scope, privately);
      case 'digest':
        return digestCommand(deps, ctx, c);
      case 'role':
        return changeRole(deps, ctx, c);
      case 'four-eyes':
        return fourEyes(deps, ctx, c);
      case 'channel':
        return markChannel(deps, ctx, c);
      case 'layouts':
        return ephemeral(await layoutsCard(deps.repos));
      case 'forget':
        return ephemeral(
          await forgetCard((write) => together(deps, write), {
            layoutId: c.layout,
            field: c.field ?? null,
            by: ctx.user,
          }),
        );
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
      if (c.name !== 'export') await featureUse(deps, ctx, c);
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
