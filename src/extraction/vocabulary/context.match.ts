/**
 * Matching of the context words (fields.context.ts) against a label, column title or value cell: which
 * context a text names, whether it is a total row's label only, another account's, or a word for nothing.
 */

import {
  CONTEXT_PHRASES,
  type FigureContext,
  NONE_SENTENCE_WORDS,
  NONE_WORDS,
  OTHER_ACCOUNT_WORDS,
} from './fields.context.ts';
import { foldedWords, holdsRun } from './word.patterns.ts';

// Accents fold on both sides (`žádná` = zadna, `Καμία` = καμια), as every word list is compared.
const words = foldedWords;

const phraseTable = (Object.entries(CONTEXT_PHRASES) as [FigureContext, readonly string[]][]).flatMap(([ctx, list]) =>
  list.map((p) => ({ ctx, words: words(p) })),
);
/** Every word of the total and combined phrases: a label of these words alone is a total row's. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(
  phraseTable.filter((p) => p.ctx === 'total' || p.ctx === 'combined').flatMap((p) => p.words),
);

/**
 * What a row label, column title or qualifier (`prior:`) says about the figures it governs. A
 * distractor wins over `current` (`Current vs prior` is not a current column), combined over total.
 */
export function contextOf(text: string): FigureContext | null {
  const w = words(text);
  if (w.length === 0) return null;
  const found = new Set(phraseTable.filter((p) => holdsRun(w, p.words)).map((p) => p.ctx));
  for (const ctx of ['distractor', 'combined', 'total', 'current'] as const) if (found.has(ctx)) return ctx;
  return null;
}

/**
 * True when a label is a total row's and nothing more (`TOTAL`, `Page total`): a label that goes on to
 * name a figure (`Total Account Worth`, `Total Equity`) is that figure's label, not a total row's.
 */
export function isTotalOnly(text: string): boolean {
  const w = words(text);
  if (w.length === 0 || contextOf(text) !== 'total') return false;
  return w.every((x) => TOTAL_WORDS.has(x));
}

/** True when the words name another account (`Master Account`, `Sweep acct`). */
export function namesOtherAccount(text: string): boolean {
  const w = words(text);
  return OTHER_ACCOUNT_WORDS.some((o) => w.includes(o));
}

/** Each none-word as its folded words joined by spaces, folded once. */
const NONE_PHRASES: ReadonlySet<string> = new Set(NONE_WORDS.map((n) => words(n).join(' ')));
const NONE_SINGLE: ReadonlySet<string> = new Set(
  NONE_WORDS.map(words)
    .filter((w) => w.length === 1)
    .map((w) => w[0]!),
);

/** True when the text, as a whole, says there is no figure (`NONE`, `Nil`, `keine`, `—`). */
export function isNoneWord(text: string): boolean {
  const t = text.trim();
  if (/^[-–—]+$/.test(t)) return true;
  const w = words(t).join(' ');
  if (w.length > 0 && NONE_PHRASES.has(w)) return true;
  // Bilingual without a separator (`なし None`): every word says there is none.
  const each = words(t);
  if (each.length > 1 && each.every((x) => NONE_SINGLE.has(x))) return true;
  // Bilingual (`keine / none`, `aucun | nil`): every half says there is none.
  const halves = t.split(/\s+[/|]\s+/);
  return halves.length > 1 && halves.every(isNoneWord);
}

/** Letters of a scan's speck read as a word after a value cell's word (`None tore |`, a cell border). */
const NOISE_TAIL_LETTERS = 4;

/**
 * A value cell that says there is none, as a scan may read it: the word for nothing, then at most one
 * short stray word or table rule (`None tore |`, `Nil |`). Not a sentence (`None of the above`).
 */
export function isNoneCell(text: string): boolean {
  if (isNoneWord(text)) return true;
  const parts = text
    .trim()
    .split(/\s+/)
    .filter((p) => /\p{L}|\p{N}/u.test(p));
  if (parts.length !== 2) return false;
  const [head, tail] = parts as [string, string];
  const word = tail.replace(/\W/g, '');
  return (
    isNoneWord(head) &&
    /^\p{L}+\W*$/u.test(tail) &&
    word.length <= NOISE_TAIL_LETTERS &&
    !NONE_SENTENCE_WORDS.includes(word.toLowerCase())
  );
}
