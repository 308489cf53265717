import type { Segmented } from '../layout/segments.ts';
import { DATE_CAPTION_WORDS, OTHER_DATE_STEMS } from '../vocabulary/document.words.ts';
import { containsStem, phraseRegExp } from '../vocabulary/word.patterns.ts';
import { type DateOrderReading, findDates } from './date.parser.ts';
import { periodStarts } from './date.range.ts';
import { printsClockTime } from './time.of.day.ts';

const DATE_CAPTION = phraseRegExp(DATE_CAPTION_WORDS, 'gi');

type Found = { iso: string; alone: boolean; quality: number };

/**
 * The dates of a header line that prints several, each with the words before it as its caption
 * (`Statement for trading day: December 7th, 2026   Printed: 12/08/2026 05:12`): a date another
 * caption names (print, due, prior) or a clock time stamps is not the statement's; the others are.
 */
function captioned(l: Segmented): Found[] {
  const out: Found[] = [];
  let caption = '';
  const starts = periodStarts(l.segs);
  for (const [i, s] of l.segs.entries()) {
    if (s.kind !== 'date') {
      caption += ` ${s.text}`;
      continue;
    }
    const stamped = printsClockTime((l.segs[i + 1]?.text ?? '').replace(/^[\s,;]+/, '').slice(0, 11));
    // A period's start (`1.11.2026 - 30.11.2026`) is passed over: its end is the date the statement is as of.
    if (starts.has(s)) continue;
    if (!stamped && !containsStem(caption, OTHER_DATE_STEMS))
      out.push({
        iso: s.date!.iso,
        alone: !/[a-z]{3}/i.test(caption.replace(DATE_CAPTION, '')),
        quality: s.date!.quality,
      });
    caption = '';
  }
  return out;
}

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
  const found: Found[] = [];
  const stamped: string[] = [];
  lines
    .filter((x) => x.page === 0)
    .slice(0, 15)
    .forEach((l, k) => {
      const dates = l.segs.filter((s) => s.kind === 'date');
      if (dates.length > 1 && !l.segs.some((s) => s.kind === 'amount')) {
        found.push(...captioned(l));
        return;
      }
      if (containsStem(l.text, OTHER_DATE_STEMS)) return;
      if (printsClockTime(l.text)) {
        const printHeader = k === 0 && l.segs[0]?.kind === 'date';
        const row = dates.length !== 1 || l.segs.some((s) => s.kind === 'amount');
        if (!printHeader && !row) stamped.push(dates[0]!.date!.iso);
        return;
      }
      const starts = periodStarts(l.segs);
      for (const s of dates) {
        if (starts.has(s)) continue;
        const rest = l.text.replace(s.text, '').replace(DATE_CAPTION, '');
        found.push({ iso: s.date!.iso, alone: !/[a-z]{3}/i.test(rest), quality: s.date!.quality });
      }
    });
  const distinct = new Set(found.map((f) => f.iso));
  // Where it stands settles which date it is, not which way round it reads: an ambiguous day and
  // month (`07/12/2026`) the document leaves undecided keeps the order's confidence.
  const first = found[0];
  if (first && distinct.size === 1)
    return { value: first.iso, conf: Math.min(first.alone ? 0.85 : 0.7, first.quality) };
  if (first) return { value: first.iso, conf: Math.min(0.6, first.quality) };
  if (new Set(stamped).size === 1) return { value: stamped[0]!, conf: 0.6 };
  const any = lines.map((l) => findDates(l.text, order)[0]).find(Boolean);
  return any ? { value: any.iso, conf: 0.5 } : null;
}
