import type { IAdaptiveCard, IExecuteAction, ISubmitAction, TextColor } from '@microsoft/teams.cards';
import {
  ACTION_IDS,
  type Card,
  type CardAction,
  type CardBlock,
  type CardField,
  chartAlt,
  chartTable,
  type Person,
  type Tone,
  tableFields,
} from '../../core/cards/card.model.ts';
import { ADAPTIVE_CARD } from './teams.activity.ts';
import { chartElement, FLAG, noMentions, richText, type TeamsLevel, tableElement } from './teams.tables.ts';

// Teams refuses messages over about 28 KB; the activity envelope needs a little of that.
export const MAX_CARD_BYTES = 26_000;

type Element = IAdaptiveCard['body'][number];

const TONE_COLOR: Record<Tone, TextColor> = {
  info: 'Default',
  success: 'Good',
  warning: 'Warning',
  danger: 'Attention',
};
const TONE_ICON: Record<Tone, string> = { info: 'ℹ️', success: '✅', warning: '⚠️', danger: '🚨' };

/**
 * FactSet and TextBlock render a markdown subset (emphasis, links, lists). Document text must not
 * format, link or list: the characters that start those become inert look-alikes.
 */
export function neutraliseMarkdown(text: string): string {
  return noMentions(text)
    .replace(/\*/g, '∗')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '＿'))
    .replace(/\]\(/g, ']\u200b(')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\u200b$2$3');
}

function execute(a: CardAction): IExecuteAction {
  const fallback: ISubmitAction = {
    type: 'Action.Submit',
    title: a.label,
    data: { verb: ACTION_IDS[a.kind], value: a.value },
  };
  return {
    type: 'Action.Execute',
    title: a.label,
    verb: ACTION_IDS[a.kind],
    data: { value: a.value },
    ...(a.style ? { style: a.style === 'primary' ? 'positive' : 'destructive' } : {}),
    // Clients without Universal Actions send a message activity with `value` instead of an invoke.
    fallback,
  } as IExecuteAction;
}

function factSet(fields: CardField[]): Element {
  return {
    type: 'FactSet',
    facts: fields.map((f) => ({
      title: neutraliseMarkdown(f.flagged ? `${f.label} ${FLAG}` : f.label),
      value: neutraliseMarkdown(f.source ? `${f.value} — ${f.source}` : f.value),
    })),
  } as Element;
}

function blockElements(b: CardBlock, level: TeamsLevel): Element[] {
  switch (b.type) {
    case 'heading':
      return [richText(b.text, { weight: 'Bolder', size: 'Medium' })];
    case 'text':
      // Issue 14: people named in the text become Teams mention entities (see `mentionEntities`).
      if (b.people?.length) return [mentionText(b.text, b.people, b.muted)];
      return [richText(b.text, b.muted ? { isSubtle: true } : {})];
    case 'fields':
      return [factSet(b.fields)];
    case 'list': {
      const color = b.tone ? TONE_COLOR[b.tone] : undefined;
      const icon = b.tone && b.tone !== 'info' ? `${TONE_ICON[b.tone]} ` : '';
      const out: Element[] = [];
      if (b.title) out.push(richText(`${icon}${b.title}`, { weight: 'Bolder', ...(color ? { color } : {}) }));
      for (const item of b.items)
        out.push(richText(`${b.title ? '• ' : icon}${item}`, color && !b.title ? { color } : {}));
      return out;
    }
    case 'table': {
      const caption = b.caption ? [richText(b.caption, { weight: 'Bolder' })] : [];
      // Issue 17: a client older than Adaptive Cards 1.5 draws the FactSet (the element's own fallback).
      if (level === 'fields') return [...caption, factSet(tableFields(b))];
      return [...caption, { ...tableElement(b), fallback: factSet(tableFields(b)) } as Element];
    }
    case 'chart': {
      const table = chartTable(b);
      const image: Element[] = b.imageUrl
        ? [{ type: 'Image', url: b.imageUrl, altText: chartAlt(b), size: 'Auto' } as Element]
        : [];
      if (level === 'fields') return [richText(b.title, { weight: 'Bolder' }), ...image, factSet(tableFields(table))];
      if (level === 'table') return [richText(b.title, { weight: 'Bolder' }), tableElement(table)];
      return [chartElement(b, { ...tableElement(table), fallback: factSet(tableFields(table)) } as Element)];
    }
    case 'image':
      return [{ type: 'Image', url: b.url, altText: b.alt, size: 'Auto' } as Element];
    case 'actions':
      return [{ type: 'ActionSet', actions: b.actions.map(execute) } as Element];
    case 'divider':
      return [];
  }
}

const mentionTag = (p: Person) => `<at>${neutraliseMarkdown(p.name)}</at>`;
const isTeamsUser = (p: Person) => /^teams:[^\s]+$/.test(p.id);

/** A TextBlock whose `{n}` places hold `<at>Name</at>` for Teams users (plain names for anyone else). */
function mentionText(text: string, people: readonly Person[], muted?: boolean): Element {
  const parts = text.split(/(\{\d+\})/);
  const out = parts
    .map((part) => {
      const m = /^\{(\d+)\}$/.exec(part);
      const p = m ? people[Number(m[1])] : undefined;
      if (!p) return neutraliseMarkdown(part);
      return isTeamsUser(p) ? mentionTag(p) : neutraliseMarkdown(`@${p.name}`);
    })
    .join('');
  return { type: 'TextBlock', text: out, wrap: true, ...(muted ? { isSubtle: true } : {}) } as Element;
}

/** The card's mention entities: one per Teams user named in a text block, so Teams notifies them. */
function mentionEntities(blocks: CardBlock[]) {
  const seen = new Map<string, { type: 'mention'; text: string; mentioned: { id: string; name: string } }>();
  for (const b of blocks) {
    if (b.type !== 'text' || !b.people) continue;
    for (const p of b.people) {
      if (!isTeamsUser(p) || seen.has(p.id)) continue;
      seen.set(p.id, {
        type: 'mention',
        text: mentionTag(p),
        mentioned: { id: p.id.slice('teams:'.length), name: p.name },
      });
    }
  }
  return [...seen.values()];
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

/** Renders each block; a divider becomes a separator line on whatever follows it. */
function bodyOf(blocks: CardBlock[], level: TeamsLevel = 'native'): Element[][] {
  const out: Element[][] = [];
  let separate = false;
  for (const b of blocks) {
    if (b.type === 'divider') {
      separate = true;
      continue;
    }
    const els = blockElements(b, level);
    if (separate && els[0]) els[0] = { ...els[0], separator: true, spacing: 'Medium' } as Element;
    separate = false;
    out.push(els);
  }
  return out;
}

/** Cuts a list or table down to what fits the remaining budget (at least one row stays). */
function shrink(b: CardBlock, budget: number, level: TeamsLevel): CardBlock | undefined {
  if (b.type !== 'table' && b.type !== 'list' && b.type !== 'chart') return undefined;
  const rows = b.type === 'table' ? b.rows : b.type === 'chart' ? b.points : b.items;
  for (let n = rows.length - 1; n >= 1; n -= Math.max(1, Math.floor(n / 8))) {
    // A chart keeps its latest points; a table and a list their first rows.
    const cut: CardBlock =
      b.type === 'table'
        ? { ...b, rows: b.rows.slice(0, n) }
        : b.type === 'chart'
          ? { ...b, points: b.points.slice(-n) }
          : { ...b, items: b.items.slice(0, n) };
    if (bytes(bodyOf([cut], level)) <= budget) return cut;
  }
  return undefined;
}

function fitBlocks(blocks: CardBlock[], budget: number, level: TeamsLevel): { blocks: CardBlock[]; dropped: number } {
  if (bytes(bodyOf(blocks, level)) <= budget) return { blocks, dropped: 0 };
  // Buttons always stay: a truncated summary must still be decidable.
  const reserved = bytes(
    bodyOf(
      blocks.filter((b) => b.type === 'actions'),
      level,
    ),
  );
  let left = budget - reserved - 400;
  const kept: CardBlock[] = [];
  let dropped = 0;
  let full = false;
  for (const b of blocks) {
    if (b.type === 'actions') {
      kept.push(b);
      continue;
    }
    const size = bytes(bodyOf([b], level));
    if (!full && size <= left) {
      kept.push(b);
      left -= size;
      continue;
    }
    const cut = full ? undefined : shrink(b, left, level);
    if (cut) {
      kept.push(cut);
      left -= bytes(bodyOf([cut], level));
    } else if (b.type !== 'divider') {
      dropped += 1;
    }
    full = true;
  }
  return { blocks: kept, dropped: Math.max(dropped, 1) };
}

export interface RenderOptions {
  /** A line above the card for the person who clicked (invoke responses). */
  banner?: { text: string; tone: Tone };
  /** Issue 17: how much of Adaptive Cards to use (the gateway steps down when Teams refuses a card). */
  level?: TeamsLevel;
}

/** The neutral card as an Adaptive Card 1.5, under Teams' size limit. */
export function renderCard(card: Card, opts: RenderOptions = {}): IAdaptiveCard {
  const header: Element[] = [];
  if (opts.banner) header.push(richText(opts.banner.text, { color: TONE_COLOR[opts.banner.tone], weight: 'Bolder' }));
  const icon = card.tone === 'info' ? '' : `${TONE_ICON[card.tone]} `;
  header.push(richText(`${icon}${card.title}`, { weight: 'Bolder', size: 'Large', color: TONE_COLOR[card.tone] }));
  const level = opts.level ?? 'native';
  const { blocks, dropped } = fitBlocks(card.blocks, MAX_CARD_BYTES - bytes(header) - 600, level);
  const body = [...header, ...bodyOf(blocks, level).flat()];
  if (dropped > 0) {
    body.push(
      richText(
        `Shortened to fit Teams' card size limit: ${dropped} more section${dropped === 1 ? '' : 's'} left out. Ask for one account with “report ACCOUNT”.`,
        { isSubtle: true },
      ),
    );
  }
  const entities = mentionEntities(blocks);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: noMentions(card.fallbackText),
    msteams: { width: 'full', ...(entities.length > 0 ? { entities } : {}) },
    body,
  } as IAdaptiveCard;
}

/** A message activity carrying one card; `summary` is what notifications and the chat list show. */
export function cardActivity(content: IAdaptiveCard, summary: string) {
  return {
    type: 'message' as const,
    summary: noMentions(summary).slice(0, 250),
    attachments: [{ contentType: ADAPTIVE_CARD, content }],
  };
}

export const messageFor = (card: Card, opts?: RenderOptions) => cardActivity(renderCard(card, opts), card.fallbackText);
