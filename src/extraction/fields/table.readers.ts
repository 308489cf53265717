import type { FieldName } from '../../contract/fields.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segmented } from '../layout/segments.ts';
import { type Candidate, debitBefore, FIELD_TARGETS, isProse, signed } from './candidates.ts';

/** A sentence whose figure starts the next line: `…the equity in your margin account was` / `$24,156.79, which…`. */
export function wrappedProse(line: Segmented, prev: Segmented | undefined): Candidate | null {
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'amount' || first.amount!.quality < 0.85) return null;
  if (line.top - prev.bottom > line.height * 1.5) return null;
  const last = prev.segs[prev.segs.length - 1];
  if (last?.kind !== 'text') return null;
  // A sentence, not a caption: a short label beside other cells (a card's title over its figure) governs
  // the figure under it, not the one that starts the next line in another column.
  if (prev.segs.length > 1 && !isProse(last.text)) return null;
  const m = matchLabel(last.text, FIELD_TARGETS, { prose: true });
  if (!m) return null;
  const field = m.target as FieldName;
  return {
    target: field,
    value: signed(field, first.amount!.value, m.negate || (field === 'cash_balance' && debitBefore(last.text))),
    box: { x0: first.x0, x1: first.x1, y0: line.top, y1: line.bottom },
    text: first.text,
    score: m.score * first.amount!.quality * 0.95,
    ocr: Math.min(first.conf, 0.35 + last.conf),
    weight: m.synonym.weight,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: last.text,
  };
}
