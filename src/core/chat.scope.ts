import type { ActionKind } from './cards/card.model.ts';
import { textCard } from './cards/card.model.ts';
import type { ActionOutcome, ChatCoreDeps, ClickPlace } from './chat.types.ts';

export const notSharedHere = (): ActionOutcome => ({
  notice: textCard('Not shared here', 'That report was not shared in this conversation.', 'warning'),
});

/**
 * Issue 18: a button acts only on what its clicker may see where the click happened. True when the
 * target is visible there, or does not exist at all (the use-case then says so in its own words).
 */
export const mayAct = async (
  deps: ChatCoreDeps,
  user: string,
  kind: ActionKind | 'submit',
  value: string,
  where: ClickPlace,
) => {
  const scope = await deps.access.scopeFor({
    user,
    conversation: where.conversation,
    surface: where.personal ? 'private' : 'conversation',
  });
  if (scope.kind === 'book') return true;
  const { reports, conflicts, calls, ingestions } = deps.repos;
  switch (kind) {
    case 'vote_up':
    case 'vote_down':
      return !(await ingestions.findById(value)) || reports.ingestionVisible(value, scope);
    case 'replace':
    case 'keep': {
      const c = await conflicts.findById(value);
      return !c || reports.ingestionVisible(c.ingestionId, scope);
    }
    case 'call_met':
    case 'call_dispute':
    case 'call_waive': {
      const call = await calls.findById(value);
      if (call) return Boolean(await reports.findById(call.reportId, scope));
      // A call form's submission is keyed by the call id too; otherwise it is a report id.
      return !(await reports.findById(value)) || Boolean(await reports.findById(value, scope));
    }
    default: {
      const call = kind === 'submit' ? await calls.findById(value) : undefined;
      if (call) return Boolean(await reports.findById(call.reportId, scope));
      return !(await reports.findById(value)) || Boolean(await reports.findById(value, scope));
    }
  }
};
