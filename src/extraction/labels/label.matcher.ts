import { PROSE_STOP_WORDS } from '../vocabulary/fields.context.ts';
import { heldWords, isFormula } from './label.qualifiers.ts';
import { tokenize } from './label.tokens.ts';
import { ACCOUNT_LABEL_WORDS, POSTPOSITION_PIVOTS } from './labels.more.languages.ts';
import { type LabelTarget, SYNONYMS, type Synonym } from './labels.synonyms.ts';
import {
  DISTRACTOR_WORDS,
  IDENTIFIER_TAIL_WORDS,
  NOISE_WORDS,
  OCR_LETTER_PAIRS,
  PIVOT_WORDS,
  REQUIRED_WORDS,
  WORD_FORMS,
} from './labels.vocabulary.ts';
import { rateBasisAt } from './rate.basis.ts';

export { tokenize };

export interface LabelMatch {
  target: LabelTarget;
  /** 0..1: exact > abbreviation > fuzzy, times the synonym's preference and a penalty for extra words. */
  score: number;
  synonym: Synonym;
  negate: boolean;
  /** Other words in the label, e.g. `house`, `exchange`, `fed`, `base`. */
  words: string[];
}

const synTokens = new Map<Synonym, string[]>(SYNONYMS.map((s) => [s, tokenize(s.phrase).map((t) => t.text)]));
/** What each word of the synonyms names: `target:negate` of every synonym holding it. */
const WORD_SENSES = new Map<string, Set<string>>();
for (const [syn, words] of synTokens)
  for (const w of words)
    WORD_SENSES.set(w, (WORD_SENSES.get(w) ?? new Set()).add(`${syn.target}:${Boolean(syn.negate)}`));
const distractors = DISTRACTOR_WORDS.map((d) => tokenize(d).map((t) => t.text)).filter((d) => d.length > 0);

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Letter pairs OCR reads for one letter and back (`memorandum` read `memoraridum`, `rn` for `m`):
 * both words are compared with each pair folded to one letter, so such a slip costs one edit at most.
 */
const folded = new Map<string, string>();
function fold(w: string): string {
  let f = folded.get(w);
  if (f === undefined) {
    f = OCR_LETTER_PAIRS.reduce((s, [pair, to]) => s.replaceAll(pair, to), w);
    // Words of labels and synonyms: a document brings a few thousand; a long-lived service starts over.
    if (folded.size >= 50_000) folded.clear();
    folded.set(w, f);
  }
  return f;
}

/** 1 exact, 0.95 another form of the word, 0.85 within one OCR slip (long words only), 0 otherwise. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (WORD_FORMS[a] === b) return 0.95;
  if (a.length >= 5 && b.length >= 5 && (editDistanceAtMost1(a, b) || editDistanceAtMost1(fold(a), fold(b))))
    return 0.85;
  return 0;
}

function findWindow(label: string[], syn: string[]): { at: number; quality: number } | null {
  let best: { at: number; quality: number } | null = null;
  for (let i = 0; i + syn.length <= label.length; i++) {
    let q = 1;
    for (let k = 0; k < syn.length && q > 0; k++) q = Math.min(q, tokenSimilarity(label[i + k]!, syn[k]!));
    if (q > 0 && (!best || q > best.quality || (q === best.quality && i > best.at))) best = { at: i, quality: q };
  }
  return best;
}

function containsSeq(hay: string[], needle: string[], skipFrom: number, skipTo: number): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (i >= skipFrom && i + needle.length <= skipTo) continue;
    if (needle.every((n, k) => hay[i + k] === n)) return true;
  }
  return false;
}

/** Readings of labels so far, per target set (the map itself standing for all targets). */
const READINGS = new WeakMap<object, Map<string, LabelMatch | null>>();

/**
 * Best field for a label, or null. Labels carrying a distractor word (prior, change, day trading…)
 * never match a field whose synonym lacks that word.
 */
export function matchLabel(
  label: string,
  targets?: ReadonlySet<LabelTarget>,
  opts: { prose?: boolean } = {},
): LabelMatch | null {
  // A label is read by several passes over the same lines: each reading is kept (per target set and mode).
  const prose = opts.prose ?? false;
  const scope = targets ?? READINGS;
  const byLabel = READINGS.get(scope) ?? READINGS.set(scope, new Map()).get(scope)!;
  const key = `${prose ? 'p' : 'w'}${label}`;
  let m = byLabel.get(key);
  if (m === undefined) {
    m = readLabel(label, targets, prose);
    // A document brings a few thousand labels; a long-lived service starts over.
    if (byLabel.size >= 20_000) byLabel.clear();
    byLabel.set(key, m);
  }
  return m && { ...m, words: [...m.words] };
}
function readLabel(label: string, targets: ReadonlySet<LabelTarget> | undefined, prose: boolean): LabelMatch | null {
  // Bilingual labels (`Valeur liquidative nette / Net liquidation value`): the best-matching half speaks.
  const parts = label.split(/\s+[/|]\s+/);
  if (parts.length > 1) {
    let best: LabelMatch | null = null;
    for (const part of parts) {
      const m = matchOne(part, targets, prose);
      if (m && (!best || m.score > best.score)) best = m;
    }
    return best;
  }
  return headFirst(label, matchOne(label, targets, prose), targets, prose);
}

/** A qualifier in parentheses, with its own words (`(Reg. T)`, `(House)`). */
const QUALIFIER = /\(([^()]*)\)/g;

/**
 * A label's head speaks before its qualifier: where the match lies wholly inside the parentheses
 * (`SMA (Reg. T)` read as `reg t`) and the words outside them name another field, the head's reading wins.
 */
function headFirst(
  label: string,
  full: LabelMatch | null,
  targets: ReadonlySet<LabelTarget> | undefined,
  prose: boolean,
): LabelMatch | null {
  if (!full || !label.includes('(')) return full;
  const head = label.replace(QUALIFIER, ' ').trim();
  if (!head || head === label) return full;
  const inside = [...label.matchAll(QUALIFIER)].map((m) =>
    tokenize(m[1]!)
      .map((t) => t.text)
      .join(' '),
  );
  const phrase = synTokens.get(full.synonym)!.join(' ');
  if (!inside.some((q) => ` ${q} `.includes(` ${phrase} `))) return full;
  const own = matchOne(head, targets, prose);
  return own && own.target !== full.target ? own : full;
}

/** A label read without its qualifier in parentheses is a little less sure than one read whole. */
const QUALIFIER_PENALTY = 0.92;

function matchOne(label: string, targets: ReadonlySet<LabelTarget> | undefined, asProse: boolean): LabelMatch | null {
  const whole = matchWords(label, targets, asProse);
  if (whole || asProse) return whole;
  // `Egenkapital (nettolikvidationsværdi)`, `Købekraft (belåning)`: a qualifier in parentheses may hold words
  // the vocabulary lacks; the label speaks without it, unless the qualifier makes it another figure (`(prior day)`).
  const qualifiers = label.match(/\([^()]*\)/g);
  if (!qualifiers) return null;
  // A qualifier with a number is a rate or a formula (`(30%)`, `(7 + 8 + 9)`): the label is read whole or not at all,
  // but a rate of a basis (`(90 % av initialmargin)`) only says how the figure is reckoned: it speaks without it.
  if (heldWords(qualifiers).some((q) => q.some((w) => /[\d%]/.test(w)))) return null;
  // A formula (`(cash + collateral + net option value)`) names the parts the figure sums, not a second figure.
  const named = heldWords(qualifiers.filter((q) => !isFormula(q)));
  if (named.some((q) => distractors.some((d) => containsSeq(q, d, -1, -1)))) return null;
  const bare = matchWords(label.replace(/\([^()]*\)/g, ' '), targets, false);
  if (!bare || bare.score * QUALIFIER_PENALTY < MIN_SCORE) return null;
  // A qualifier may only repeat what the label says (`(nettolikvidationsværdi)`): one with a word of another
  // figure's labels, or of the opposite sign's (`Surplus (Shortfall)`), names two figures. Alone it is no label.
  const said = `${bare.target}:${bare.negate}`;
  if (named.flat().some((w) => [...(WORD_SENSES.get(w) ?? [])].some((sense) => sense !== said))) return null;
  return { ...bare, score: bare.score * QUALIFIER_PENALTY };
}

function matchWords(label: string, targets: ReadonlySet<LabelTarget> | undefined, asProse: boolean): LabelMatch | null {
  const tokens = tokenize(label);
  if (tokens.length === 0) return null;
  // In prose the label sits shortly before the figure: score by distance from the end instead of extra words.
  const prose = asProse || tokens.length > 7;
  const words = tokens.map((t) => t.text);
  // `Sweep Vehicle Ref`: a label ending in an identifier word names a reference, not an amount.
  const identifier = !asProse && IDENTIFIER_TAIL.has(words.filter((w) => !/^\d+$/.test(w)).at(-1) ?? '');
  // `… is 50% of the market value, namely`: what follows a rate's `of` is its basis, not the sentence's figure.
  const rateAt = prose ? rateBasisAt(words) : -1;
  // A label that is a distractor word for word (`Cash account`) is no synonym one slip away (`cash accounts`).
  const isDistractor = distractors.some((d) => d.length === words.length && d.every((w, i) => w === words[i]));
  let best: LabelMatch | null = null;
  let bestRank = -1;
  for (const syn of SYNONYMS) {
    if (targets && !targets.has(syn.target)) continue;
    if (identifier && !NOT_MONEY.has(syn.target)) continue;
    const st = synTokens.get(syn)!;
    if (st.length === 0 || st.length > words.length) continue;
    const win = findWindow(words, st);
    if (!win || (isDistractor && win.quality < 1)) continue;
    const from = win.at;
    const to = win.at + st.length;
    const scope = prose ? words.slice(Math.max(0, from - 3), words.length) : words;
    const offset = prose ? Math.max(0, from - 3) : 0;
    if (distractors.some((d) => containsSeq(scope, d, from - offset, to - offset) && !containsSeq(st, d, -1, -1)))
      continue;
    const extras = words.filter((_, i) => i < from || i >= to);
    // `Equity Required`, `Required Maintenance Equity`: the equity an account must hold is a requirement, not its equity.
    if (syn.target === 'total_equity' && extras.some((w) => REQUIRED.has(w)) && !st.some((w) => REQUIRED.has(w)))
      continue;
    // `Overskud over vedligeholdelsesmargin`, `Letét feletti többlet`: the pivot and the basis on its far side
    // name what the figure is measured against, not words the label lacks.
    const pivotAt = words.findIndex((w, i) => i >= to && isPivot(w));
    // A postposition's basis stands before it: from the start when the synonym follows (`… üzeri fazla`),
    // from the synonym's end when it precedes (`Ylijäämä ylläpitomarginaalin yli`).
    const postAt = words.findIndex((w, i) => i > 0 && POSTPOSITIONS.has(w));
    const basis = (i: number) =>
      (pivotAt > 0 && i >= pivotAt) || (postAt > 0 && i <= postAt && (postAt < from || (postAt >= to && i >= to)));
    const unknown = words.filter((w, i) => (i < from || i >= to) && !basis(i) && !NOISE.has(w) && !/^\d+$/.test(w));
    let penalty: number;
    if (prose) {
      if (rateAt >= 0 && from > rateAt) continue;
      const end = rateAt >= to ? rateAt : words.length;
      const distance = end - to;
      // Filler words (`we require on your positions at that date was`) do not put the label out of reach.
      if (words.slice(to, end).filter((w) => !STOP.has(w)).length > 8) continue;
      penalty = 0.9 - 0.015 * distance;
    } else {
      if (st.length === 1 && unknown.length > 0) continue;
      if (unknown.length > 2) continue;
      if (syn.target === 'account' && extras.some((w) => !ACCOUNT_EXTRAS.has(w))) continue;
      penalty = 1 - 0.015 * (extras.length - unknown.length) - 0.13 * unknown.length;
    }
    const abbreviated = tokens.slice(from, to).some((t) => t.abbreviated);
    // `Excess over house requirement` is an excess: what follows `over` is the basis, not the figure.
    const pivot = words.findIndex((w, i) => i > 0 && isPivot(w));
    const afterPivot = pivot > 0 && from > pivot && !st.includes(words[pivot]!);
    // `Sürdürme teminatı üzeri fazla`: the synonym right before a postposition is the basis.
    const beforePost = postAt > 0 && to === postAt;
    const quality = win.quality < 1 ? win.quality : abbreviated ? 0.95 : 1;
    const score = quality * Math.min(1, syn.weight) * penalty * (afterPivot || beforePost ? 0.8 : 1);
    // Weight above 1 breaks ties (house over plain); covering more words beats a shorter synonym.
    const rank = score * Math.max(1, syn.weight) + st.length * 0.002;
    if (rank > bestRank) {
      bestRank = rank;
      best = { target: syn.target, score, synonym: syn, negate: Boolean(syn.negate), words: extras };
    }
  }
  return best && best.score >= MIN_SCORE ? best : null;
}

/** Below this a label names no field. */
const MIN_SCORE = 0.6;

/**
 * The label names a shortfall (`Margin shortfall`, `Deficiency`, `Unterdeckung`): the excess printed as a
 * positive deficit, which the synonyms mark as negated. A deficit the account does not have is no call.
 */
export function namesDeficit(match: LabelMatch): boolean {
  return match.target === 'excess_liquidity' && match.negate;
}

/** Where a word for nothing (`None`, `Nil`) stands for a margin call of 0: a call's label, or a shortfall's. */
export function noneIsNoCall(match: LabelMatch): boolean {
  return match.target === 'margin_call' || namesDeficit(match);
}

// Word lists in the form labels are compared in: folded, one word each (`i alt` gives i and alt).
const tokenSet = (list: Iterable<string>): ReadonlySet<string> =>
  new Set([...list].flatMap((w) => tokenize(w).map((t) => t.text)));
const NOISE = tokenSet(NOISE_WORDS);
const REQUIRED = tokenSet(REQUIRED_WORDS);
const IDENTIFIER_TAIL: ReadonlySet<string> = new Set(IDENTIFIER_TAIL_WORDS);
/** Targets whose labels may end in an identifier word (`Account No.`, `Currency Code`). */
const NOT_MONEY: ReadonlySet<LabelTarget> = new Set(['account', 'date', 'currency']);
const PIVOTS = tokenSet(PIVOT_WORDS);
const LONG_PIVOTS = [...PIVOTS].filter((p) => p.length >= 5);
/** A pivot word, or a long one within one OCR slip (`veber` for `ueber`), as the synonyms' words are read. */
const isPivot = (w: string): boolean =>
  PIVOTS.has(w) || (w.length >= 5 && LONG_PIVOTS.some((p) => tokenSimilarity(w, p) > 0));
const POSTPOSITIONS = tokenSet(POSTPOSITION_PIVOTS);
const ACCOUNT_EXTRAS = tokenSet(ACCOUNT_LABEL_WORDS);
const STOP = tokenSet(PROSE_STOP_WORDS);
