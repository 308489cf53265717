import type { FieldName } from '../../contract/fields.ts';
import { type Card, textCard } from '../cards/card.model.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import { DEFAULT_WORKSPACE, forgetLayout } from './layout-memory.usecases.ts';

const day = (iso: string) => iso.slice(0, 10);

/** `/margin layouts`: the layouts approvers' corrections taught, each field with who taught it, when and from what. */
export async function layoutsCard(repos: Pick<Repositories, 'layouts'>, workspace = DEFAULT_WORKSPACE): Promise<Card> {
  const layouts = await repos.layouts.list(workspace);
  if (layouts.length === 0)
    return textCard(
      'Layout memory',
      'No layout has been taught yet. Correcting a value with Edit teaches MarginIQ where that statement’s layout prints it.',
    );
  const lines = layouts.map((l) => {
    const fields = l.rules.map((r) => {
      const from = r.reportId ? `report #${r.reportId.slice(0, 8)}` : (r.fileName ?? 'a statement');
      return `  • ${r.field}: ${r.label ? `“${r.label}”` : 'the account’s row'}${r.column ? ` under “${r.column}”` : ''} — ${r.taughtBy}, ${day(r.taughtAt)}, from ${from}`;
    });
    return [`${l.id} — ${l.name} (${l.rules.length} rule${l.rules.length === 1 ? '' : 's'})`, ...fields].join('\n');
  });
  return textCard(
    `Layout memory: ${layouts.length} layout${layouts.length === 1 ? '' : 's'}`,
    `${lines.join('\n')}\n\nForget one with forget LAYOUT [FIELD].`,
  );
}

/** `/margin forget LAYOUT [FIELD]`: deletes what one layout learned (one field, or all of it), audited. */
export async function forgetCard(
  run: <T>(fn: (repos: Pick<Repositories, 'layouts' | 'audit'>) => Promise<T>) => Promise<T>,
  input: { layoutId: string; field: FieldName | null; by: string },
  workspace = DEFAULT_WORKSPACE,
): Promise<Card> {
  const gone = await forgetLayout({ uow: run, workspace }, input);
  if (gone === null)
    return textCard('No such layout', `There is no layout ${input.layoutId}. See layouts for the list.`, 'warning');
  if (input.field && gone === 0)
    return textCard('Nothing to forget', `Layout ${input.layoutId} has learned nothing for ${input.field}.`, 'warning');
  return textCard(
    'Forgotten',
    input.field
      ? `Layout ${input.layoutId} no longer reads ${input.field} where it was taught (${gone} rule${gone === 1 ? '' : 's'} removed). The next statement is read as before.`
      : `Layout ${input.layoutId} and its ${gone} rule${gone === 1 ? '' : 's'} are forgotten. The next statement of it is read as before.`,
    'success',
  );
}
