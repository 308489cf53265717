import type { CommandFile } from '../commands/command.types.ts';
import type { Report } from '../report/report.model.ts';
import { type ExportTable, reportsTable } from './export.table.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The port to the file writers (src/render): core decides what goes in the table, never how bytes are laid out. */
export interface TableWriters {
  write(format: ExportFormat, table: ExportTable, opts: { now: Date }): Uint8Array;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

/** File names keep to letters, digits, dot and dash whatever the account looks like. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 64);

export function exportFile(
  writers: TableWriters,
  reports: Report[],
  opts: { format: ExportFormat; account?: string | undefined; days: number; now: Date },
): CommandFile {
  const bytes = writers.write(opts.format, reportsTable(reports), { now: opts.now });
  const scope = opts.account ? safe(opts.account) : 'all';
  const day = opts.now.toISOString().slice(0, 10);
  return {
    name: `marginiq-${scope}-${opts.days}d-${day}.${opts.format}`,
    bytes,
    contentType: CONTENT_TYPES[opts.format],
    title: `Margin reports: ${opts.account ?? 'all accounts'}, last ${opts.days} days`,
  };
}
