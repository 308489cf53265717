import { editDistance } from '../parse/edit.distance.ts';

/**
 * Label text as layout memory compares it: lower case, letters and spaces only, so leader dots,
 * colons, a scan's stray marks and a font's ligatures do not make two printings of a label differ.
 */
export function phraseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Share of characters that may differ (OCR misreads a letter or two in a label). */
const FUZZ = 0.15;

/** True when two phrase keys are the same label, allowing a few misread letters in longer ones. */
export function similarPhrases(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  const allowed = Math.floor(longest * FUZZ);
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}

/** Share of a word's letters a scan may misread (a word is short: `Wiihrung` for `Währung` is two of eight). */
const WORD_FUZZ = 0.25;

/** True when two words are one, allowing a misread letter or two in words of four letters or more. */
export function similarWords(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.floor(Math.max(a.length, b.length) * WORD_FUZZ);
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}
