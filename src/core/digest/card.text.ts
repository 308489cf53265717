import {
  type Card,
  type CardBlock,
  cellText,
  chartTable,
  columnAlign,
  columnLabel,
  type TableBlock,
  withNames,
} from '../cards/card.model.ts';

function table(b: TableBlock): string[] {
  const columns = b.columns.map(columnLabel);
  const rows = b.rows.map((r) => columns.map((_, i) => cellText(r[i])));
  const right = b.columns.map((c) => columnAlign(c) === 'right');
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [...(b.caption ? [b.caption] : []), line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function block(b: CardBlock): string[] {
  switch (b.type) {
    case 'heading':
      return ['', b.text];
    case 'text':
      return [withNames(b.text, b.people)];
    case 'fields':
      return b.fields.map(
        (f) => `  ${f.label}: ${f.value}${f.flagged ? '  (!)' : ''}${f.source ? `  [${f.source}]` : ''}`,
      );
    case 'list':
      return [...(b.title ? [b.title] : []), ...b.items.map((i) => `  - ${i}`)];
    case 'table':
      return table(b).map((l) => `  ${l}`);
    case 'chart':
      return table(chartTable(b)).map((l) => `  ${l}`);
    case 'image':
      return [`[image: ${b.alt}] ${b.url}`];
    case 'actions':
      return [b.actions.map((a) => `[${a.label}]`).join(' ')];
    case 'divider':
      return ['---'];
  }
}

/** A card as plain text: `marginiq digest --dry-run`, logs, and tests. */
export function cardToText(card: Card): string {
  const lines = [card.title, '='.repeat(Math.min(card.title.length, 80)), ...card.blocks.flatMap(block)];
  return `${lines.join('\n')}\n`;
}
