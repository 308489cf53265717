import type { FieldName } from '../../contract/fields.ts';
import { type Candidate, FIELD_TARGETS, signed } from '../fields/candidates.ts';
import { matchLabel, noneIsNoCall } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';

/** Letters of the scripts written right to left. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
/** How far the two halves of a stacked label may stand apart at their right edge (points). */
const EDGE = 4;

const nearby = (a: Segmented | undefined, b: Segmented) =>
  !!a && a.page === b.page && Math.max(a.top - b.bottom, b.top - a.bottom) <= b.height * 0.5;
const textOnly = (l: Segmented) => l.segs.every((s) => s.kind === 'text');

/**
 * The figure of a row of a right-to-left page: its one figure (or a word for nothing), with nothing
 * beside it but words of a right-to-left script (the same word in the other language: `لا يوجد  None`).
 */
function figureOf(line: Segmented): Segment | null {
  const figures = line.segs.filter((s) => s.kind === 'amount' || (s.kind === 'text' && isNoneWord(s.text)));
  if (figures.length !== 1) return null;
  const rest = line.segs.filter((s) => s !== figures[0]);
  return rest.every((s) => s.kind === 'text' && !/[\p{Lu}\p{Ll}\d]/u.test(s.text.replace(RTL, '')))
    ? figures[0]!
    : null;
}

/**
 * A right-to-left page prints a row's label at the right and its figure at the left; a bilingual one
 * stacks the label's two languages (`الرصيد النقدي` over `Cash balance`) and sets the figure on a line
 * of its own between them. Where a line holds one figure, the lines just above and below it end in
 * text cells at one right edge, right of the figure, with no figure of their own, and the label they
 * make speaks a right-to-left script, that label governs the figure. Candidates by the figure's line.
 */
export function rtlFigures(lines: readonly Segmented[]): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>();
  lines.forEach((line, at) => {
    const above = lines[at - 1];
    const below = lines[at + 1];
    if (!above || !below || !nearby(above, line) || !nearby(below, line)) return;
    if (!textOnly(above) || !textOnly(below)) return;
    const figure = figureOf(line);
    const [top, bottom] = [above.segs.at(-1), below.segs.at(-1)];
    if (!figure || !top || !bottom || Math.abs(top.x1 - bottom.x1) > EDGE) return;
    if (figure.x1 >= Math.min(top.x0, bottom.x0)) return;
    const text = `${top.text} ${bottom.text}`;
    if (!RTL.test(text)) return;
    const match = matchLabel(text, FIELD_TARGETS);
    if (!match) return;
    const field = match.target as FieldName;
    const none = figure.kind === 'text';
    if (none && !noneIsNoCall(match)) return;
    out.set(at, [
      {
        target: field,
        value: none ? 0 : signed(field, figure.amount!.value, match.negate),
        box: { x0: figure.x0, x1: figure.x1, y0: line.top, y1: line.bottom },
        text: figure.text,
        score: match.score * (none ? 0.95 : figure.amount!.quality) * 0.97,
        ocr: Math.min(figure.conf, 0.35 + Math.min(top.conf, bottom.conf)),
        weight: match.synonym.weight,
        page: line.page,
        line: line.index,
        source: 'row',
        label: text,
        x: figure.x0,
      },
    ]);
  });
  return out;
}
