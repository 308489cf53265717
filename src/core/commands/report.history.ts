import type { CardBlock, ChartBlock, TableBlock, TableCell } from '../cards/card.model.ts';
import { formatMoney } from '../format.ts';
import type { Report } from '../report/report.model.ts';

/** Issue 17: how many reports `/margin report ACCT` lists (Slack's data_table holds 100) and charts. */
export const HISTORY_ROWS = 100;
export const HISTORY_CHART_POINTS = 30;

const money = (v: number | undefined, currency: string, flagged = false): TableCell =>
  v === undefined ? '—' : { text: formatMoney(v, currency), value: v, ...(flagged ? { flagged } : {}) };

const status = (r: Report) => `${r.status}${r.needsReview && r.status === 'pending' ? ' (review)' : ''}`;

/** The history as a sortable table: date, equity, requirement, excess, call, status — figures as numbers. */
export function historyTable(account: string, reports: Report[]): TableBlock {
  const right = (label: string) => ({ label, align: 'right' as const });
  return {
    type: 'table',
    sortable: true,
    caption: `Account ${account}: the last ${reports.length} report${reports.length === 1 ? '' : 's'}, newest first`,
    columns: ['Date', right('Equity'), right('Requirement'), right('Excess'), right('Call'), 'Status'],
    rows: reports.map((r) => {
      const f = r.extracted.fields;
      const c = r.extracted.currency;
      return [
        r.reportDate,
        money(f.total_equity, c),
        money(f.maintenance_requirement, c),
        money(f.excess_liquidity, c, (f.excess_liquidity ?? 0) < 0),
        money(f.margin_call, c, (f.margin_call ?? 0) > 0),
        status(r),
      ];
    }),
  };
}

/**
 * Excess over the last 30 reports, oldest first. Only reports in the latest report's currency are
 * charted (one axis, one unit); the table lists every report.
 */
export function excessChart(reports: Report[]): ChartBlock | undefined {
  const currency = reports[0]?.extracted.currency;
  const points = reports
    .filter((r) => r.extracted.currency === currency && r.extracted.fields.excess_liquidity !== undefined)
    .slice(0, HISTORY_CHART_POINTS)
    .reverse()
    .map((r) => {
      const v = r.extracted.fields.excess_liquidity!;
      return { label: r.reportDate, value: v, text: formatMoney(v, currency), ...(v < 0 ? { highlight: true } : {}) };
    });
  if (points.length < 2 || !currency) return undefined;
  return {
    type: 'chart',
    kind: 'line',
    title: `Excess, last ${points.length} reports`,
    series: `Excess ${currency}`,
    xLabel: 'Report date',
    yLabel: currency,
    points,
  };
}

/** The blocks `/margin report ACCT` adds under the report: the history table and the excess chart. */
export function historyBlocks(account: string, reports: Report[]): CardBlock[] {
  if (reports.length < 2) return [];
  const chart = excessChart(reports);
  return [
    { type: 'heading', text: `History of ${account}` },
    ...(chart ? [chart] : []),
    historyTable(account, reports),
  ];
}
