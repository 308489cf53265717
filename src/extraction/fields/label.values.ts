import type { FieldName } from '../../contract/fields.ts';
import { noneIsNoCall } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { currencyFromName, isCurrencyCode, isCurrencyName } from '../parse/currency.parser.ts';
import { findDates } from '../parse/date.parser.ts';
import { periodStarts } from '../parse/date.range.ts';
import { type ColumnHeader, columnOf, EXCLUDED_COLUMNS } from '../structure/column.header.ts';
import { contextOf, isNoneCell, isNoneWord } from '../vocabulary/context.match.ts';
import { DATE_RANGE_WORDS } from '../vocabulary/prose.words.ts';
import { letterRun, phraseRegExp } from '../vocabulary/word.patterns.ts';
import { type Candidate, debitBefore, type LabelHit, signed } from './candidates.ts';

/** A word of another label, in any script labels are read in. */
const FOUR_LETTERS = letterRun(4);

const DATE_RANGE = phraseRegExp(DATE_RANGE_WORDS);

/**
 * Figures to the right of a label on its line, up to the next label. With a column header above,
 * prior/change/YTD columns are dropped and the current (or base-currency total) column wins.
 * `accounts` are the left edges of account headings printed side by side over the row: each
 * account's columns are read as a row of their own, and its reading carries the heading's edge.
 */
export function rowValues(
  line: Segmented,
  hit: LabelHit,
  hits: readonly LabelHit[],
  header: ColumnHeader | null,
  accounts: readonly number[] = [],
): Candidate[] {
  const split = accountBands(line, hit, hits, accounts);
  if (split) return split.flatMap(({ x, view }) => rowValues(view, hit, hits, header).map((c) => ({ ...c, x })));
  const next = hits.find((h) => h.index > hit.index);
  const end = next ? next.index : line.segs.length;
  const target = hit.match.target;
  const base = {
    page: line.page,
    line: line.index,
    weight: hit.match.synonym.weight,
    label: hit.seg.text,
    source: 'row' as const,
    x: hit.seg.x0,
  };
  if (target === 'currency') {
    // `Currency AUD` printed as one cell: the code ends the label's own text.
    const own = hit.seg.text.trim().match(/\s\(?([A-Z]{3,4})\)?$/);
    if (own && isCurrencyCode(own[1]!))
      return [{ ...base, target, value: own[1]!, score: hit.match.score, ocr: hit.seg.conf }];
    for (let i = hit.index + 1; i < end; i++) {
      const m = line.segs[i]!.text.match(/^\(?([A-Z]{3,4})\)?\b/);
      if (m && isCurrencyCode(m[1]!))
        return [{ ...base, target, value: m[1]!, score: hit.match.score, ocr: line.segs[i]!.conf }];
      // `Currency: US DOLLARS`: a cell that is a currency's name in words, as the one currency table spells it.
      const cell = line.segs[i]!;
      const named = isCurrencyName(cell.text) ? currencyFromName(cell.text) : null;
      const box = { x0: cell.x0, x1: cell.x1, y0: line.top, y1: line.bottom };
      if (named)
        return [{ ...base, target, value: named, score: hit.match.score, ocr: cell.conf, box, text: cell.text }];
      if (line.segs[i]!.kind !== 'text') break;
    }
    return [];
  }
  if (target === 'date') {
    const after = line.segs.slice(hit.index + 1, end);
    // `Stichtag 07,12,26   Vortag 04.12.26`: a date a prior-day word captions is that column's, not the label's.
    const first = after.findIndex((s) => s.kind === 'date');
    if (first > 0 && after.slice(0, first).some((s) => s.kind === 'text' && contextOf(s.text) === 'distractor'))
      return [];
    const dates = after.filter((s) => s.kind === 'date');
    if (dates.length === 0) {
      // `Report Date | 20250324`: a compact date is a date right after a date label, in its own cell too.
      const next = line.segs[hit.index + 1];
      const compact = next && next.kind === 'amount' ? findDates(next.text.trim(), 'mdy', true)[0] : undefined;
      if (!compact || compact.length !== next!.text.trim().length) return [];
      return [
        {
          ...base,
          target,
          value: compact.iso,
          score: hit.match.score * compact.quality * 0.95,
          ocr: Math.min(next!.conf, 0.35 + hit.seg.conf),
          box: { x0: next!.x0, x1: next!.x1, y0: line.top, y1: line.bottom },
          text: next!.text,
        },
      ];
    }
    // `Period: 11/01/2026 - 11/30/2026`: the period end is the as-of date.
    // A bare `1.11.2026 - 30.11.2026` joins its dates by a dash alone.
    const starts = periodStarts(line.segs);
    const d =
      dates.length > 1 && (DATE_RANGE.test(line.text) || starts.has(dates[0]!)) ? dates[dates.length - 1]! : dates[0]!;
    return [
      {
        ...base,
        target,
        value: d.date!.iso,
        score: hit.match.score * d.date!.quality,
        ocr: Math.min(d.conf, 0.35 + hit.seg.conf),
      },
    ];
  }
  const amounts: Segment[] = [];
  for (let i = hit.index + 1; i < end; i++) {
    const s = line.segs[i]!;
    // In a sentence only money-shaped figures count (`$3,450.14`, not `Rule 4210` or `12 CFR 220`).
    if (s.kind === 'amount' && hit.prose && (s.amount!.quality < 0.85 || amounts.length > 0)) break;
    if (s.kind === 'amount') amounts.push(s);
    else if (s.kind === 'text' && amounts.length === 0 && noneIsNoCall(hit.match) && isNoneCell(s.text)) {
      // A stray speck after the word (`None tore |`) leaves the reading less sure than the word alone.
      const clean = isNoneWord(s.text) ? 1 : 0.9;
      return [
        {
          ...base,
          target: 'margin_call',
          value: 0,
          score: hit.match.score * 0.95 * clean,
          ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
        },
      ];
    } else if (s.kind === 'text' && amounts.length > 0 && FOUR_LETTERS.test(s.text)) break;
    // A cell of digits that reads as no figure (`3.41,759.60`, a scan's slip) is the label's own value,
    // unreadable: the figure of a cell further on belongs to another label.
    else if (
      s.kind === 'text' &&
      amounts.length === 0 &&
      !hit.prose &&
      /\d[.,]?\d/.test(s.text) &&
      !/\p{L}{2}/u.test(s.text)
    )
      break;
  }
  if (amounts.length === 0) return [];
  const field = target as FieldName;
  const debit = field === 'cash_balance' && debitBefore(hit.seg.text);
  const make = (s: Segment, factor: number, extra: Partial<Candidate> = {}): Candidate => ({
    ...base,
    target: field,
    value: signed(field, s.amount!.value, hit.match.negate || debit),
    box: { x0: s.x0, x1: s.x1, y0: line.top, y1: line.bottom },
    text: s.text,
    score: hit.match.score * s.amount!.quality * factor,
    ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
    ...(s.amount!.currency ? { currency: s.amount!.currency } : {}),
    ...extra,
  });
  const cols = header ? amounts.map((s) => columnOf(s, header)) : [];
  if (header && cols.some((c) => c !== null)) {
    const keep = amounts.map((s, i) => ({ s, c: cols[i] })).filter(({ c }) => !c || !EXCLUDED_COLUMNS.has(c.kind));
    if (keep.length === 0) return [];
    const rank = (k: string | undefined) =>
      k === 'base' ? 3 : k === 'house' ? 2.5 : k === 'current' ? 2 : k === 'currency' ? 0 : k === 'exchange' ? 0.5 : 1;
    keep.sort((a, b) => rank(b.c?.kind) - rank(a.c?.kind));
    const top = keep[0]!;
    const ambiguous =
      keep.length > 1 &&
      rank(keep[1]!.c?.kind) === rank(top.c?.kind) &&
      keep[1]!.s.amount!.value !== top.s.amount!.value;
    // A base/converted-total column that names its currency tells the report currency.
    const currency = top.c?.currency;
    // Other figures of the row that no column title explains: the header may not be this table's.
    const untitled = keep.some(({ s, c }) => !c && s.amount!.value !== top.s.amount!.value);
    const unsure = untitled
      ? {
          unsure: `"${hit.seg.text}" governs figures that no column title explains besides the one under "${top.c?.text ?? ''}"`,
        }
      : {};
    return [make(top.s, ambiguous ? 0.75 : 1, { ...(currency ? { currency } : {}), ...unsure })];
  }
  // No header: the first money-shaped figure after the label. Several unexplained figures lower certainty a little.
  const first = amounts.find((a) => a.amount!.quality >= 0.85) ?? amounts[0]!;
  const differing = amounts.slice(1).some((a) => a.amount!.value !== first.amount!.value);
  if (!differing) return [make(first, 1)];
  // Each figure is a reading of its own column; the first leads, and the identities, which hold within
  // one column, may choose another (below review either way: no title says which is current).
  const unsure = `"${hit.seg.text}" governs ${amounts.length} different figures and no column title says which is current`;
  return [
    make(first, 0.9, { unsure }),
    ...amounts
      .filter((a) => a !== first && a.amount!.quality >= 0.85 && a.amount!.value !== first.amount!.value)
      .map((a) => make(a, 0.8, { unsure })),
  ];
}

/**
 * The row as each side-by-side account sees it: the label, then only the cells whose centre lies
 * under that account's heading (from its left edge to the next heading's). Only for a label left of
 * every heading with no other label after it on the line: a label inside an account's band is that
 * account's own row.
 */
function accountBands(
  line: Segmented,
  hit: LabelHit,
  hits: readonly LabelHit[],
  accounts: readonly number[],
): { x: number; view: Segmented }[] | null {
  const target = hit.match.target;
  if (accounts.length < 2 || target === 'date' || target === 'currency' || target === 'account') return null;
  const edges = [...accounts].sort((a, b) => a - b);
  if (hit.seg.x1 > edges[0]! + 5 || hits.some((h) => h.index > hit.index)) return null;
  const centre = (s: Segment) => (s.x0 + s.x1) / 2;
  const bands = edges.map((x, b) => ({
    x,
    view: {
      ...line,
      segs: line.segs.filter(
        (s, i) => i <= hit.index || (centre(s) >= x - 5 && (b + 1 === edges.length || centre(s) < edges[b + 1]! - 5)),
      ),
    },
  }));
  // Figures left of the first heading belong to no account's band: the row is not split by accounts.
  if (line.segs.some((s, i) => i > hit.index && centre(s) < edges[0]! - 5 && s.kind !== 'text')) return null;
  return bands.filter((b) => b.view.segs.length > hit.index + 1);
}
