import type { StoredReport } from '../records.ts';
import { FIELD_NAMES } from '../report/report.schema.ts';

export type Cell = string | number | boolean | null;
export type ColumnKind = 'text' | 'number' | 'bool' | 'date' | 'timestamp';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
}

/** Typed rows every writer (CSV, XLSX, Parquet) reads; dates and timestamps are ISO strings. */
export interface ExportTable {
  columns: ExportColumn[];
  rows: Cell[][];
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { name: 'account_number', kind: 'text' },
  { name: 'report_date', kind: 'date' },
  { name: 'currency', kind: 'text' },
  { name: 'broker', kind: 'text' },
  ...FIELD_NAMES.map((name) => ({ name, kind: 'number' as const })),
  { name: 'extraction_confidence', kind: 'number' },
  { name: 'data_quality_score', kind: 'number' },
  { name: 'validation_status', kind: 'text' },
  { name: 'needs_review', kind: 'bool' },
  { name: 'method', kind: 'text' },
  { name: 'pages', kind: 'number' },
  { name: 'processing_time_ms', kind: 'number' },
  { name: 'source_file_name', kind: 'text' },
  { name: 'created_by', kind: 'text' },
  { name: 'created_at', kind: 'timestamp' },
  { name: 'decided_by', kind: 'text' },
  { name: 'decided_at', kind: 'timestamp' },
  { name: 'decision_reason', kind: 'text' },
  { name: 'id', kind: 'text' },
];

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

export function reportsTable(reports: StoredReport[]): ExportTable {
  const rows = reports.map((r): Cell[] => {
    const d = r.extracted_data;
    return [
      r.account_number,
      r.report_date,
      d.currency ?? null,
      d.broker ?? null,
      ...FIELD_NAMES.map((f) => orNull(d.fields?.[f])),
      r.extraction_confidence,
      r.data_quality_score,
      r.validation_status,
      r.needs_review,
      d.method ?? null,
      orNull(d.pages),
      r.processing_time_ms,
      r.source_file_name,
      r.created_by,
      r.created_at,
      r.decided_by,
      r.decided_at,
      r.decision_reason,
      r.id,
    ];
  });
  return { columns: EXPORT_COLUMNS, rows };
}
