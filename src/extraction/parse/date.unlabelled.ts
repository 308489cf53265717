import type { Segmented } from '../layout/segments.ts';
import { DATE_CAPTION_WORDS, OTHER_DATE_STEMS } from '../vocabulary/document.words.ts';
import { containsStem, phraseRegExp } from '../vocabulary/word.patterns.ts';
import { type DateOrderReading, findDates } from './date.parser.ts';
import { printsClockTime } from './time.of.day.ts';

const DATE_CAPTION = phraseRegExp(DATE_CAPTION_WORDS, 'gi');

/**
 * A date near the top of the first page when no label names one; never a print, due or trade date.
 * A date printed with a clock time is set aside: on the page's first line, opening it (a browser's
 * print header, `12/7/26, 6:11 AM  Page title`), it is when the page was printed; on a row of figures
 * or beside another date (a trade's open and close time) it is a transaction's. Alone on a heading line
 * (`Aegean Markets Ltd   2026.12.04 23:59`) it is the moment the statement was drawn up as of: taken,
 * below review, when no date without a time is printed. Failing that, the first date anywhere, read in
 * the document's own order (`04-12-2026` is 4 December in a document whose other dates are day-first).
 */
export function unlabelledDate(lines: Segmented[], order: DateOrderReading): { value: string; conf: number } | null {
  const found: { iso: string; alone: boolean }[] = [];
  const stamped: string[] = [];
  lines
    .filter((x) => x.page === 0)
    .slice(0, 15)
    .forEach((l, k) => {
      if (containsStem(l.text, OTHER_DATE_STEMS)) return;
      const dates = l.segs.filter((s) => s.kind === 'date');
      if (printsClockTime(l.text)) {
        const printHeader = k === 0 && l.segs[0]?.kind === 'date';
        const row = dates.length !== 1 || l.segs.some((s) => s.kind === 'amount');
        if (!printHeader && !row) stamped.push(dates[0]!.date!.iso);
        return;
      }
      for (const s of dates) {
        const rest = l.text.replace(s.text, '').replace(DATE_CAPTION, '');
        found.push({ iso: s.date!.iso, alone: !/[a-z]{3}/i.test(rest) });
      }
    });
  const distinct = new Set(found.map((f) => f.iso));
  if (distinct.size === 1) return { value: found[0]!.iso, conf: found[0]!.alone ? 0.85 : 0.7 };
  if (found.length > 0) return { value: found[0]!.iso, conf: 0.6 };
  if (new Set(stamped).size === 1) return { value: stamped[0]!, conf: 0.6 };
  const any = lines.map((l) => findDates(l.text, order)[0]).find(Boolean);
  return any ? { value: any.iso, conf: 0.5 } : null;
}
