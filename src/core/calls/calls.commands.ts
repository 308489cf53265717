import type { Access } from '../access/roles.ts';
import type { ReportScope } from '../access/scope.ts';
import { type Card, textCard } from '../cards/card.model.ts';
import type { Command } from '../commands/command.grammar.ts';
import type { CommandContext } from '../commands/command.types.ts';
import { formatMoney } from '../format.ts';
import type { QueueChanged } from '../home/home.refresh.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import { STATE_LABEL } from './call.states.ts';
import { callHistoryCard, callsListCard } from './calls.cards.ts';
import { callHistory, moveCall } from './calls.usecases.ts';

export interface CallsCommandDeps {
  repos: Pick<Repositories, 'calls' | 'audit' | 'people'> & Partial<Pick<Repositories, 'reports'>>;
  uow?: UnitOfWork;
  access: Access;
  callDueDays?: number;
  now: () => Date;
  /** Issue 17: a moved call changes the homes that show it. */
  queueChanged?: QueueChanged;
}

const LIST_LIMIT = 25;

/** `/margin calls` and `/margin call N [met|dispute|waive|reopen …]`. */
export async function callsCommand(
  deps: CallsCommandDeps,
  ctx: CommandContext,
  c: Command & { name: 'calls' | 'call' },
  scope?: ReportScope,
): Promise<Card> {
  if (c.name === 'calls') return callsListCard(await deps.repos.calls.outstanding(LIST_LIMIT, scope), deps.now());
  // Issue 18: a call is seen (and moved) only where its report may be.
  if (scope && scope.kind !== 'book') {
    const call = await deps.repos.calls.findByNumber(c.number);
    const report = call ? await deps.repos.reports?.findById(call.reportId, scope) : undefined;
    if (!report)
      return textCard('No such call', `There is no margin call #${c.number} shared here. /margin calls lists them.`);
  }
  if (c.move) {
    if (!deps.uow) return textCard('Not available', 'Margin calls cannot be changed from here.', 'warning');
    const moved = await moveCall(
      {
        repos: { calls: deps.repos.calls, audit: deps.repos.audit },
        uow: deps.uow,
        access: deps.access,
        callDueDays: deps.callDueDays ?? 1,
        now: deps.now,
      },
      { user: ctx.user, ref: c.number, to: c.move.to, amount: c.move.amount, note: c.move.note },
    );
    if (!moved.ok) return textCard('Not done', moved.problem, 'warning');
    const call = moved.call;
    deps.queueChanged?.({ reportIds: [call.reportId] });
    const owed = call.outstanding > 0 ? ` ${formatMoney(call.outstanding, call.currency)} still outstanding.` : '';
    return textCard(
      'Margin call updated',
      `Margin call #${call.number} (${call.accountNumber}) is now ${STATE_LABEL[call.state]} (was ${STATE_LABEL[moved.from]}).${owed}`,
      'success',
    );
  }
  const found = await callHistory(deps.repos, c.number);
  if (!found) return textCard('No such call', `There is no margin call #${c.number}. /margin calls lists them.`);
  const actors = found.events.map((e) => e.actor).filter((a) => a !== 'system');
  const names = actors.length > 0 ? await deps.repos.people.names(actors).catch(() => undefined) : undefined;
  return callHistoryCard(found.call, found.events, deps.now(), names);
}
