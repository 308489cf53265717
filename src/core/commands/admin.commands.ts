import { textCard } from '../cards/card.model.ts';
import { FOUR_EYES_KEY, fourEyesOn } from '../decisions/trust.policy.ts';
import { displayUser } from '../format.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import { type CommandDeps, ephemeral, together } from './command.deps.ts';
import type { Command } from './command.grammar.ts';
import type { CommandContext, CommandReply } from './command.types.ts';

// The admin's commands that change a setting, each with its audit event.

/** `/margin role @user <role>`: stored and audited together. */
export async function changeRole(
  deps: CommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'role' },
): Promise<CommandReply> {
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
  await together(deps, write);
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
export async function fourEyes(
  deps: CommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'four-eyes' },
): Promise<CommandReply> {
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
  await together(deps, write);
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

/** `/margin channel risk|normal` (issue 18): where the whole book may be posted. */
export async function markChannel(
  deps: CommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'channel' },
): Promise<CommandReply> {
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
  const changed = await together(deps, write);
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
