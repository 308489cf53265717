import type { Card, CardAction, CardBlock } from '../cards/card.model.ts';
import type { PendingItem } from '../digest/analytics.port.ts';
import type { Report } from '../report/report.model.ts';

/**
 * Issue 17 item 6: pending work is always actionable. A pending report listed by `/margin pending` or
 * shown by `/margin report` carries the summary's own Approve / Reject / Edit buttons, so an approver
 * decides where they asked. The buttons act through the same core path as the summary's (scope,
 * four-eyes and dual approval are checked on click), and the upload's summary changes in place.
 */
export const decisionActions = (reportId: string): CardAction[] => [
  { kind: 'approve', label: 'Approve', value: reportId, style: 'primary' },
  { kind: 'reject', label: 'Reject', value: reportId, style: 'danger' },
  { kind: 'edit', label: 'Edit', value: reportId },
];

/** Buttons for this many of the oldest pending reports: Slack allows 50 blocks in a message. */
export const ACTIONABLE_PENDING = 10;

/** The pending list with one line and its buttons per report, oldest first. */
export function withPendingButtons(list: Card, items: PendingItem[]): Card {
  if (items.length === 0) return list;
  const shown = items.slice(0, ACTIONABLE_PENDING);
  const blocks: CardBlock[] = [...list.blocks, { type: 'divider' }];
  for (const i of shown) {
    blocks.push({
      type: 'text',
      text: `${i.accountNumber} · ${i.reportDate}${i.sourceFileName ? ` · ${i.sourceFileName}` : ''}${i.needsReview ? ' · needs review' : ''}`,
    });
    blocks.push({ type: 'actions', actions: decisionActions(i.id) });
  }
  if (items.length > shown.length)
    blocks.push({
      type: 'text',
      muted: true,
      text: `Buttons for the ${shown.length} oldest; decide them and ask again for the next.`,
    });
  return { ...list, blocks };
}

/** A pending report's card with its buttons instead of "approve it in the thread". */
export function withDecisionButtons(shown: Card, r: Report): Card {
  if (r.status !== 'pending') return shown;
  const blocks = shown.blocks.filter(
    (b) => !(b.type === 'text' && b.muted && /in the thread of its upload/.test(b.text)),
  );
  return { ...shown, blocks: [...blocks, { type: 'actions', actions: decisionActions(r.id) }] };
}
