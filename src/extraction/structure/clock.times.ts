import type { Segmented } from '../layout/segments.ts';
import { mayBeHour, startsWithTimeWord } from '../parse/time.of.day.ts';

/**
 * A clock time whose word stands in the next cell or starts the next line of the sentence
 * (`…collateral by 12.00` / `noon on 8 December`): the number is an hour, not money, and
 * becomes text. The segmenter already reads a time inside one cell (`parse/time.of.day.ts`);
 * this joins what a line or cell break split. Lines are changed in place, before any reading.
 */
export function clockTimesAsText(lines: Segmented[]): void {
  lines.forEach((line, at) => {
    line.segs.forEach((seg, i) => {
      if (seg.kind !== 'amount' || !mayBeHour(seg.text)) return;
      const after = line.segs[i + 1];
      const next = lines[at + 1];
      const wrapsTo =
        !after && next && next.page === line.page && next.top - line.bottom <= line.height * 1.5 ? next.segs[0] : null;
      const word = after ?? wrapsTo;
      if (word?.kind !== 'text' || !startsWithTimeWord(word.text)) return;
      line.segs[i] = { kind: 'text', text: seg.text, x0: seg.x0, x1: seg.x1, conf: seg.conf, cell: seg.cell };
    });
  });
}
