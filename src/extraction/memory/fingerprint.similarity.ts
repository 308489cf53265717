import type { LayoutFingerprint, PageSize } from './layout.fingerprint.ts';
import { similarPhrases, similarWords } from './phrase.match.ts';

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
