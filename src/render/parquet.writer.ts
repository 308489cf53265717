import { parquetWriteBuffer, type SchemaElement } from 'hyparquet-writer';
import type { ColumnKind, ExportTable } from '../core/export/export.table.ts';

const SCHEMA: Record<ColumnKind, Omit<SchemaElement, 'name'>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  number: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  bool: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
};

function value(kind: ColumnKind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'date' || kind === 'timestamp') {
    // report_date is a calendar day: midnight UTC, so the day never shifts with the reader's zone.
    const at = new Date(kind === 'date' ? `${String(v)}T00:00:00Z` : String(v));
    return Number.isNaN(at.getTime()) ? null : at;
  }
  return v;
}

/** Parquet via hyparquet-writer (pure JS): typed columns, nullable, snappy-compressed. */
export function toParquet(table: ExportTable): Uint8Array {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: table.columns.length },
    ...table.columns.map((c) => ({ name: c.name, ...SCHEMA[c.kind] })),
  ];
  const columnData = table.columns.map((c, i) => ({
    name: c.name,
    data: table.rows.map((r) => value(c.kind, r[i])),
  }));
  return new Uint8Array(
    parquetWriteBuffer({ columnData, schema, createdBy: 'marginiq' } as Parameters<typeof parquetWriteBuffer>[0]),
  );
}
