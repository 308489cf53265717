import { type Card, type CardBlock, card, textCard } from '../cards/card.model.ts';
import { reportBlocks } from '../cards/report.cards.ts';
import { hasCall } from '../cards/report.fields.ts';
import type { CountRow, PendingItem, ReportStats, ThreadRef, TurnaroundStats } from '../digest/analytics.port.ts';
import {
  formatDuration,
  qualityFields,
  rejectReasonsBlock,
  statusCounts,
  threadText,
  turnaroundFields,
} from '../digest/digest.cards.ts';
import { formatMoney, formatWhen, type KnownNames } from '../format.ts';
import type { Platform } from '../ports/chat.ports.ts';
import type { Report } from '../report/report.model.ts';
import { SUBCOMMANDS, type Subcommand, USAGE } from './command.grammar.ts';

/** Slack and the console have the /margin slash command; in Teams the same words are typed to the bot. */
const prefixFor = (platform: Platform | undefined) => (platform === 'teams' ? '' : '/margin ');
const usageLines = (platform?: Platform) => SUBCOMMANDS.map((s) => `${prefixFor(platform)}${USAGE[s]}`);

const HOW_TO_UPLOAD: Record<Platform, string> = {
  slack: 'Share a margin-report PDF in a channel and MarginIQ answers in its thread.',
  teams:
    'Send a margin-report PDF to MarginIQ in a personal chat (or @mention it with the PDF in a channel) and it answers with a summary card.',
  console: 'Drop a margin-report PDF into the channel and MarginIQ answers with a summary card.',
};

export const helpCard = (platform: Platform = 'slack'): Card =>
  card(
    'MarginIQ commands',
    'info',
    [
      { type: 'text', text: `${HOW_TO_UPLOAD[platform]} Commands:` },
      { type: 'list', items: usageLines(platform) },
    ],
    `MarginIQ commands: ${SUBCOMMANDS.join(', ')}`,
  );

/** A bad command: what was wrong, then how to say it. Never a trace. */
export function usageCard(problem: string, sub?: Subcommand, platform?: Platform): Card {
  const items = sub ? [`${prefixFor(platform)}${USAGE[sub]}`] : usageLines(platform);
  return card(
    sub ? `Usage: ${prefixFor(platform)}${sub}` : 'MarginIQ commands',
    'warning',
    [
      { type: 'text', text: problem },
      { type: 'list', items },
    ],
    `${problem} ${items.join(' · ')}`,
  );
}

export const refusedCard = (sentence: string): Card => textCard('Not allowed', sentence, 'warning');

export function reportCard(r: Report, names?: KnownNames): Card {
  const blocks: CardBlock[] = reportBlocks(r, names).filter((b) => b.type !== 'actions');
  if (r.status === 'pending') {
    blocks.push({ type: 'text', muted: true, text: 'Approve or reject it in the thread of its upload.' });
  }
  const d = r.extracted;
  const title = `Account ${r.accountNumber} · ${r.reportDate}`;
  const tone = hasCall(d) ? 'danger' : r.status === 'approved' ? 'success' : r.needsReview ? 'warning' : 'info';
  return card(
    title,
    tone,
    blocks,
    `${title}: equity ${formatMoney(d.fields.total_equity, d.currency)}, excess ${formatMoney(d.fields.excess_liquidity, d.currency)}, ${r.status}`,
  );
}

const equity = (r: Report) => formatMoney(r.extracted.fields.total_equity, r.extracted.currency);

export function recentCard(reports: Report[]): Card {
  if (reports.length === 0)
    return textCard('Recent reports', 'No reports yet. Share a margin-report PDF in a channel to start.');
  return card(
    `${reports.length} most recent report${reports.length === 1 ? '' : 's'}`,
    'info',
    [
      {
        type: 'table',
        columns: ['Account', 'As of', 'Equity', 'Status', 'Received'],
        rows: reports.map((r) => [
          r.accountNumber,
          r.reportDate,
          equity(r),
          `${r.status}${r.needsReview && r.status === 'pending' ? ' (review)' : ''}`,
          formatWhen(r.createdAt),
        ]),
      },
    ],
    reports.map((r) => `${r.accountNumber} ${r.reportDate} ${r.status}`).join('; '),
  );
}

export function pendingCard(
  p: { items: PendingItem[]; total: number },
  now: Date,
  threadLink?: (t: ThreadRef) => string | undefined,
): Card {
  if (p.total === 0) return textCard('Pending approvals', 'Nothing is waiting for approval.', 'success');
  const rows = p.items.map((i) => [
    i.accountNumber,
    i.reportDate,
    formatDuration(now.getTime() - Date.parse(i.createdAt)),
    i.needsReview ? 'yes' : 'no',
    threadText(i.thread, threadLink),
  ]);
  const blocks: CardBlock[] = [{ type: 'table', columns: ['Account', 'As of', 'Waiting', 'Review', 'Thread'], rows }];
  if (p.total > p.items.length)
    blocks.push({ type: 'text', muted: true, text: `…and ${p.total - p.items.length} more.` });
  return card(
    `${p.total} report${p.total === 1 ? '' : 's'} waiting for approval`,
    'warning',
    blocks,
    `${p.total} pending, oldest: ${p.items[0]?.accountNumber ?? ''} ${p.items[0]?.reportDate ?? ''}`,
  );
}

export function statsCard(days: number, s: ReportStats, t: TurnaroundStats, reasons: CountRow[] = []): Card {
  const title = `Last ${days} days: ${s.total} report${s.total === 1 ? '' : 's'}`;
  return card(
    title,
    'info',
    [
      { type: 'text', text: `${statusCounts(s)}${s.needsReview > 0 ? ` · ${s.needsReview} flagged for review` : ''}.` },
      { type: 'fields', fields: qualityFields(s) },
      { type: 'heading', text: 'Approval turnaround' },
      { type: 'fields', fields: turnaroundFields(t) },
      ...(reasons.length > 0 ? [rejectReasonsBlock(reasons)] : []),
    ],
    `${title}; ${statusCounts(s)}`,
  );
}
