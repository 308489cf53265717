import type { FieldName } from '../../contract/fields.ts';
import { matchLabel, noneIsNoCall } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { inCountColumn, POSITION_FIELDS } from '../structure/count.columns.ts';
import { ledgerTotal } from '../structure/currency.ledger.ts';
import { governingLabel } from '../structure/label.band.ts';
import { isNoneCell, isNoneWord } from '../vocabulary/context.match.ts';
import { type Candidate, type LabelHit, signed } from './candidates.ts';

/** A figure printed under its label (form boxes, a row of labels over a row of values). */
export function belowValue(lines: Segmented[], at: number, hit: LabelHit, claimed: Set<Segment>): Candidate | null {
  const line = lines[at]!;
  const target = hit.match.target;
  // Up to two lines down; a line of words that starts above the bottom of the one before it (a one-line
  // title centred beside a title wrapped over two lines) is a part of that line's band, not a line of its own.
  for (let k = at + 1, depth = 0; k < lines.length; k++) {
    const below = lines[k]!;
    const band = below.top < lines[k - 1]!.bottom && below.segs.every((s) => s.kind === 'text');
    if (!band && ++depth > 2) break;
    if (below.page !== line.page || below.top - line.bottom > line.height * 3.5) break;
    // A row of labels over a row of figures only: a figure right-aligned in a wide column stands in
    // the band of the label at the column's left edge, though not under its words.
    // A word for nothing (`None`, `Nil`) in a figure's place is a cell of that row of figures too.
    const labels = line.segs.filter((s) => s.kind === 'text');
    const figures = below.segs.filter((s) => s.kind !== 'text' || isNoneCell(s.text));
    // A lone label (the last tile of a row) over a lone figure in its band is such a row too.
    const grid =
      figures.length === below.segs.length &&
      (labels.length >= 2 ? figures.length <= labels.length : labels.length === 1 && figures.length === 1);
    for (const s of below.segs) {
      if (claimed.has(s)) continue;
      const ov = Math.min(s.x1, hit.seg.x1 + 10) - Math.max(s.x0, hit.seg.x0 - 10);
      if (ov <= 0 && !(grid && governingLabel(labels, s)?.x0 === hit.seg.x0)) continue;
      const base = {
        page: below.page,
        line: below.index,
        weight: hit.match.synonym.weight,
        label: hit.seg.text,
        source: 'below' as const,
        x: hit.seg.x0,
      };
      if (target === 'date' && s.kind === 'date') {
        return {
          ...base,
          target,
          value: s.date!.iso,
          score: hit.match.score * s.date!.quality * 0.95,
          ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
        };
      }
      // `TRY (Türk lirası)` under a currency label: the code that starts the cell.
      const code = target === 'currency' && s.kind === 'text' ? s.text.trim().match(/^\(?([A-Z]{3})\)?(?=\s|$)/) : null;
      if (code && isCurrencyCode(code[1]!)) {
        const ocr = Math.min(s.conf, 0.35 + hit.seg.conf);
        return { ...base, target: 'currency', value: code[1]!, score: hit.match.score * 0.95, ocr };
      }
      if (target !== 'date' && target !== 'currency' && target !== 'account' && s.kind === 'amount') {
        // Contracts held (`Long | Short` over `0 | 1.200` beside money with cents) are no field's figure.
        if (POSITION_FIELDS.has(target) && inCountColumn(lines, k, s)) return null;
        const field = target as FieldName;
        claimed.add(s);
        // A per-currency sub-ledger's first row: its total row in the base currency is the report.
        const total = ledgerTotal(lines, k, s);
        if (total === 'unread') return null;
        const [row, fig] = total ? [total.line, total.seg] : [below, s];
        return {
          ...base,
          line: row.index,
          target: field,
          value: signed(field, fig.amount!.value, hit.match.negate),
          box: { x0: fig.x0, x1: fig.x1, y0: row.top, y1: row.bottom },
          text: fig.text,
          score: hit.match.score * fig.amount!.quality * 0.95,
          ocr: Math.min(fig.conf, 0.35 + hit.seg.conf),
        };
      }
      // `None` under a call's (or a shortfall's) label: the account owes no call.
      if (s.kind === 'text' && noneIsNoCall(hit.match) && isNoneCell(s.text)) {
        claimed.add(s);
        return {
          ...base,
          target: 'margin_call',
          value: 0,
          box: { x0: s.x0, x1: s.x1, y0: below.top, y1: below.bottom },
          text: s.text,
          score: hit.match.score * 0.95 * (isNoneWord(s.text) ? 0.95 : 0.85),
          ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
        };
      }
      // A label of the line below (one the vocabulary knows, or one a dotted leader joins to its figure) has its own figure.
      if (s.kind === 'text' && (s.leads || matchLabel(s.text))) return null;
    }
  }
  return null;
}
