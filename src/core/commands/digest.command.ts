import { textCard } from '../cards/card.model.ts';
import type { ConversationRef } from '../ports/chat.ports.ts';
import { type CommandDeps, ephemeral } from './command.deps.ts';
import type { Command } from './command.grammar.ts';
import type { CommandContext, CommandReply } from './command.types.ts';

const KIND_WORD = { digest: 'daily digest', weekly: 'weekly usage digest', alerts: 'health alerts' } as const;

/** `/margin digest here|off|now [weekly|alerts]`: a channel's subscriptions, or a digest posted now. */
export async function digestCommand(
  deps: CommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'digest' },
): Promise<CommandReply> {
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
