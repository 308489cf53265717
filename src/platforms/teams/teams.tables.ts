import type {
  IAdaptiveCard,
  ILineChart,
  IRichTextBlock,
  ITable,
  ITableCell,
  IVerticalBarChart,
  TextColor,
} from '@microsoft/teams.cards';
import {
  type ChartBlock,
  cellText,
  columnAlign,
  columnLabel,
  type TableBlock,
  type TableCell,
} from '../../core/cards/card.model.ts';

type Element = IAdaptiveCard['body'][number];

/**
 * Issue 17: how much of Adaptive Cards a Teams client takes. `native` sends Chart.* (each with a
 * Table as its element fallback for clients that cannot draw charts); `table` sends Tables only;
 * `fields` FactSets, for clients older than Adaptive Cards 1.5.
 */
export type TeamsLevel = 'native' | 'table' | 'fields';
export const TEAMS_LEVELS: readonly TeamsLevel[] = ['native', 'table', 'fields'];

// The text primitives every Teams element uses live here, below teams.cards.ts, which imports them.

/** The mark beside a flagged figure, in tables and in fields. */
export const FLAG = '⚠️';

/**
 * Teams turns `<at>Name</at>` into a mention wherever it can: a zero-width space after `<` makes
 * document text inert without changing what anyone reads.
 */
export const noMentions = (text: string) => text.replace(/</g, '<\u200b');

/** RichTextBlock runs are never parsed as markdown: the safest home for words from a document. */
export function richText(
  text: string,
  style: { weight?: 'Bolder'; size?: 'Medium' | 'Large'; color?: TextColor; isSubtle?: boolean } = {},
): IRichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: noMentions(text), ...style }] };
}

function cell(c: TableCell | undefined, header: boolean, align: 'left' | 'right'): ITableCell {
  const flagged = typeof c === 'object' && c.flagged === true;
  const text = `${cellText(c)}${flagged ? ` ${FLAG}` : ''}`;
  return {
    type: 'TableCell',
    ...(align === 'right' ? { horizontalAlignment: 'Right' } : {}),
    items: [richText(text, header ? { weight: 'Bolder' } : flagged ? { color: 'Attention' } : {})],
  } as ITableCell;
}

/** A Table (Adaptive Cards 1.5): the first row is the header; figures right-aligned. */
export function tableElement(b: TableBlock): ITable {
  const align = b.columns.map(columnAlign);
  return {
    type: 'Table',
    firstRowAsHeaders: true,
    showGridLines: true,
    columns: b.columns.map((c, i) => ({
      type: 'TableColumnDefinition',
      width: Math.max(1, Math.min(4, Math.ceil(columnLabel(c).length / 8))),
      ...(align[i] === 'right' ? { horizontalCellContentAlignment: 'Right' } : {}),
    })),
    rows: [
      { type: 'TableRow', cells: b.columns.map((c, i) => cell(columnLabel(c), true, align[i] ?? 'left')) },
      ...b.rows.map((r) => ({
        type: 'TableRow',
        cells: b.columns.map((_, i) => cell(r[i], false, align[i] ?? 'left')),
      })),
    ],
  } as ITable;
}

/** A chart as Chart.Line / Chart.VerticalBar with its table as the element fallback. */
export function chartElement(c: ChartBlock, fallback: Element): Element {
  const common = {
    title: noMentions(c.title),
    showTitle: true,
    ...(c.xLabel ? { xAxisTitle: noMentions(c.xLabel) } : {}),
    ...(c.yLabel ? { yAxisTitle: noMentions(c.yLabel) } : {}),
    fallback,
  };
  if (c.kind === 'line') {
    return {
      type: 'Chart.Line',
      ...common,
      data: [{ legend: noMentions(c.series), values: c.points.map((p) => ({ x: p.label, y: p.value })) }],
    } as ILineChart as Element;
  }
  return {
    type: 'Chart.VerticalBar',
    ...common,
    showLegend: false,
    data: c.points.map((p) => ({
      x: noMentions(p.label),
      y: p.value,
      color: p.highlight ? 'attention' : 'categoricalBlue',
    })),
  } as IVerticalBarChart as Element;
}
