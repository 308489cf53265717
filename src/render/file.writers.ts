import type { ExportFormat, TableWriters } from '../core/export/export.usecases.ts';
import { toCsv } from './csv.writer.ts';
import { toParquet } from './parquet.writer.ts';
import { toXlsx } from './xlsx.writer.ts';

/** The file writers core's exports use, behind its TableWriters port: CSV, XLSX (fflate ZIP), Parquet. */
export const fileWriters: TableWriters = {
  write(format: ExportFormat, table, opts) {
    return format === 'csv' ? toCsv(table) : format === 'xlsx' ? toXlsx(table, { at: opts.now }) : toParquet(table);
  },
};
