import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, signed } from '../fields/candidates.ts';
import type { Segmented } from '../layout/segments.ts';
import { POSITION_ROW_STEMS, TOTAL_ROW_STEMS } from '../vocabulary/document.words.ts';
import { containsStem } from '../vocabulary/word.patterns.ts';
import { type ColumnHeader, columnOf, EXCLUDED_COLUMNS } from './column.header.ts';
import { countColumns } from './count.columns.ts';

/**
 * A row without a label under columns titled by fields (`Stock | … | Current Long | Current Short`):
 * the row's figures in those columns. A position row outranks a total row, which may include cash.
 */
export function fieldColumns(line: Segmented, header: ColumnHeader): Candidate[] {
  const withField = header.columns.filter((c) => c.field && !EXCLUDED_COLUMNS.has(c.kind));
  if (withField.length === 0) return [];
  const rowLabel = line.segs.find((s) => s.kind === 'text')?.text ?? '';
  const weight = containsStem(rowLabel, POSITION_ROW_STEMS) ? 1 : containsStem(rowLabel, TOTAL_ROW_STEMS) ? 0.85 : 0.78;
  const out: Candidate[] = [];
  for (const s of line.segs) {
    if (s.kind !== 'amount') continue;
    const col = columnOf(s, header);
    if (!col?.field || !withField.includes(col)) continue;
    const field = col.field.target as FieldName;
    out.push({
      target: field,
      value: signed(field, s.amount!.value, col.field.negate),
      box: { x0: s.x0, x1: s.x1, y0: line.top, y1: line.bottom },
      text: s.text,
      score: col.field.score * s.amount!.quality * Math.min(weight, 1),
      ocr: s.conf,
      weight,
      page: line.page,
      line: line.index,
      source: 'table',
      label: `${rowLabel} ${col.text}`.trim(),
    });
  }
  return out;
}

/**
 * Columns titled by fields whose every figure is a count beside money with cents (`Long | Short` over
 * `0 | 1.200` where the row's settlement prints `(52.310,00)`): contracts held, not values. Their figures
 * are read as no field.
 */
export function dropCountColumns(
  lines: readonly Segmented[],
  governing: ReadonlyMap<number, ColumnHeader>,
  byLine: Map<number, Candidate[]>,
): void {
  const headers = new Set([...byLine.keys()].map((at) => governing.get(at)!));
  for (const header of headers) {
    const rows = [...governing].filter(([, h]) => h === header).map(([at]) => lines[at]!);
    const counts = countColumns(rows, (s) => columnOf(s, header));
    if (counts.size === 0) continue;
    for (const [at, cands] of byLine) {
      if (governing.get(at) !== header) continue;
      const kept = cands.filter((c) => !c.box || !counts.has(columnOf(c.box, header)!));
      if (kept.length > 0) byLine.set(at, kept);
      else byLine.delete(at);
    }
  }
}
