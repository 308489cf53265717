import type { CardBlock, ChartBlock, TableBlock } from '../cards/card.model.ts';
import { formatMoney } from '../format.ts';
import type { CushionItem } from './analytics.port.ts';

/** Issue 17: how many accounts the digest's table lists (Slack's data_table holds 100). */
export const DIGEST_ACCOUNTS = 100;

/**
 * Excess by account, deficits highlighted, for the accounts of the figures' main currency (one axis,
 * one unit): lowest excess first, so the accounts that need a look lead. Every account is in the table.
 */
export function excessChart(cushions: CushionItem[], imageUrl?: string): ChartBlock | undefined {
  const counts = new Map<string, number>();
  for (const c of cushions) counts.set(c.currency, (counts.get(c.currency) ?? 0) + 1);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!currency) return undefined;
  const points = cushions
    .filter((c) => c.currency === currency)
    .sort((a, b) => a.excess - b.excess || a.accountNumber.localeCompare(b.accountNumber))
    .map((c) => ({
      label: c.accountNumber,
      value: c.excess,
      text: formatMoney(c.excess, currency),
      ...(c.excess < 0 ? { highlight: true } : {}),
    }));
  const others = cushions.length - points.length;
  return {
    type: 'chart',
    kind: 'bar',
    title: `Excess by account (${currency})`,
    series: 'Excess',
    highlightSeries: 'Deficit',
    xLabel: others > 0 ? `Account (${others} in other currencies: see the table)` : 'Account',
    yLabel: currency,
    points,
    ...(imageUrl ? { imageUrl } : {}),
  };
}

/** Every account's latest report as a sortable table: excess, requirement and cushion as numbers. */
export function accountsTable(cushions: CushionItem[]): TableBlock {
  const right = (label: string) => ({ label, align: 'right' as const });
  return {
    type: 'table',
    sortable: true,
    caption: `Accounts by cushion (excess / requirement), thinnest first: ${cushions.length}`,
    columns: ['Account', 'As of', right('Excess'), right('Requirement'), right('Cushion')],
    rows: cushions.map((c) => [
      c.accountNumber,
      c.reportDate,
      { text: formatMoney(c.excess, c.currency), value: c.excess, ...(c.excess < 0 ? { flagged: true } : {}) },
      { text: formatMoney(c.requirement, c.currency), value: c.requirement },
      { text: `${(c.ratio * 100).toFixed(1)}%`, value: Math.round(c.ratio * 1000) / 10 },
    ]),
  };
}

export function excessBlocks(cushions: CushionItem[], imageUrl?: string): CardBlock[] {
  if (cushions.length === 0) return [];
  const chart = excessChart(cushions, imageUrl);
  return [{ type: 'heading', text: 'Excess by account' }, ...(chart ? [chart] : []), accountsTable(cushions)];
}
