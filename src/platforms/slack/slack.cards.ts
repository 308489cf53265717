import type { types } from '@slack/bolt';
import {
  ACTION_IDS,
  type Card,
  type CardAction,
  type CardBlock,
  type CardField,
  type ChartBlock,
  cellText,
  chartAlt,
  chartTable,
  columnLabel,
  type TableBlock,
  tableFields,
} from '../../core/cards/card.model.ts';
import {
  chartBlock,
  chartRuns,
  dataTableBlock,
  SLACK_TABLE_LIMITS,
  type SlackLevel,
  tableBlock,
} from './slack.tables.ts';
import { escapeMrkdwn, mrkdwn, plain, SLACK_LIMITS, TONE_EMOJI, truncate, withSlackMentions } from './slack.text.ts';

type KnownBlock = types.KnownBlock;

const FLAG = '⚠️';

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

function fieldText(f: CardField): string {
  const source = f.source ? `\n_${escapeMrkdwn(f.source).replace(/_/g, ' ')}_` : '';
  return `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}${f.flagged ? ` ${FLAG}` : ''}${source}`;
}

function fieldSections(fields: CardField[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) {
    const chunk = fields.slice(i, i + SLACK_LIMITS.fields);
    out.push({ type: 'section', fields: chunk.map((f) => mrkdwn(fieldText(f), SLACK_LIMITS.fieldText)) });
  }
  return out;
}

function button(a: CardAction) {
  const el = {
    type: 'button' as const,
    action_id: ACTION_IDS[a.kind],
    text: plain(a.label, SLACK_LIMITS.buttonText),
    value: a.value.slice(0, SLACK_LIMITS.buttonValue),
    ...(a.style ? { style: a.style } : {}),
  };
  if (a.kind === 'replace') {
    // A destructive click asks once more; the decision itself is idempotent either way. (Reject opens
    // its reason form instead, whose Cancel is the second thought — issue 14.)
    return {
      ...el,
      confirm: {
        title: plain('Replace the existing report?', 100),
        text: plain('The stored report will be overwritten with these figures.', 300),
        confirm: plain(a.label, 30),
        deny: plain('Cancel', 30),
        style: 'danger' as const,
      },
    };
  }
  return el;
}

function tableText(b: Pick<TableBlock, 'columns' | 'rows'>): string {
  const columns = b.columns.map(columnLabel);
  const rows = b.rows.map((r) => columns.map((_, i) => cellText(r[i])));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(columns), ...rows.map(line)];
  // Inside a code block only ``` can break out; the three control characters still need escaping.
  const budget = SLACK_LIMITS.sectionText - 40;
  const kept: string[] = [];
  let used = 0;
  for (const l of lines) {
    const escaped = escapeMrkdwn(l.replace(/```/g, "'''"));
    if (used + escaped.length + 1 > budget) break;
    kept.push(escaped);
    used += escaped.length + 1;
  }
  const more = lines.length - kept.length;
  return `\`\`\`${kept.join('\n')}\`\`\`${more > 0 ? `\n…and ${more} more row${more === 1 ? '' : 's'}` : ''}`;
}

function listText(b: Extract<CardBlock, { type: 'list' }>): string {
  const icon = b.tone && b.tone !== 'info' ? `${TONE_EMOJI[b.tone]} ` : '';
  const title = b.title ? `${icon}*${escapeMrkdwn(b.title)}*\n` : '';
  const bullet = b.title ? '• ' : `${icon}`;
  return title + b.items.map((i) => `${bullet}${escapeMrkdwn(i)}`).join('\n');
}

/** What one message has used of Slack's per-message allowances while its blocks are rendered. */
interface RenderState {
  level: SlackLevel;
  tables: number;
  charts: number;
  /** The block that gets the message's one table slot: the first sortable table, when there is one. */
  reserved: number;
  /** A modal or the Home tab: the table family and charts are message-only blocks there. */
  view: boolean;
}

/** The rows a native table could not hold, as text under it: paged, never refused. */
const restText = (b: TableBlock, rest: TableBlock['rows']): KnownBlock[] =>
  rest.length === 0 ? [] : [section(tableText({ columns: b.columns, rows: rest }))];

function renderTable(b: TableBlock, st: RenderState, index = -1): KnownBlock[] {
  const slotTaken = st.tables >= SLACK_TABLE_LIMITS.tablesPerMessage || (st.reserved >= 0 && index !== st.reserved);
  const asData = st.level === 'native' && b.sortable === true && !slotTaken;
  // A data_table carries its own caption; anything else says it in a context line above.
  const caption: KnownBlock[] =
    b.caption && !asData ? [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(b.caption))] }] : [];
  if (st.level === 'fields') return [...caption, ...fieldSections(tableFields(b))];
  if (slotTaken || st.view) return [...caption, section(tableText(b))];
  st.tables += 1;
  const { block, rest } = asData ? dataTableBlock(b) : tableBlock(b);
  return [...caption, block, ...restText(b, rest)];
}

function renderChart(b: ChartBlock, st: RenderState): KnownBlock[] {
  const image: KnownBlock[] =
    b.imageUrl && /^https:\/\//.test(b.imageUrl) && st.level !== 'native'
      ? [{ type: 'image', image_url: b.imageUrl, alt_text: truncate(chartAlt(b), SLACK_LIMITS.imageAlt) }]
      : [];
  const left = SLACK_TABLE_LIMITS.chartsPerMessage - st.charts;
  if (st.level !== 'native' || left <= 0 || st.view) return [...image, ...renderTable(chartTable(b), st)];
  const { runs, rest } = chartRuns(b.points, left);
  st.charts += runs.length;
  const out = runs.map((run, i) => chartBlock(b, run, runs.length > 1 ? `${i + 1} of ${runs.length}` : undefined));
  // Points older than two charts can hold stay readable as a table.
  if (rest.length > 0)
    out.push(...renderTable({ ...chartTable(b), rows: chartTable({ ...b, points: rest }).rows }, st));
  return out;
}

function renderBlock(b: CardBlock, index: number, st: RenderState): KnownBlock[] {
  switch (b.type) {
    case 'heading':
      return [section(`*${escapeMrkdwn(b.text)}*`)];
    case 'text': {
      // Issue 14: people named in the text become real mentions (`<@U…>`); others by their name.
      const text = b.people?.length ? withSlackMentions(b.text, b.people) : escapeMrkdwn(b.text);
      return b.muted ? [{ type: 'context', elements: [mrkdwn(text)] }] : [section(text)];
    }
    case 'fields':
      return fieldSections(b.fields);
    case 'list':
      return b.items.length === 0 && !b.title ? [] : [section(listText(b))];
    case 'table':
      return renderTable(b, st, index);
    case 'chart':
      return renderChart(b, st);
    case 'image':
      return /^https:\/\//.test(b.url)
        ? [{ type: 'image', image_url: b.url, alt_text: truncate(b.alt, SLACK_LIMITS.imageAlt) }]
        : [];
    case 'actions':
      // One actions block per report: action_ids repeat across reports but never within a block.
      return b.actions.length === 0
        ? []
        : [
            {
              type: 'actions',
              block_id: `marginiq.actions.${index}`,
              elements: b.actions.slice(0, SLACK_LIMITS.actionsElements).map(button),
            },
          ];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Lower drops first when a card would pass Slack's 50 blocks; buttons and figures stay longest. */
function priority(b: KnownBlock): number {
  if (b.type === 'header' || b.type === 'actions') return 0;
  if (b.type === 'table' || b.type === 'data_table' || (b.type as string) === 'data_visualization') return 1;
  if (b.type === 'section' && 'fields' in b && b.fields) return 1;
  if (b.type === 'section') return 2;
  if (b.type === 'image') return 3;
  if (b.type === 'context') return 4;
  return 5; // divider
}

function fitBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const budget = SLACK_LIMITS.blocks - 1;
  const order = blocks.map((b, i) => ({ i, p: priority(b) })).sort((a, b) => a.p - b.p || a.i - b.i);
  const keep = new Set(order.slice(0, budget).map((o) => o.i));
  const kept = blocks.filter((_, i) => keep.has(i));
  const dropped = blocks.length - kept.length;
  kept.push({
    type: 'context',
    elements: [
      mrkdwn(
        `${dropped} more section${dropped === 1 ? '' : 's'} did not fit in one Slack message; /margin pending lists every report.`,
      ),
    ],
  });
  return kept;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The neutral card as Block Kit, with escaped fallback text for notifications and old clients.
 * `level` (issue 17) is how much of Block Kit's newer blocks the workspace takes: see SlackLevel.
 */
export function renderCard(card: Card, opts: { level?: SlackLevel; surface?: 'message' | 'view' } = {}): SlackMessage {
  const level = opts.level ?? 'native';
  const view = opts.surface === 'view';
  const reserved =
    level !== 'fields' && !view ? card.blocks.findIndex((b) => b.type === 'table' && b.sortable === true) : -1;
  const st: RenderState = { level, tables: 0, charts: 0, reserved, view };
  const header: KnownBlock = {
    type: 'header',
    text: plain(`${TONE_EMOJI[card.tone]} ${card.title}`, SLACK_LIMITS.headerText),
  };
  const body = card.blocks.flatMap((b, i) => renderBlock(b, i, st));
  return {
    text: truncate(escapeMrkdwn(`${TONE_EMOJI[card.tone]} ${card.fallbackText}`), SLACK_LIMITS.fallbackText),
    blocks: fitBlocks([header, ...body]),
  };
}
