import type { Segmented } from '../layout/segments.ts';
import { phraseKey } from './phrase.match.ts';

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
  /**
   * The shapes of the accounts taught with the layout (see account.shape.ts: digits as `9`), set when
   * it is taught; no part of the comparison. Absent on layouts stored before.
   */
  accounts?: string[];
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
