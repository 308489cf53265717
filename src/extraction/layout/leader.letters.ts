import { LEADER_GLYPHS } from '../vocabulary/ocr.glyphs.ts';

/** Shortest run OCR makes of a leader: a leader spans a column gap, many dots wide. */
const MIN_RUN = 8;
/** Least share of a run's letters that are leader glyphs (OCR strays into `o`, `e`, `s` now and then). */
const MIN_SHARE = 0.75;
const WORD = /\S+/g;
const GLYPH = new RegExp(`[${LEADER_GLYPHS}]`, 'gi');

/**
 * Where a scan's dotted leader was read as letters (`Kurswert Long-Positionen vouvvvivivviviviniinn,`):
 * words of at least eight letters, three in four of them the glyphs dots turn into. No label's word is
 * built so; the word is a leader, which ends the label before it.
 */
export function leaderLetterRuns(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const letters = m[0].replace(/[^\p{L}]/gu, '');
    if (letters.length < MIN_RUN) continue;
    const glyphs = (letters.match(GLYPH) ?? []).length;
    if (glyphs / letters.length >= MIN_SHARE) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
