import { fingerprintSimilarity, SAME_LAYOUT } from './fingerprint.similarity.ts';
import type { LayoutFingerprint } from './layout.fingerprint.ts';

/**
 * The best-matching known layout at or above `SAME_LAYOUT`, with its similarity; null when none is.
 * A workspace with many layouts is searched through an index (see `shortlist`): only the layouts on
 * that share the most label words with the document are compared phrase by phrase.
 */
export function matchLayout<T extends { fingerprint: LayoutFingerprint }>(
  fp: LayoutFingerprint,
  known: readonly T[],
): { layout: T; similarity: number } | null {
  return bestOf(fp, known.length < INDEX_FROM ? known : shortlist(fp, known));
}

/** Every known layout compared phrase by phrase: what the index must agree with (the bench checks). */
export function matchLayoutExhaustive<T extends { fingerprint: LayoutFingerprint }>(
  fp: LayoutFingerprint,
  known: readonly T[],
): { layout: T; similarity: number } | null {
  return bestOf(fp, known);
}

function bestOf<T extends { fingerprint: LayoutFingerprint }>(
  fp: LayoutFingerprint,
  known: readonly T[],
): { layout: T; similarity: number } | null {
  let best: { layout: T; similarity: number } | null = null;
  for (const k of known) {
    const similarity = fingerprintSimilarity(fp, k.fingerprint);
    if (similarity >= SAME_LAYOUT && (!best || similarity > best.similarity)) best = { layout: k, similarity };
  }
  return best;
}

/** Below this many layouts, comparing the document with each one costs less than the index. */
const INDEX_FROM = 64;
/** How many layouts the index hands to the phrase-by-phrase comparison. */
const SHORTLIST = 24;
/** Postings counted per document: its rarest words first, the commonest (`total`, `account`) only while within this. */
const POSTINGS_BUDGET = 40_000;
/** The rarest words are always counted, however common, so a document of common words still finds its layout. */
const RAREST = 8;

interface WordIndex {
  /** Each label phrase and word → the layouts that print it. */
  words: Map<string, number[]>;
  /** Per layout, the sum of its words' weights (rarer words weigh more). */
  mass: Float64Array;
}

/** Built once per list of layouts (the store's list is one array per load). */
const indexes = new WeakMap<readonly object[], WordIndex>();

/** What the index knows a layout by: its whole label phrases, and their words of four letters or more (a scan misreads a letter of a phrase, and the other words still count). */
const wordsOf = (fp: LayoutFingerprint): Set<string> =>
  new Set(fp.phrases.flatMap((p) => [`=${p.key}`, ...p.key.split(' ').filter((w) => w.length >= 4)]));

/** A word's weight: the rarer among the layouts, the more it tells them apart. */
const weight = (layouts: number, printing: number) => Math.log(1 + layouts / printing);

function indexOf(known: readonly { fingerprint: LayoutFingerprint }[]): WordIndex {
  const had = indexes.get(known);
  if (had) return had;
  const words = new Map<string, number[]>();
  const own = known.map((k) => wordsOf(k.fingerprint));
  own.forEach((set, i) => {
    for (const w of set) {
      const list = words.get(w);
      if (list) list.push(i);
      else words.set(w, [i]);
    }
  });
  const mass = new Float64Array(known.length);
  own.forEach((set, i) => {
    for (const w of set) mass[i] = mass[i]! + weight(known.length, words.get(w)!.length);
  });
  const index = { words, mass };
  indexes.set(known, index);
  return index;
}

/**
 * The layouts worth comparing with a document: whatever their paper, sharing the most label words with
 * it, rarer words weighing more (a weighted Dice over word sets). Words survive a scan's misread
 * letters better than whole phrases do, and the phrase-by-phrase comparison (fuzzy) then decides
 * among these few. The cost is a bounded number of postings, not the layouts times their phrases.
 */
function shortlist<T extends { fingerprint: LayoutFingerprint }>(fp: LayoutFingerprint, known: readonly T[]): T[] {
  const index = indexOf(known);
  const postings = [...wordsOf(fp)]
    .map((w) => index.words.get(w))
    .filter((l): l is number[] => l !== undefined)
    .sort((a, b) => a.length - b.length);
  const score = new Float64Array(known.length);
  const touched: number[] = [];
  let spent = 0;
  let queryMass = 0;
  for (const [k, list] of postings.entries()) {
    const w = weight(known.length, list.length);
    queryMass += w;
    if (k >= RAREST && spent + list.length > POSTINGS_BUDGET) continue;
    spent += list.length;
    for (const i of list) {
      if (score[i] === 0) touched.push(i);
      score[i] = score[i]! + w;
    }
  }
  return touched
    .map((i) => ({ i, dice: (2 * score[i]!) / (queryMass + index.mass[i]!) }))
    .sort((a, b) => b.dice - a.dice)
    .slice(0, SHORTLIST)
    .map(({ i }) => known[i]!);
}
