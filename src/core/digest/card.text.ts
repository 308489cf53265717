import { type Card, type CardBlock, withNames } from '../cards/card.model.ts';

function table(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
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
      return table(b.columns, b.rows).map((l) => `  ${l}`);
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
