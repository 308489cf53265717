import { describe, expect, it } from 'vitest';
import { fingerprintSimilarity, SAME_LAYOUT } from '../../src/extraction/memory/fingerprint.similarity.ts';
import type { LayoutFingerprint } from '../../src/extraction/memory/layout.fingerprint.ts';
import { matchLayout } from '../../src/extraction/memory/layout.match.ts';

const LABELS = [
  'northgate clearing daily margin',
  'statement date',
  'account number',
  'net liquidating value',
  'initial margin requirement',
  'maintenance margin requirement',
  'excess deficit',
  'cash balance',
  'long market value',
  'short market value',
  'margin call',
  'member finra sipc',
];
const OTHER = [
  'harbour securities monthly statement',
  'period ending',
  'portfolio summary',
  'total account value',
  'buying power',
  'special memorandum account',
  'money market',
  'dividends received',
  'interest charged',
  'fed call',
  'house call',
  'important disclosures',
];

/**
 * A layout's labels in one column at the left margin (36 pt), one line per 18 pt from 40 pt down,
 * printed on paper of the given size: the same layout on landscape paper keeps its labels' places
 * in points, so their places as fractions of the paper move.
 */
function printed(labels: string[], page: { width: number; height: number }): LayoutFingerprint {
  return {
    page,
    pages: 1,
    issuer: labels[0]!,
    phrases: labels.map((key, i) => ({
      key,
      x: Math.round((36 / page.width) * 1000) / 1000,
      y: Math.round(((40 + i * 18) / page.height) * 1000) / 1000,
      page: 0,
    })),
    headers: [],
  };
}

const LETTER = { width: 612, height: 792 };
const LANDSCAPE = { width: 792, height: 612 };
const A4 = { width: 595, height: 842 };

describe('layout fingerprint across paper', () => {
  it('matches one layout printed on Letter, A4 and landscape paper', () => {
    for (const paper of [A4, LANDSCAPE])
      expect(fingerprintSimilarity(printed(LABELS, LETTER), printed(LABELS, paper))).toBeGreaterThanOrEqual(
        SAME_LAYOUT,
      );
  });

  it('keeps another layout apart, on the same paper or another', () => {
    for (const paper of [LETTER, A4, LANDSCAPE])
      expect(fingerprintSimilarity(printed(LABELS, LETTER), printed(OTHER, paper))).toBeLessThan(SAME_LAYOUT);
  });

  it('finds a layout taught on Letter for a landscape statement through the index among many layouts', () => {
    const known = Array.from({ length: 100 }, (_, n) => ({
      id: `other-${n}`,
      fingerprint: printed(
        OTHER.map((k) => `${k} ${n}`.replace(/\d+/g, (d) => 'abcdefghij'[Number(d) % 10]!)),
        LETTER,
      ),
    }));
    known.splice(37, 0, { id: 'taught', fingerprint: printed(LABELS, LETTER) });
    expect(matchLayout(printed(LABELS, LANDSCAPE), known)?.layout.id).toBe('taught');
  });

  it('counts a label in its place only where it keeps its place in the printed area, whatever the paper', () => {
    const a = printed(LABELS, LETTER);
    // The same labels, bottom to top: the words agree, their places do not.
    const shuffled = { ...a, phrases: a.phrases.map((p, i) => ({ ...p, y: a.phrases[a.phrases.length - 1 - i]!.y })) };
    expect(fingerprintSimilarity(a, shuffled)).toBeLessThan(fingerprintSimilarity(a, printed(LABELS, LANDSCAPE)));
  });
});
