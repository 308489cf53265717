import type { ReportScope } from '../access/scope.ts';
import { textCard } from '../cards/card.model.ts';
import { exportFile } from '../export/export.usecases.ts';
import { displayUser } from '../format.ts';
import { type CommandDeps, clockOf, DAY_MS, ephemeral, featureUse, sharedHere } from './command.deps.ts';
import type { Command } from './command.grammar.ts';
import type { CommandContext, CommandReply } from './command.types.ts';

/** `/margin export`: the reports in range as a file, for the asker alone or into a risk channel. */
export async function exportCommand(
  deps: CommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'export' },
  scope: ReportScope,
  privately: boolean,
): Promise<CommandReply> {
  const now = clockOf(deps);
  const here = sharedHere(scope);
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
  await featureUse(deps, ctx, c, { account: c.account ?? 'all', days: c.days, format: c.format, rows: reports.length });
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
