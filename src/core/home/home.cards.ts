import { effectiveState, STATE_LABEL } from '../calls/call.states.ts';
import { type Card, type CardAction, type CardBlock, card } from '../cards/card.model.ts';
import { formatDuration } from '../digest/digest.cards.ts';
import { formatMoney, formatWhen } from '../format.ts';
import type { HomeModel, QueueItem } from './home.usecases.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function queueBlocks(m: HomeModel): CardBlock[] {
  const blocks: CardBlock[] = [{ type: 'heading', text: 'My queue' }];
  if (!m.decides) {
    blocks.push({
      type: 'text',
      muted: true,
      text: `Reports wait for approvers and admins; your role is ${m.role}, so nothing waits for you.`,
    });
    return blocks;
  }
  if (m.queue.total === 0) {
    blocks.push({ type: 'text', text: 'Nothing is waiting for your approval.' });
    return blocks;
  }
  blocks.push({
    type: 'text',
    text: `${plural(m.queue.total, 'report')} waiting for approval, oldest first.`,
  });
  for (const i of m.queue.items) blocks.push(...queueItem(i, m.now));
  if (m.queue.total > m.queue.items.length)
    blocks.push({ type: 'text', muted: true, text: `…and ${m.queue.total - m.queue.items.length} more.` });
  return blocks;
}

function queueItem(i: QueueItem, now: Date): CardBlock[] {
  const actions: CardAction[] = [];
  if (i.mayApprove) actions.push({ kind: 'approve', label: 'Approve', value: i.id, style: 'primary' });
  actions.push({ kind: 'open', label: 'Open', value: i.id });
  const notes = [
    `waiting ${formatDuration(now.getTime() - Date.parse(i.createdAt))}`,
    ...(i.needsReview ? ['needs review'] : []),
    ...(i.mayApprove ? [] : ['you shared it: another approver approves (four-eyes)']),
  ];
  return [
    {
      type: 'text',
      text: `${i.accountNumber} · ${i.reportDate}${i.sourceFileName ? ` · ${i.sourceFileName}` : ''} — ${notes.join(', ')}`,
    },
    { type: 'actions', actions },
  ];
}

function callsBlocks(m: HomeModel): CardBlock[] {
  const today = m.now.toISOString().slice(0, 10);
  const blocks: CardBlock[] = [{ type: 'heading', text: 'Margin calls' }];
  if (m.calls.length === 0) {
    blocks.push({ type: 'text', text: 'No margin call is open or overdue.' });
    return blocks;
  }
  const overdue = m.calls.filter((c) => effectiveState(c, today) === 'overdue');
  blocks.push({
    type: 'list',
    tone: overdue.length > 0 ? 'danger' : 'warning',
    title: `${plural(m.calls.length, 'outstanding call')}${overdue.length ? `, ${overdue.length} overdue` : ''}`,
    items: m.calls.map((c) => {
      const s = effectiveState(c, today);
      return `#${c.number} · ${c.accountNumber} — ${formatMoney(c.outstanding, c.currency)} · ${s === 'overdue' ? `OVERDUE (due ${c.dueDate})` : `${STATE_LABEL[s]}, due ${c.dueDate}`}`;
    }),
  });
  return blocks;
}

function statusBlocks(m: HomeModel): CardBlock[] {
  const blocks: CardBlock[] = [{ type: 'heading', text: 'Service status' }];
  if (!m.health) {
    blocks.push({ type: 'text', text: 'The service status could not be read just now.' });
    return blocks;
  }
  const notOk = Object.entries(m.health.checks).filter(([, c]) => c.status !== 'ok');
  blocks.push({
    type: 'list',
    tone: m.health.status === 'ok' ? 'success' : m.health.status === 'degraded' ? 'warning' : 'danger',
    title: m.health.status === 'ok' ? 'All systems working' : `Service ${m.health.status}`,
    items:
      notOk.length > 0
        ? notOk.map(([name, c]) => `${name}: ${c.status}${c.detail ? ` — ${c.detail}` : ''}`)
        : Object.keys(m.health.checks).map((name) => `${name}: ok`),
  });
  return blocks;
}

function digestBlocks(m: HomeModel): CardBlock[] {
  const blocks: CardBlock[] = [{ type: 'heading', text: 'Last digests' }];
  if (m.digests.length === 0) {
    blocks.push({ type: 'text', muted: true, text: 'No digest has been posted yet.' });
    return blocks;
  }
  blocks.push({
    type: 'list',
    items: m.digests.map((d) => {
      const where = d.links.map((l) => l.url ?? l.key).join(', ');
      return `${d.kind === 'weekly' ? 'Weekly usage digest' : 'Daily digest'} ${d.day} · posted ${formatWhen(d.at)}${where ? ` · ${where}` : ''}`;
    }),
  });
  return blocks;
}

/** The home as a neutral card: Slack renders it as the App Home view, Teams as a card, the console as a message. */
export function homeCard(m: HomeModel): Card {
  const blocks: CardBlock[] = [
    ...queueBlocks(m),
    { type: 'divider' },
    ...callsBlocks(m),
    { type: 'divider' },
    ...statusBlocks(m),
    { type: 'divider' },
    ...digestBlocks(m),
  ];
  const waiting = m.decides ? `${plural(m.queue.total, 'report')} waiting for you` : `role ${m.role}`;
  return card(
    'MarginIQ home',
    m.calls.length > 0 ? 'warning' : 'info',
    blocks,
    `MarginIQ home: ${waiting}; ${plural(m.calls.length, 'outstanding margin call')}; service ${m.health?.status ?? 'unknown'}`,
  );
}
