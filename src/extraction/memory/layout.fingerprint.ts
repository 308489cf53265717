import type { Segmented } from '../layout/segments.ts';
import { phraseKey, similarPhrases } from './phrase.match.ts';

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
    const texts = line.segs.filter((s) => s.kind === 'text');
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

/** How far (in page fractions) a phrase may move and still count as in the same place: fonts and line counts shift things. */
const PLACE_TOLERANCE = 0.08;

/**
 * How alike two fingerprints are, 0..1: the share of label phrases both print (fuzzily, so a scan's
 * misread letters still count), each worth more when it sits in the same place; table headers and
 * the issuer add to it. Pages of another size or orientation are another layout.
 */
export function fingerprintSimilarity(a: LayoutFingerprint, b: LayoutFingerprint): number {
  if (!samePaper(a.page, b.page)) return 0;
  if (a.phrases.length === 0 || b.phrases.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const p of a.phrases) {
    let best = -1;
    let bestScore = 0;
    b.phrases.forEach((q, j) => {
      if (used.has(j) || p.page !== q.page || !similarPhrases(p.key, q.key)) return;
      const near = Math.abs(p.x - q.x) <= PLACE_TOLERANCE && Math.abs(p.y - q.y) <= PLACE_TOLERANCE * 2;
      const score = near ? 1 : 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    if (best >= 0) {
      used.add(best);
      matched += bestScore;
    }
  }
  // Dice over phrases: two statements of one layout share nearly all their labels, whatever else they print.
  const phraseScore = (2 * matched) / (a.phrases.length + b.phrases.length);
  // The issuer is among the phrases, and counts no more: one broker prints several layouts.
  const headerScore = a.headers.length === 0 && b.headers.length === 0 ? phraseScore : overlap(a.headers, b.headers);
  return 0.8 * phraseScore + 0.2 * headerScore;
}

/** Two documents whose similarity reaches this are taken for one layout. */
export const SAME_LAYOUT = 0.35;

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const hits = a.filter((h) => b.some((k) => similarPhrases(h, k))).length;
  const back = b.filter((h) => a.some((k) => similarPhrases(h, k))).length;
  return (hits + back) / (a.length + b.length);
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

/** The best-matching known layout at or above `SAME_LAYOUT`, with its similarity; null when none is. */
export function matchLayout<T extends { fingerprint: LayoutFingerprint }>(
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
