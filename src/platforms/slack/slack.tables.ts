import type { types } from '@slack/bolt';
import {
  type ChartBlock,
  cellText,
  cellValue,
  columnAlign,
  columnLabel,
  type TableBlock,
  type TableCell,
} from '../../core/cards/card.model.ts';

type KnownBlock = types.KnownBlock;

/**
 * Issue 17: how much of Block Kit a workspace takes. `native` uses data_table and data_visualization;
 * `table` only the table block; `fields` neither (section fields, and the chart as a PNG beside it).
 */
export type SlackLevel = 'native' | 'table' | 'fields';
export const SLACK_LEVELS: readonly SlackLevel[] = ['native', 'table', 'fields'];

// Slack's published limits of the table family (table, data_table) and of data_visualization.
export const SLACK_TABLE_LIMITS = {
  /** table: at most 100 rows, the header row included. */
  tableRows: 100,
  /** data_table: a header plus at most 100 rows. */
  dataTableRows: 100,
  columns: 20,
  /** One table-family block per message (Slack: only_one_table_allowed). */
  tablesPerMessage: 1,
  pageSize: 10,
  caption: 150,
  cellText: 500,
  chartTitle: 50,
  axisLabel: 50,
  chartLabel: 20,
  seriesName: 20,
  /** Categories (points) a line or bar series may hold. */
  chartPoints: 20,
  /** data_visualization blocks one message may hold. */
  chartsPerMessage: 2,
} as const;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
/** raw_text needs at least one character; look-alike guillemets keep `<!here>` inert like plain_text. */
const rawText = (text: string) => ({
  type: 'raw_text' as const,
  text: cut(text.replace(/</g, '‹').replace(/>/g, '›'), SLACK_TABLE_LIMITS.cellText) || '—',
});
const shown = (c: TableCell | undefined) => {
  const text = cellText(c);
  return typeof c === 'object' && c.flagged ? `${text} ⚠️` : text;
};

function cell(c: TableCell | undefined, numeric: boolean) {
  const value = cellValue(c);
  const text = shown(c);
  if (numeric && value !== undefined && Number.isFinite(value) && text !== '')
    return { type: 'raw_number' as const, value, text: cut(text, SLACK_TABLE_LIMITS.cellText) };
  return rawText(text);
}

const columnsOf = (b: TableBlock) => b.columns.slice(0, SLACK_TABLE_LIMITS.columns);

/** A table block (sortable or not): the header and up to 99 rows; the caller shows the rest as text. */
export function tableBlock(b: TableBlock): { block: KnownBlock; rest: TableCell[][] } {
  const columns = columnsOf(b);
  const rows = b.rows.slice(0, SLACK_TABLE_LIMITS.tableRows - 1);
  const block = {
    type: 'table' as const,
    column_settings: columns.map((c) => ({ align: columnAlign(c), is_wrapped: columnAlign(c) === 'left' })),
    rows: [
      columns.map((c) => rawText(columnLabel(c))),
      ...rows.map((r) => columns.map((_, i) => rawText(shown(r[i])))),
    ],
  };
  return { block, rest: b.rows.slice(rows.length) };
}

/** A data_table: sortable, paged, figures as raw_number so they sort by value. */
export function dataTableBlock(b: TableBlock): { block: KnownBlock; rest: TableCell[][] } {
  const columns = columnsOf(b);
  const rows = b.rows.slice(0, SLACK_TABLE_LIMITS.dataTableRows);
  const block = {
    type: 'data_table' as const,
    caption: cut(b.caption ?? columns.map(columnLabel).join(', '), SLACK_TABLE_LIMITS.caption),
    page_size: Math.min(SLACK_TABLE_LIMITS.pageSize, Math.max(1, rows.length)),
    rows: [
      columns.map((c) => rawText(columnLabel(c))),
      ...rows.map((r) => columns.map((c, i) => cell(r[i], columnAlign(c) === 'right'))),
    ],
  };
  return { block, rest: b.rows.slice(rows.length) };
}

/** Splits points into at most `charts` runs of ≤ 20, as even as possible (30 → 15 + 15). */
export function chartRuns<T>(points: T[], charts: number): { runs: T[][]; rest: T[] } {
  const max = SLACK_TABLE_LIMITS.chartPoints;
  const fit = points.slice(-max * charts);
  const n = Math.ceil(fit.length / max) || 1;
  const size = Math.ceil(fit.length / n);
  const runs: T[][] = [];
  for (let i = 0; i < fit.length; i += size) runs.push(fit.slice(i, i + size));
  return { runs, rest: points.slice(0, points.length - fit.length) };
}

/** Category labels are at most 20 characters and must stay distinct after cutting. */
function labels(points: ChartBlock['points']): string[] {
  const seen = new Set<string>();
  return points.map((p, i) => {
    let l = cut(p.label, SLACK_TABLE_LIMITS.chartLabel);
    if (seen.has(l)) l = cut(`${i + 1}·${p.label}`, SLACK_TABLE_LIMITS.chartLabel);
    seen.add(l);
    return l;
  });
}

/** One data_visualization block over some of the chart's points (a bar chart colours highlights as a second series). */
export function chartBlock(c: ChartBlock, points: ChartBlock['points'], part?: string): KnownBlock {
  const categories = labels(points);
  const two = c.kind === 'bar' && c.highlightSeries && points.some((p) => p.highlight);
  const series = two
    ? [
        { name: c.series, data: points.map((p, i) => ({ label: categories[i]!, value: p.highlight ? 0 : p.value })) },
        {
          name: c.highlightSeries!,
          data: points.map((p, i) => ({ label: categories[i]!, value: p.highlight ? p.value : 0 })),
        },
      ]
    : [{ name: c.series, data: points.map((p, i) => ({ label: categories[i]!, value: p.value })) }];
  return {
    type: 'data_visualization',
    title: cut(part ? `${c.title} (${part})` : c.title, SLACK_TABLE_LIMITS.chartTitle),
    chart: {
      type: c.kind,
      series: series.map((s) => ({ ...s, name: cut(s.name, SLACK_TABLE_LIMITS.seriesName) })),
      axis_config: {
        categories,
        ...(c.xLabel ? { x_label: cut(c.xLabel, SLACK_TABLE_LIMITS.axisLabel) } : {}),
        ...(c.yLabel ? { y_label: cut(c.yLabel, SLACK_TABLE_LIMITS.axisLabel) } : {}),
      },
    },
    // @slack/types 3.2.0 has no DataVisualizationBlock yet: the shape is checked by the schema test instead.
  } as unknown as KnownBlock;
}
