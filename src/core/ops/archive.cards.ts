import { type Card, type CardBlock, card } from '../cards/card.model.ts';
import { formatWhen } from '../format.ts';
import { archiveFailed } from './archive.check.ts';
import type { ArchiveCheck, ArchiveFinding } from './ops.port.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const item = (f: ArchiveFinding) =>
  `${f.file}${f.reports.length ? ` (${f.reports.join(', ')})` : ''} — ${f.reason}${f.key ? ` · ${f.key}` : ''}`;

/** One sentence: how many files were checked and what was wrong. */
export function archiveSummary(c: ArchiveCheck): string {
  const what = `${plural(c.checked, 'stored PDF')} re-read and hash-checked on ${formatWhen(c.at)}`;
  if (!archiveFailed(c)) return `Archive check: ${what}; every file present and unchanged.`;
  return `Archive check: ${what}; ${c.missing.length} missing, ${c.changed.length} changed.`;
}

/** The check as card blocks: the weekly digest and the console's status page. */
export function archiveBlocks(c: ArchiveCheck | undefined): CardBlock[] {
  if (!c) return [{ type: 'text', muted: true, text: 'Archive check: none has run yet (it runs weekly).' }];
  const blocks: CardBlock[] = [{ type: 'text', text: archiveSummary(c) }];
  if (c.missing.length > 0)
    blocks.push({ type: 'list', title: `Missing (${c.missing.length})`, tone: 'danger', items: c.missing.map(item) });
  if (c.changed.length > 0)
    blocks.push({ type: 'list', title: `Changed (${c.changed.length})`, tone: 'danger', items: c.changed.map(item) });
  return blocks;
}

/** Posted to the alert channels when a check finds a missing or changed file. */
export function archiveAlertCard(c: ArchiveCheck): Card {
  const title = `Archive check failed: ${c.missing.length} missing, ${c.changed.length} changed`;
  return card(title, 'danger', archiveBlocks(c), `${title} of ${plural(c.checked, 'stored PDF')}`);
}
