import { type Card, textCard } from '../cards/card.model.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { ScoreboardRepository } from './scoreboard.port.ts';

/**
 * 👍 / 👎 on an upload's summary. One vote per person per upload: voting again replaces the vote,
 * so a 👍 then a 👎 counts once, as 👎. The answer is private; the summary does not change.
 */
export async function voteOnSummary(
  deps: { repos: Pick<Repositories, 'ingestions'>; usage?: Pick<ScoreboardRepository, 'vote'> | undefined },
  input: { user: string; ingestionId: string; up: boolean; at: Date },
): Promise<{ notice: Card }> {
  if (!deps.usage) return { notice: textCard('Thanks', 'Votes are not recorded here.') };
  if (!/^[0-9a-f-]{36}$/i.test(input.ingestionId) || !(await deps.repos.ingestions.findById(input.ingestionId))) {
    return { notice: textCard('Not found', 'That summary no longer exists.', 'warning') };
  }
  await deps.usage.vote({ ingestionId: input.ingestionId, user: input.user, vote: input.up ? 1 : -1, at: input.at });
  return {
    notice: textCard(
      'Thanks',
      input.up
        ? 'Recorded 👍 for this summary. Vote again to change it.'
        : 'Recorded 👎 for this summary. Vote again to change it; a colleague can tell the team what was wrong.',
    ),
  };
}
