import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import { tokenize } from '../labels/label.matcher.ts';
import { SYNONYMS } from '../labels/labels.synonyms.ts';
import { DISTRACTOR_WORDS, NOISE_WORDS } from '../labels/labels.vocabulary.ts';
import { rateBasisAt } from '../labels/rate.basis.ts';
import { PIVOT_WORDS, POSTPOSITION_WORDS, PROSE_STOP_WORDS } from '../vocabulary/fields.context.ts';

/**
 * Whether a label names its field unambiguously: every word of it belongs to that field's own
 * vocabulary (or is noise such as `total`, `usd`), none names another field, and it is not a
 * difference (`Equity over requirement` is an excess, whatever its first word). A value read from
 * an unclear label is reported below review confidence unless an identity confirms it.
 */

/** Words of each field's synonyms. */
const FIELD_WORDS = new Map<FieldName, Set<string>>(FIELD_NAMES.map((f) => [f, new Set<string>()]));
/** Words that are a field's label on their own (`initial`, `maintenance`, `cash`, `equity`). */
const HEAD_WORDS = new Map<string, FieldName>();
for (const s of SYNONYMS) {
  const set = FIELD_WORDS.get(s.target as FieldName);
  if (!set) continue;
  const words = tokenize(s.phrase).map((t) => t.text);
  for (const w of words) set.add(w);
  if (words.length === 1 && !HEAD_WORDS.has(words[0]!)) HEAD_WORDS.set(words[0]!, s.target as FieldName);
}
/** Words that several fields' labels use alike (`margin`, `total`): they name none of them. */
const SHARED = new Set<string>();
{
  const count = new Map<string, number>();
  for (const set of FIELD_WORDS.values()) for (const w of set) count.set(w, (count.get(w) ?? 0) + 1);
  for (const [w, n] of count) if (n >= 5) SHARED.add(w);
}
const ALL_FIELD_WORDS = new Set([...FIELD_WORDS.values()].flatMap((s) => [...s]));
const PIVOTS = new Set(PIVOT_WORDS);
const POSTPOSITIONS = new Set(POSTPOSITION_WORDS);
const STOP = new Set(PROSE_STOP_WORDS);

export interface Clarity {
  clear: boolean;
  /** Why not, in a reviewer's words. */
  reason: string | null;
}

const CLEAR: Clarity = { clear: true, reason: null };
const name = (f: FieldName) => f.replace(/_/g, ' ');
/** A label's words, but a rate's basis (`… 25% of the long market value`): what the rate is taken of names no figure. */
const words = (text: string) => {
  const all = tokenize(text).map((t) => t.text);
  const rate = rateBasisAt(all);
  return (rate >= 0 ? all.slice(0, rate) : all).filter((w) => !/^\d+$/.test(w));
};

/** Another field that a word names, if it names one for this target. */
function otherField(w: string, target: FieldName): FieldName | null {
  const own = FIELD_WORDS.get(target)!;
  if (own.has(w) || SHARED.has(w)) return null;
  const head = HEAD_WORDS.get(w);
  if (head && head !== target) return head;
  if (NOISE_WORDS.has(w)) return null;
  return FIELD_NAMES.find((f) => f !== target && FIELD_WORDS.get(f)!.has(w)) ?? null;
}

function clarityOf(text: string, target: FieldName, prose: boolean): Clarity {
  // In a sentence only its last clause speaks of the figure (`…a house call. Your buying power is`).
  const clause = prose ? (text.split(/[.;:,]\s+|\s+-\s+/).pop() ?? text) : text;
  const all = words(clause);
  if (all.length === 0) return { clear: false, reason: 'no label' };
  const own = FIELD_WORDS.get(target)!;
  const pivot = all.findIndex((w, i) => i > 0 && PIVOTS.has(w));
  const post = all.findIndex((w, i) => i > 0 && POSTPOSITIONS.has(w));
  const at = pivot > 0 ? pivot : post;
  if (at > 0 && target !== 'excess_liquidity' && !own.has(all[at]!))
    return { clear: false, reason: `"${text}" names a difference ("${all[at]}"), not the ${name(target)}` };
  // A qualifier in parentheses (`Buying Power (Marginable Securities)`) may hold words of its own.
  const bare = new Set(words(clause.replace(/\([^)]*\)/g, ' ')));
  // `Excess over house requirement`: what follows the pivot is the basis of the excess, not its name.
  // Before a postposition stands the basis, back to the excess's own words (`Sürdürme teminatı üzeri fazla`,
  // `Ylijäämä ylläpitomarginaalin yli`): the excess is named by the other words.
  let basis = post;
  while (basis > 0 && !own.has(all[basis - 1]!)) basis--;
  const named = pivot > 0 ? all.slice(0, pivot) : post > 0 ? [...all.slice(0, basis), ...all.slice(post + 1)] : all;
  for (const w of target === 'excess_liquidity' ? named : all) {
    if (prose && STOP.has(w)) continue;
    const other = otherField(w, target);
    if (other) return { clear: false, reason: `"${text}" also reads as the ${name(other)} ("${w}")` };
    if (bare.has(w) && !own.has(w) && !NOISE_WORDS.has(w) && !ALL_FIELD_WORDS.has(w) && w.length > 1)
      return { clear: false, reason: `"${text}" has words the label vocabulary does not know ("${w}")` };
  }
  return CLEAR;
}

/**
 * Clarity of the label a value was read under. A bilingual label (`Kaufkraft / Buying Power`) is
 * clear when one of its halves is; a sentence is judged by its last clause, around its filler words.
 */
export function labelClarity(text: string, target: FieldName, opts: { prose?: boolean } = {}): Clarity {
  const halves = text.split(/\s+[/|]\s+/);
  const bilingual = halves.length > 1 && halves.every((h) => words(h).length <= 5);
  const prose = !bilingual && (opts.prose ?? words(text).length > 7);
  const parts = bilingual ? halves : [text];
  let first: Clarity | null = null;
  for (const part of parts) {
    const c = clarityOf(part, target, prose);
    if (c.clear) return c;
    first ??= c;
  }
  return parts.length > 1 ? { clear: false, reason: first!.reason } : first!;
}

/** Least stem two words must share for an unknown one to be read as the known one (`required`, `requirement`). */
const STEM = 6;
/** Stems of one vocabulary word each (two words on one stem, `currency` and `current`, leave it unread). */
const STEMS = new Map<string, string | null>();
for (const w of ALL_FIELD_WORDS)
  if (w.length >= STEM) STEMS.set(w.slice(0, STEM), STEMS.has(w.slice(0, STEM)) ? null : w);
/** A word the vocabularies lack, as the field word it shares its stem with (`required` as `requirement`). */
const stemmed = (w: string) => (ALL_FIELD_WORDS.has(w) || w.length < STEM ? w : (STEMS.get(w.slice(0, STEM)) ?? w));

/**
 * A word that on its own makes a label another figure (`options`, `loan`) belongs to a field only
 * with the words its synonyms qualify it by (`written options`): its other words, per field.
 */
const DISTRACTORS = new Set(DISTRACTOR_WORDS);
const QUALIFIERS = new Map<FieldName, Map<string, Set<string>>>(FIELD_NAMES.map((f) => [f, new Map()]));
for (const s of SYNONYMS) {
  const byWord = QUALIFIERS.get(s.target as FieldName);
  if (!byWord) continue;
  const ws = tokenize(s.phrase).map((t) => t.text);
  for (const w of ws.filter((x) => DISTRACTORS.has(x))) {
    const set = byWord.get(w) ?? new Set<string>();
    for (const o of ws) if (o !== w) set.add(o);
    byWord.set(w, set);
  }
}
/** Whether a label holds a word of the field's own wording around its distractor word (`written` for `options`). */
const qualified = (w: string, field: FieldName, label: Set<string>) =>
  !DISTRACTORS.has(w) || [...(QUALIFIERS.get(field)!.get(w) ?? [])].some((o) => label.has(o));

/** How many fields' vocabularies hold a word. */
const SPREAD = new Map<string, number>();
for (const set of FIELD_WORDS.values()) for (const w of set) SPREAD.set(w, (SPREAD.get(w) ?? 0) + 1);

/**
 * How much of a label's wording belongs to a field (0..1): each word of the field's vocabulary
 * counts the less the more fields share it, a word that is a field's label alone counts double.
 * Used to tell apart parts an identity leaves interchangeable, never to read a label.
 */
export function affinity(text: string, field: FieldName): number {
  return affinityOf(words(text), field);
}

function affinityOf(all: string[], field: FieldName): number {
  const ws = all.filter((w) => !STOP.has(w));
  if (ws.length === 0) return 0;
  const own = FIELD_WORDS.get(field)!;
  const label = new Set(all);
  let s = 0;
  for (const raw of ws) {
    // `Net value of options` is long and short together: `options` counts only beside `written`.
    if (!qualified(raw, field, label)) continue;
    // A word read by its stem alone counts half.
    const w = stemmed(raw);
    const weight = w === raw ? 1 : 0.5;
    if (own.has(w)) s += (weight * (HEAD_WORDS.get(w) === field ? 2 : 1)) / SPREAD.get(w)!;
  }
  return Math.min(1, s / ws.length);
}

/** Least share of a label's wording that must lean to a field for a figure nothing else places to be read as it. */
const LEAN_AFFINITY = 0.3;

/**
 * The field a label's wording leans to clearly (`Cash Held at Close`: the cash balance): at least
 * `LEAN_AFFINITY` of it, and clearly more than any other field's share. A reading on this alone is
 * never approved automatically.
 */
export function leaning(label: string): FieldName | null {
  let field = LEANINGS.get(label);
  if (field === undefined) {
    const all = words(label);
    const ranked = FIELD_NAMES.map((f) => ({ f, a: affinityOf(all, f) })).sort((x, y) => y.a - x.a);
    const [top, second] = ranked;
    field = !top || top.a < LEAN_AFFINITY || (second && second.a >= top.a * 0.75) ? null : top.f;
    // Labels recur across passes and sections; a long-lived service starts over.
    if (LEANINGS.size >= 20_000) LEANINGS.clear();
    LEANINGS.set(label, field);
  }
  return field;
}
const LEANINGS = new Map<string, FieldName | null>();
