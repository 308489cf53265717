/**
 * How logic files turn the word lists of this folder into patterns: a list is data, and a pattern is
 * built from it here, so no logic file spells a keyword inside a regular expression of its own.
 */

/**
 * A letter of the scripts labels are read in (Latin with its accents, Greek, Cyrillic), for a `u` pattern:
 * `letterRun(2)` tells a cell that may be a label (`Nakit`, `Маржа`) from one of digits and marks.
 */
export const LABEL_LETTER = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]`;
export const letterRun = (n: number): RegExp => new RegExp(`${LABEL_LETTER}{${n}}`, 'u');

/** A literal, escaped for a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so a phrase is never cut short by a shorter one it starts with. */
const longestFirst = (phrases: readonly string[]) =>
  [...phrases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/**
 * The phrases as one alternation (no group): a space inside a phrase matches `space`
 * (any run of white space unless told otherwise).
 */
export function alternation(phrases: readonly string[], space = String.raw`\s+`): string {
  if (phrases.length === 0) throw new Error('alternation of no phrases');
  return longestFirst(phrases)
    .map((p) => p.split(' ').map(escapeRegExp).join(space))
    .join('|');
}

/**
 * The phrases as whole words, in one non-capturing group: a word boundary on each side where the
 * phrase has a word character there (`%` and `+/-` have none).
 */
export function phrasePattern(phrases: readonly string[], space = String.raw`\s+`): string {
  if (phrases.length === 0) throw new Error('pattern of no phrases');
  const alts = longestFirst(phrases).map((p) => {
    const body = p.split(' ').map(escapeRegExp).join(space);
    return `${/^\w/.test(p) ? '\\b' : ''}${body}${/\w$/.test(p) ? '\\b' : ''}`;
  });
  return `(?:${alts.join('|')})`;
}

/** `phrasePattern` as a regular expression (case-insensitive unless `flags` say otherwise). */
export function phraseRegExp(phrases: readonly string[], flags = 'i', space?: string): RegExp {
  return new RegExp(phrasePattern(phrases, space), flags);
}

/** True when the lower-cased text contains one of the stems anywhere (`securit` in `Securities`). */
export function containsStem(text: string, stems: readonly string[]): boolean {
  const t = text.toLowerCase();
  return stems.some((s) => t.includes(s));
}

/** True when the lower-cased text starts with one of the prefixes (`acct` in `Acct #`). */
export function startsWithPrefix(text: string, prefixes: readonly string[]): boolean {
  const t = text.toLowerCase();
  return prefixes.some((p) => t.startsWith(p));
}

/**
 * Letters that stay themselves once accents are stripped, each with the plain letters a statement
 * printed without them writes (`ß` ss, `ł` l, `ø` o, `đ` d, Turkish dotless `ı` i, Greek final `ς` σ).
 */
export const LETTER_FOLDS: readonly (readonly [string, string])[] = [
  ['ß', 'ss'],
  ['ł', 'l'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ς', 'σ'],
];
const LETTER_FOLD_RE = new RegExp(`[${LETTER_FOLDS.map(([from]) => from).join('')}]`, 'gu');
const LETTER_FOLD = new Map(LETTER_FOLDS);

/**
 * A text in the one form every word list is compared in: lower case, accents and other marks
 * stripped (Greek tonos, Vietnamese stacked tones, Czech háček, the dot of Turkish `İ`), and the
 * letters above spelled plainly. Cyrillic and Greek stay in their own script; Hangul syllables, which
 * decompose into letters and no marks, compose again.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLD.get(c) ?? c)
    .normalize('NFC');
}

/**
 * A text as folded words (`foldText`) with a possessive joined (`Client’s` → `clients`),
 * split at anything that is no letter or digit: the form phrase lists are compared in.
 */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .replace(/[’']s\b/g, 's')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word list as a set holding each entry as written and its folded words (`účtu` and uctu). */
export const withFoldedWords = (list: readonly string[]): ReadonlySet<string> =>
  new Set(list.flatMap((w) => [w, ...foldedWords(w)]));

/** Phrases of a word list in `foldedWords` form, to be built once. */
export const foldedPhrases = (list: readonly string[]): string[][] => list.map(foldedWords).filter((p) => p.length > 0);

/** Whether the words hold the folded phrase as a run of whole words. */
export function holdsRun(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((x, k) => words[i + k] === x)) return true;
  return false;
}

/** Whether the words hold one of the folded phrases as a run of whole words. */
export function holdsPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((p) => holdsRun(words, p));
}
