import { currencyFromName } from '../parse/currency.parser.ts';
import type { Column, ColumnHeader, ColumnHeaders, ColumnKind } from './column.header.ts';

/**
 * A table that prints one column per currency (`USD | GBP | EUR`, each unconverted) and no converted
 * or combined total: the report is the column of the statement's base currency (interface.md: the
 * report is in the base currency), wherever it stands. That column becomes the header's base column.
 * When the statement states no base currency, or one none of the columns is in, the choice is a guess:
 * the header says so and its figures go to review, never silently one column.
 */
export function settleCurrencyColumns(header: ColumnHeader, base: string | null): ColumnHeader {
  if (header.columns.some((c) => c.kind === 'base')) return header;
  const coded = header.columns
    .map((c) => ({ c, code: OWN_CURRENCY.has(c.kind) ? (c.currency ?? currencyFromName(c.text)) : null }))
    .filter((x): x is { c: Column; code: string } => x.code !== null);
  const codes = [...new Set(coded.map((x) => x.code))];
  if (codes.length < 2) return header;
  const own = base ? coded.filter((x) => x.code === base) : [];
  if (own.length === 1) {
    const columns = header.columns.map((c) => (c === own[0]!.c ? { ...c, kind: 'base' as const, currency: base! } : c));
    return { ...header, columns };
  }
  const unsure = base
    ? `the table prints one column per currency (${codes.join(', ')}) and no converted total, and none is the stated base currency ${base}`
    : `the table prints one column per currency (${codes.join(', ')}) and no converted total, and the statement states no base currency`;
  return { ...header, unsure: header.unsure ?? unsure };
}

/** Columns that hold one currency's own figures when their title names it (`USD`, `Euro account`, `CAD balance`). */
const OWN_CURRENCY: ReadonlySet<ColumnKind> = new Set(['currency', 'current', 'other']);

/** Every header of the document settled against the stated base currency (the same header object stays one). */
export function settleHeaders(headers: ColumnHeaders, base: string | null): void {
  const settled = new Map<ColumnHeader, ColumnHeader>();
  for (const [at, header] of headers.governing) {
    let s = settled.get(header);
    if (!s) {
      s = settleCurrencyColumns(header, base);
      settled.set(header, s);
    }
    headers.governing.set(at, s);
  }
}
