import type { Report } from '../report/report.model.ts';
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

export function reportsTable(reports: Report[]): ExportTable {
  const rows = reports.map((r): Cell[] => {
    const d = r.extracted;
    return [
      r.accountNumber,
      r.reportDate,
      d.currency ?? null,
      d.broker ?? null,
      ...FIELD_NAMES.map((f) => orNull(d.fields?.[f])),
      r.confidence,
      r.qualityScore,
      r.status,
      r.needsReview,
      d.method ?? null,
      orNull(d.pages),
      r.processingTimeMs,
      r.sourceFileName,
      r.createdBy,
      r.createdAt,
      r.decidedBy,
      r.decidedAt,
      r.decisionReason,
      r.id,
    ];
  });
  return { columns: EXPORT_COLUMNS, rows };
}
