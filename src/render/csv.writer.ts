import type { Cell, ExportTable } from '../core/export/export.table.ts';

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: RFC 4180 quoting, and text that would run as a formula made inert with a leading '. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: CRLF line breaks, a header row, every row with the same number of fields. */
export function toCsv(table: ExportTable): Uint8Array {
  const lines = [table.columns.map((c) => csvField(c.name)), ...table.rows.map((r) => r.map(csvField))];
  return new TextEncoder().encode(`${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
}
