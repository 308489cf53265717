import type { Segmented } from '../layout/segments.ts';
import { phraseKey, similarPhrases, similarWords } from './phrase.match.ts';

/**
 * What stays the same between two statements of one layout: the words it prints around the figures
 * (issuer, labels, column titles, captions), where on the page they sit, the page size, and the
 * table header rows. Figures, dates and anything with a digit (account numbers, phone numbers) are
 * left out, so the day, the account and the values never change a fingerprint.
 */
export interface LayoutFingerprint {
  /** Page size of the first page in PDF points, rounded. */
  page: { width: number; height: number };
  /** Number of pages (a layout may run to a second page on a busy day: compared loosely). */
  pages: number;
  /** The issuer: the words of the first text line of the first page. */
  issuer: string;
  /** Label phrases, each with its place on its page (0..1 of the page's width and height) and page. */
  phrases: { key: string; x: number; y: number; page: number }[];
  /** Table header rows: lines of two or more short captions and no figures, as their joined keys. */
  headers: string[];
}

export interface PageSize {
  width: number;
  height: number;
}

const MAX_PHRASES = 160;
/** A phrase longer than this is prose (a disclaimer whose wrapping moves with the font), not a label. */
const MAX_WORDS = 7;

/** The fingerprint of a document, from its segmented lines and its pages' sizes. */
export function fingerprintOf(lines: Segmented[], pages: PageSize[]): LayoutFingerprint {
  const first = pages[0] ?? { width: 612, height: 792 };
  const phrases: LayoutFingerprint['phrases'] = [];
  const seen = new Set<string>();
  const headers: string[] = [];
  let issuer = '';
  for (const line of lines) {
    const size = pages[line.page] ?? first;
    // A scan's specks and rules (`|`, `—`, `_`) are read as text: they are no caption, and must not
    // keep a table's header row from being one.
    const texts = line.segs.filter((s) => s.kind === 'text' && !speck(s.text));
    const keys: string[] = [];
    for (const seg of texts) {
      if (/\d/.test(seg.text)) continue;
      const key = phraseKey(seg.text);
      if (key.replace(/ /g, '').length < 3 || key.split(' ').length > MAX_WORDS) continue;
      keys.push(key);
      if (!issuer && line.page === 0) issuer = key;
      const id = `${line.page > 0 ? 1 : 0}:${key}`;
      if (seen.has(id) || phrases.length >= MAX_PHRASES) continue;
      seen.add(id);
      phrases.push({
        key,
        x: round3(seg.x0 / size.width),
        y: round3(line.top / size.height),
        page: Math.min(line.page, 1),
      });
    }
    const amounts = line.segs.some((s) => s.kind === 'amount');
    if (!amounts && keys.length >= 2 && keys.length === texts.length && keys.every((k) => k.split(' ').length <= 4))
      headers.push(keys.join('|'));
  }
  return {
    page: { width: Math.round(first.width), height: Math.round(first.height) },
    pages: pages.length,
    issuer,
    phrases,
    headers: [...new Set(headers)],
  };
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Text with fewer than two letters: a scan's speck, a rule, a bullet. */
const speck = (text: string) => (text.match(/\p{L}/gu)?.length ?? 0) < 2;

/** How far (in page fractions) a phrase may move and still count as in the same place: fonts and line counts shift things. */
const PLACE_TOLERANCE = 0.08;

type Phrase = LayoutFingerprint['phrases'][number];
/** A phrase with its place also inside its page's printed area (0..1 from the area's left and top edges). */
interface Placed extends Phrase {
  cx: number;
  cy: number;
}

/**
 * Each phrase's place inside the area its page prints on (the box of the page's label phrases): the
 * same layout printed on Letter, A4 or landscape paper keeps its labels' places in that area while
 * their places on the paper move. Computed from the stored phrases, so stored fingerprints compare too.
 */
function placed(phrases: readonly Phrase[]): Placed[] {
  const box = new Map<number, { x0: number; y0: number; x1: number; y1: number }>();
  for (const p of phrases) {
    const b = box.get(p.page) ?? { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
    box.set(p.page, {
      x0: Math.min(b.x0, p.x),
      y0: Math.min(b.y0, p.y),
      x1: Math.max(b.x1, p.x),
      y1: Math.max(b.y1, p.y),
    });
  }
  return phrases.map((p) => {
    const b = box.get(p.page)!;
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    return { ...p, cx: w > 0 ? (p.x - b.x0) / w : 0, cy: h > 0 ? (p.y - b.y0) / h : 0 };
  });
}

/** Near on the paper (same paper only) or inside the printed area (any paper). */
const nearPlaced = (p: Placed, q: Placed, paper: boolean) =>
  (paper && nearPlace(p, q)) || nearPlace({ x: p.cx, y: p.cy }, { x: q.cx, y: q.cy });

/**
 * How alike two fingerprints are, 0..1: the share of label phrases both print (fuzzily, so a scan's
 * misread letters still count), each worth more when it sits in the same place (on the paper, or
 * inside the printed area, whatever the paper); table headers and the issuer add to it. The paper's
 * size and orientation are no gate: one layout is printed on Letter, A4 and landscape alike.
 */
export function fingerprintSimilarity(
  a: LayoutFingerprint,
  b: LayoutFingerprint,
  /** `pieces: false`: whole labels only, as before labels were also found word by word (the bench compares). */
  opts: { pieces?: boolean } = {},
): number {
  if (a.phrases.length === 0 || b.phrases.length === 0) return 0;
  const paper = samePaper(a.page, b.page);
  const pa = placed(a.phrases);
  const pb = placed(b.phrases);
  const used = new Set<number>();
  const usedA = new Set<number>();
  let matched = 0;
  for (const [i, p] of pa.entries()) {
    let best = -1;
    let bestScore = 0;
    pb.forEach((q, j) => {
      if (used.has(j) || p.page !== q.page || !similarPhrases(p.key, q.key)) return;
      const score = nearPlaced(p, q, paper) ? 1 : 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    if (best >= 0) {
      used.add(best);
      usedA.add(i);
      matched += bestScore;
    }
  }
  // A label a scan cut or joined otherwise (`Kurs  Kurswert CHF` read as one, `Seite 1 von 2` as
  // `Seite i von`) is found word by word in the labels printed at its place, on both sides.
  const pieces = opts.pieces === false ? 0 : pieceCredit(pa, usedA, pb, paper) + pieceCredit(pb, used, pa, paper);
  // Dice over phrases: two statements of one layout share nearly all their labels, whatever else they print.
  const phraseScore = (2 * matched + pieces) / (a.phrases.length + b.phrases.length);
  // The issuer is among the phrases, and counts no more: one broker prints several layouts.
  const headerScore = a.headers.length === 0 && b.headers.length === 0 ? phraseScore : overlap(a.headers, b.headers);
  return 0.8 * phraseScore + 0.2 * headerScore;
}

/** The share of a label's words that must be printed at its place for the label to count in part. */
const PIECE_SHARE = 0.5;
/** A label found only in pieces counts half: a whole label is the stronger sign. */
const PIECE_WEIGHT = 0.5;

/**
 * What the labels left unmatched (`matched` holds the others' indexes) earn word by word: each, the
 * share of its words printed in one label at its place (near, same page) on the other side, when at
 * least half are. Words of four letters or more may have a misread letter or two.
 */
function pieceCredit(mine: Placed[], matched: ReadonlySet<number>, theirs: Placed[], paper: boolean): number {
  let credit = 0;
  mine.forEach((p, i) => {
    if (matched.has(i)) return;
    const words = p.key.split(' ').filter((w) => w.length >= 3);
    if (words.length === 0) return;
    let best = 0;
    for (const q of theirs) {
      if (q.page !== p.page || !nearPlaced(p, q, paper)) continue;
      const other = q.key.split(' ');
      const found = words.filter((w) => other.some((v) => v === w || (w.length >= 4 && similarWords(w, v)))).length;
      best = Math.max(best, found / words.length);
    }
    if (best >= PIECE_SHARE) credit += best * PIECE_WEIGHT;
  });
  return credit;
}

const nearPlace = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.abs(p.x - q.x) <= PLACE_TOLERANCE && Math.abs(p.y - q.y) <= PLACE_TOLERANCE * 2;

/** Two documents whose similarity reaches this are taken for one layout. */
export const SAME_LAYOUT = 0.35;

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const hits = a.filter((h) => b.some((k) => similarHeaders(h, k))).length;
  const back = b.filter((h) => a.some((k) => similarHeaders(h, k))).length;
  return (hits + back) / (a.length + b.length);
}

/** Share of two header rows' words (Dice) that must agree for them to be one header row. */
const HEADER_WORDS = 0.6;

/**
 * Two header rows are one when they print nearly the same caption words, each allowing a misread
 * letter or two, however the captions were cut into pieces: a scan reads `Kurs  Kurswert CHF` as one
 * caption and misreads `Währung` as `Wiihrung`; another day prints `EUR` for `CHF`.
 */
export function similarHeaders(a: string, b: string): boolean {
  if (similarPhrases(a, b)) return true;
  const x = a.split(/[| ]+/).filter(Boolean);
  const y = b.split(/[| ]+/).filter(Boolean);
  if (x.length === 0 || y.length === 0) return false;
  const used = new Set<number>();
  let hit = 0;
  for (const w of x) {
    const j = y.findIndex((v, k) => !used.has(k) && (v === w || (w.length >= 4 && similarWords(w, v))));
    if (j >= 0) {
      used.add(j);
      hit++;
    }
  }
  return (2 * hit) / (x.length + y.length) >= HEADER_WORDS;
}

/** Letter and A4 differ by 17 pt in width: a few points of slack, and the same orientation. */
function samePaper(a: PageSize, b: PageSize): boolean {
  return Math.abs(a.width - b.width) <= 8 && Math.abs(a.height - b.height) <= 8;
}

/** A short stable name for a layout, from the fingerprint of the first statement taught: `L` and 8 hex digits. */
export function layoutIdOf(fp: LayoutFingerprint): string {
  const basis = [
    `${fp.page.width}x${fp.page.height}`,
    fp.issuer,
    ...fp.phrases
      .slice(0, 40)
      .map((p) => p.key)
      .sort(),
  ].join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < basis.length; i++) {
    h ^= basis.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `L${h.toString(16).padStart(8, '0')}`;
}

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
