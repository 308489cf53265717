import type { FieldName } from '../../contract/fields.ts';
import { FIELD_NAMES } from '../../contract/fields.ts';
import { type LabelMatch, matchLabel } from '../labels/label.matcher.ts';
import { withoutFormulas } from '../labels/label.qualifiers.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isNoneWord } from '../vocabulary/context.match.ts';
import { NONE_LEAD_WORDS } from '../vocabulary/fields.context.ts';
import {
  DEBIT_PROSE_NOUNS,
  DEBIT_PROSE_WORDS,
  DEBT_NOUNS,
  PROSE_LINK_WORDS,
  PROSE_TAIL_WORDS,
} from '../vocabulary/prose.words.ts';
import { foldedWords, letterRun, phrasePattern } from '../vocabulary/word.patterns.ts';

/** A cell that may be a label holds two letters in a row, in any script labels are read in. */
const TWO_LETTERS = letterRun(2);

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
  return withoutFormulas(text).trim().split(/\s+/).length >= 6 || PROSE_TAIL.test(text);
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
    if (seg.kind !== 'text' || !TWO_LETTERS.test(seg.text)) return;
    // `No call`, `None`: a value, not a label.
    if (isNoneWord(seg.text) || NONE_LEAD.test(seg.text.trim())) return;
    if (nameTail(line.segs, index)) return;
    const prose = isProse(seg.text);
    const match = matchLabel(seg.text, VALUE_TARGETS, { prose });
    if (match) hits.push({ seg, index, match, prose });
  });
  return hits;
}

/** A market's or index's number (`100`, `500`, `2000`): a longer one may be an account number before its label. */
const NAME_NUMBER = /^\s*\d{1,4}\s*$/;

/**
 * Words after a bare number inside one cell that words also open (`UK 100 Cash`, `S&P 500 Index`) end
 * a name (a market, an index): they are no label, whatever they say.
 */
function nameTail(segs: readonly Segment[], index: number): boolean {
  const seg = segs[index]!;
  const num = segs[index - 1];
  const word = segs[index - 2];
  return (
    num?.kind === 'amount' &&
    num.cell === seg.cell &&
    NAME_NUMBER.test(num.text) &&
    word?.kind === 'text' &&
    word.cell === seg.cell &&
    /\p{L}/u.test(word.text)
  );
}

/**
 * Prose that calls the figure after it a debit (`your cash balance was a debit of`), or a clause that
 * names a debt as the figure's (`saldo pinjaman marjin Bapak tercatat sebesar`: the margin loan's balance).
 */
export function debitBefore(text: string): boolean {
  return DEBIT_TAIL.test(text) || namesDebt(text);
}

const DEBTS: ReadonlySet<string> = new Set(DEBT_NOUNS.flatMap(foldedWords));

/** The last clause before the figure, outside parentheses, names a debt. */
function namesDebt(text: string): boolean {
  const clause =
    text
      .replace(/\([^)]*\)/g, ' ')
      .split(/[.;,:](?=\s|$)/)
      .pop() ?? '';
  return foldedWords(clause).some((w) => DEBTS.has(w));
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
