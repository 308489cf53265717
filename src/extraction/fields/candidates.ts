import type { FieldName } from '../../contract/fields.ts';
import { FIELD_NAMES } from '../../contract/fields.ts';
import { type LabelMatch, matchLabel } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { findDates } from '../parse/date.parser.ts';
import { type ColumnHeader, columnOf, EXCLUDED_COLUMNS } from '../structure/column.header.ts';
import { governingLabel } from '../structure/label.band.ts';
import { ACCOUNT_WORD_PREFIXES, SUBACCOUNT_PREFIXES } from '../vocabulary/document.words.ts';
import { isNoneWord, NONE_LEAD_WORDS, namesOtherAccount } from '../vocabulary/fields.context.ts';
import {
  DATE_RANGE_WORDS,
  DEBIT_PROSE_NOUNS,
  DEBIT_PROSE_WORDS,
  PROSE_LINK_WORDS,
  PROSE_TAIL_WORDS,
} from '../vocabulary/prose.words.ts';
import { phrasePattern, phraseRegExp, startsWithPrefix } from '../vocabulary/word.patterns.ts';

/** One reading of a value next to a label, before the best reading per field is chosen. */
export interface Candidate {
  target: FieldName | 'date' | 'currency';
  value: number | string;
  /** Label match quality × value quality × layout certainty (0..1), before OCR confidence. */
  score: number;
  /** Lowest OCR word confidence of label and value (1 for a text layer). */
  ocr: number;
  /** Preference among labels of one field (house over exchange). */
  weight: number;
  page: number;
  line: number;
  /** Set when a table states whose figure this is (accounts as rows or columns). */
  account?: string;
  /** Currency of a multi-currency column or amount, when not the base one. */
  currency?: string;
  source: 'row' | 'below' | 'table' | 'prose' | 'header';
  label: string;
  /** Left edge of the label on the page: places the reading under one of side-by-side accounts. */
  x?: number;
  /** Where the figure is printed (PDF points), for a second OCR reading and the evidence. */
  box?: { x0: number; y0: number; x1: number; y1: number };
  /** The figure as printed. */
  text?: string;
  /** Why the structure ranks this reading down (a prior column, a total row): its reason as a rival. */
  demoted?: string;
  /** Why the structure leaves the choice open (one label, several figures, no column title to choose): the solver keeps it below review. */
  unsure?: string;
}

export const FIELD_TARGETS: ReadonlySet<LabelTarget> = new Set(FIELD_NAMES);
const VALUE_TARGETS: ReadonlySet<LabelTarget> = new Set([...FIELD_NAMES, 'date', 'currency']);

export interface LabelHit {
  seg: Segment;
  index: number;
  match: LabelMatch;
  /** The label is part of a sentence (`…the equity in your account was $24,156.79`). */
  prose: boolean;
}

/** Sentence text ends in a verb or preposition that introduces the figure. */
export function isProse(text: string): boolean {
  return text.trim().split(/\s+/).length >= 6 || PROSE_TAIL.test(text);
}

/** Label hits per line, read once per page: every structure pass (tables, label cells, the walker) asks again. */
const HITS = new WeakMap<Segmented, readonly LabelHit[]>();

/** Label segments of a line (figures, date, currency). Account labels are read separately. */
export function labelHits(line: Segmented): readonly LabelHit[] {
  const known = HITS.get(line);
  if (known) return known;
  const hits = readLabelHits(line);
  HITS.set(line, hits);
  return hits;
}

function readLabelHits(line: Segmented): LabelHit[] {
  const hits: LabelHit[] = [];
  line.segs.forEach((seg, index) => {
    if (seg.kind !== 'text' || !/[a-z]{2}/i.test(seg.text)) return;
    // `No call`, `None`: a value, not a label.
    if (isNoneWord(seg.text) || NONE_LEAD.test(seg.text.trim())) return;
    const prose = isProse(seg.text);
    const match = matchLabel(seg.text, VALUE_TARGETS, { prose });
    if (match) hits.push({ seg, index, match, prose });
  });
  return hits;
}

/** Prose that calls the figure after it a debit (`your cash balance was a debit of`). */
export function debitBefore(text: string): boolean {
  return DEBIT_TAIL.test(text);
}

/** Turns a printed amount into the field's sign convention. */
export function signed(target: FieldName, value: number, negate: boolean): number {
  if (value === 0) return 0;
  if (target === 'short_market_value') return -Math.abs(value);
  if (target === 'margin_call' || target === 'maintenance_requirement' || target === 'initial_requirement')
    return Math.abs(value);
  if (negate) return -Math.abs(value);
  return value;
}

const PROSE_TAIL = new RegExp(`${phrasePattern(PROSE_TAIL_WORDS)}[\\s:,]*$`, 'i');
const NONE_LEAD = new RegExp(`^${phrasePattern(NONE_LEAD_WORDS)}`, 'i');
const DEBIT_TAIL = new RegExp(
  `${phrasePattern(DEBIT_PROSE_WORDS)}(?:\\s+${phrasePattern(DEBIT_PROSE_NOUNS)})?(?:\\s+(?:${phrasePattern(PROSE_LINK_WORDS)}|:))*\\s*$`,
  'i',
);
const DATE_RANGE = phraseRegExp(DATE_RANGE_WORDS);

/**
 * Figures to the right of a label on its line, up to the next label. With a column header above,
 * prior/change/YTD columns are dropped and the current (or base-currency total) column wins.
 */
export function rowValues(
  line: Segmented,
  hit: LabelHit,
  hits: readonly LabelHit[],
  header: ColumnHeader | null,
): Candidate[] {
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
      if (line.segs[i]!.kind !== 'text') break;
    }
    return [];
  }
  if (target === 'date') {
    const dates = line.segs.slice(hit.index + 1, end).filter((s) => s.kind === 'date');
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
    const d = dates.length > 1 && DATE_RANGE.test(line.text) ? dates[dates.length - 1]! : dates[0]!;
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
    else if (s.kind === 'text' && amounts.length === 0 && target === 'margin_call' && isNoneWord(s.text)) {
      return [{ ...base, target, value: 0, score: hit.match.score * 0.95, ocr: Math.min(s.conf, 0.35 + hit.seg.conf) }];
    } else if (s.kind === 'text' && amounts.length > 0 && /[a-z]{4}/i.test(s.text)) break;
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

/** A figure printed under its label (form boxes, a row of labels over a row of values). */
export function belowValue(lines: Segmented[], at: number, hit: LabelHit, claimed: Set<Segment>): Candidate | null {
  const line = lines[at]!;
  const target = hit.match.target;
  for (let k = at + 1; k < lines.length && k <= at + 2; k++) {
    const below = lines[k]!;
    if (below.page !== line.page || below.top - line.bottom > line.height * 3.5) break;
    // A row of labels over a row of figures only: a figure right-aligned in a wide column stands in
    // the band of the label at the column's left edge, though not under its words.
    const labels = line.segs.filter((s) => s.kind === 'text');
    const figures = below.segs.filter((s) => s.kind !== 'text');
    const grid = labels.length >= 2 && figures.length === below.segs.length && figures.length <= labels.length;
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
      if (target !== 'date' && target !== 'currency' && target !== 'account' && s.kind === 'amount') {
        const field = target as FieldName;
        claimed.add(s);
        return {
          ...base,
          target: field,
          value: signed(field, s.amount!.value, hit.match.negate),
          box: { x0: s.x0, x1: s.x1, y0: below.top, y1: below.bottom },
          text: s.text,
          score: hit.match.score * s.amount!.quality * 0.95,
          ocr: Math.min(s.conf, 0.35 + hit.seg.conf),
        };
      }
      if (s.kind === 'text' && matchLabel(s.text)) return null;
    }
  }
  return null;
}

export interface AccountHit {
  value: string;
  score: number;
  ocr: number;
  x: number;
}

/** Every account label plus number in a line, one per cell (side-by-side accounts give several). */
export function findAccounts(line: Segmented): AccountHit[] {
  const out: AccountHit[] = [];
  for (let ci = 0; ci < line.cells.length; ci++) {
    const hit = accountInCell(line, ci);
    if (hit && !out.some((o) => o.value === hit.value)) out.push(hit);
  }
  return out;
}

/** Account label plus number anywhere in a line: `Account: U 1234567`, `Acct # 7700 4412 93`. */
export function findAccount(line: Segmented): AccountHit | null {
  return findAccounts(line)[0] ?? null;
}

function accountInCell(line: Segmented, ci: number): AccountHit | null {
  const cell = line.cells[ci]!;
  {
    const words = cell.text.split(' ');
    for (let i = 0; i < words.length; i++) {
      for (let k = Math.min(4, words.length - i); k >= 1; k--) {
        const label = words.slice(i, i + k).join(' ');
        if (!startsWithPrefix(label, ACCOUNT_LABEL_PREFIXES)) continue;
        const m = matchLabel(label, ACCOUNT_ONLY);
        if (!m || m.score < 0.8) continue;
        // `Master Account F0630759`, `Sweep acct`: another account printed beside the report's, never its own.
        if (namesOtherAccount(words.slice(0, i + k).join(' '))) break;
        const rest = words.slice(i + k).join(' ');
        const tok = rest.trim()
          ? readAccountToken(rest)
          : ci + 1 < line.cells.length
            ? readAccountToken(line.cells[ci + 1]!.text)
            : null;
        if (tok) return { value: tok.value, score: m.score * tok.quality, ocr: cell.conf, x: cell.x0 };
        if (rest.trim()) break;
      }
    }
  }
  return null;
}

const ACCOUNT_ONLY: ReadonlySet<LabelTarget> = new Set(['account']);
const ACCOUNT_LABEL_PREFIXES = [...ACCOUNT_WORD_PREFIXES, ...SUBACCOUNT_PREFIXES];
