import { formatMoney, formatPercent } from '../format.ts';
import type { Report } from '../report/report.model.ts';
import { FIELD_LABELS, type FieldName, type MarginReport } from '../report/report.schema.ts';
import type { TableBlock, TableCell, TableColumn } from './card.model.ts';

/**
 * Issue 17: a report's figures as one table — value, the prior approved report's value and the
 * change (Δ), the reading's confidence and where a figure needs review, where it was read. The
 * summary card shows it; Slack draws a table block, Teams a Table, the console an HTML table.
 */
export interface FigureRow {
  field: FieldName;
  flagged: boolean;
  /** Where a flagged value was read (page, label, printed text). */
  source?: string | undefined;
}

const right = (label: string): TableColumn => ({ label, align: 'right' });
const signed = (v: number, currency: string) => (v > 0 ? `+${formatMoney(v, currency)}` : formatMoney(v, currency));

export function figuresTable(r: MarginReport, rows: FigureRow[], prior?: Report): TableBlock {
  const currency = r.currency;
  // A prior in another currency is no basis for a change.
  const was = prior && prior.extracted.currency === currency ? prior.extracted.fields : undefined;
  const columns: TableBlock['columns'] = [
    'Figure',
    right('Value'),
    ...(was ? [right(`Prior (${prior!.reportDate})`), right('Δ')] : []),
    right('Confidence'),
    'Review',
  ];
  const money = (v: number | undefined, flagged = false): TableCell =>
    v === undefined ? '—' : { text: formatMoney(v, currency), value: v, ...(flagged ? { flagged } : {}) };
  const body = rows.map(({ field, flagged, source }) => {
    const now = r.fields[field];
    const before = was?.[field];
    const conf = r.confidence.fields[field];
    const delta =
      now !== undefined && before !== undefined ? Math.round((now - before) * 100) / 100 : (undefined as undefined);
    const cells: TableCell[] = [FIELD_LABELS[field], money(now, flagged)];
    if (was) {
      cells.push(money(before));
      cells.push(delta === undefined ? '—' : { text: signed(delta, currency), value: delta });
    }
    cells.push(conf === undefined ? '—' : { text: formatPercent(conf), value: Math.round(conf * 100) });
    cells.push(flagged ? (source ? `Needs review · ${source}` : 'Needs review') : '');
    return cells;
  });
  return {
    type: 'table',
    caption: `Figures in ${currency}${was ? `, against the last approved report (${prior!.reportDate})` : ''}`,
    columns,
    rows: body,
  };
}
