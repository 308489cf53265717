/**
 * The words around figures that say whose and which figure it is, as data: the words that mark a
 * row or column as the current one, as a distractor (prior, change, YTD…), as a total (never an
 * account), an account printed beside the real one (master, sweep…), and words that mean "nothing"
 * where a figure would stand (a margin call of 0). Logic files ask `contextOf` / `isNoneWord`;
 * they hold no keyword lists of their own.
 */

import {
  MORE_CURRENT_WORDS,
  MORE_NONE_WORDS,
  MORE_PIVOT_WORDS,
  MORE_PRIOR_WORDS,
  MORE_TOTAL_WORDS,
} from './context.words.more.ts';
import { foldedWords } from './word.patterns.ts';

export type FigureContext = 'current' | 'distractor' | 'total' | 'combined';

/** Each phrase is matched as whole words, case-insensitively, after punctuation is dropped. */
export const CONTEXT_PHRASES: Record<FigureContext, readonly string[]> = {
  current: [
    'current',
    'today',
    'todays',
    'this period',
    'this month',
    'this day',
    'end of day',
    'end of period',
    'closing',
    'ending',
    'now',
    'actual',
    'aktuell',
    'actuel',
    'attuale',
    'oggi',
    'vandaag',
    'hoje',
    'hoy',
    ...MORE_CURRENT_WORDS,
  ],
  distractor: [
    'prior',
    'prior day',
    'previous',
    'previous day',
    'prev',
    'yesterday',
    'last period',
    'last month',
    'last day',
    'change',
    'net change',
    'chg',
    'difference',
    'diff',
    'variance',
    'movement',
    'ytd',
    'mtd',
    'qtd',
    'year to date',
    'month to date',
    'average',
    'avg',
    'high',
    'low',
    'opening',
    'beginning',
    'start of day',
    'day trading',
    'day trade',
    'vortag',
    'veille',
    'precedente',
    'précédent',
    'anterior',
    'vorige',
    'vorige werkdag',
    'ieri',
    'ontem',
    'ayer',
    ...MORE_PRIOR_WORDS,
  ],
  total: [
    'total',
    'totals',
    'page total',
    'report total',
    'grand total',
    'subtotal',
    'sub total',
    'summe',
    'gesamt',
    ...MORE_TOTAL_WORDS,
  ],
  combined: [
    'combined',
    'household',
    'consolidated',
    'aggregate',
    'all accounts',
    'firm total',
    'group total',
    'relationship total',
    'family total',
  ],
};

/** An account printed beside the one the figures belong to: never the report's account. */
export const OTHER_ACCOUNT_WORDS: readonly string[] = [
  'master',
  'sweep',
  'swap',
  'linked',
  'link',
  'clearing',
  'correspondent',
  'parent',
  'omnibus',
  'related',
  'funding',
  'settlement',
  'introducing',
  // A transfer's counterpart (`TRANSFER FROM ACCT 433-24908`).
  'transfer',
  'transferred',
  'from',
  'journal',
];

/** Words that make a label a difference of two figures (`Equity over requirement` is an excess). */
export const PIVOT_WORDS: readonly string[] = ['over', 'above', 'vs', 'versus', 'less', 'minus', ...MORE_PIVOT_WORDS];

export { POSTPOSITION_WORDS } from './context.words.more.ts';

/**
 * Words of a sentence that say nothing about which figure follows (`your long positions had a
 * market value of`): read around a field's words without making its label unclear.
 */
export const PROSE_STOP_WORDS: readonly string[] = [
  'a',
  'an',
  'the',
  'your',
  'our',
  'its',
  'their',
  'this',
  'that',
  'which',
  'who',
  'and',
  'or',
  'but',
  'then',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'being',
  'has',
  'had',
  'have',
  'of',
  'to',
  'at',
  'in',
  'on',
  'by',
  'for',
  'with',
  'as',
  'now',
  'currently',
  'came',
  'stood',
  'stands',
  'amounts',
  'amounted',
  'totals',
  'totalled',
  'equals',
  'reached',
  'below',
  'under',
  'above',
  'there',
  'it',
  'you',
  'we',
  'all',
  'still',
  'today',
];

/** Words that introduce the date a margin call must be met by (`due by`, `must be met by`, `Due Date`). */
export const CALL_DUE_PHRASES: readonly string[] = [
  'due date',
  'due by',
  'due on',
  'must be met by',
  'to be met by',
  'met by',
  'no later than',
  'deadline',
  'payable by',
  'fällig am',
  'fälligkeit',
  'zahlbar bis',
  'échéance',
  'date limite',
  'à régler avant le',
  'scadenza',
  'fecha límite',
  'vencimiento',
];

/** Printed where a figure would be, meaning there is none: a value of 0 (a margin call of 0). */
export const NONE_WORDS: readonly string[] = [
  'none',
  'nil',
  'no call',
  'no calls',
  'no margin call',
  'no margin calls',
  'n a',
  'not applicable',
  'keine',
  'kein',
  'néant',
  'neant',
  'aucun',
  'aucune',
  'nessuno',
  'nessuna',
  'ninguno',
  'ninguna',
  'no hay',
  'sin llamada',
  'geen',
  'não há',
  'nao ha',
  'nenhuma',
  'nenhum',
  'inget',
  'ingen',
  'inga',
  'brak',
  'zadne',
  'nie dotyczy',
  ...MORE_NONE_WORDS,
  'なし',
  '無し',
  // Chinese `无` / `無` (`追加保证金  无 None`).
  '无',
  '無',
  '없음',
];

/** How a cell that stands for no figure starts (`No`, `None`, `Nil`, `N/A`): such a cell is never a label. */
export const NONE_LEAD_WORDS: readonly string[] = ['no', 'none', 'nil', 'n/a'];

// Accents fold on both sides (`žádná` = zadna, `Καμία` = καμια), as every word list is compared.
const words = foldedWords;

const phraseTable = (Object.entries(CONTEXT_PHRASES) as [FigureContext, readonly string[]][]).flatMap(([ctx, list]) =>
  list.map((p) => ({ ctx, words: words(p) })),
);

function containsPhrase(hay: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((n, k) => hay[i + k] === n)) return true;
  return false;
}

/**
 * What a row label, column title or qualifier (`prior:`) says about the figures it governs. A
 * distractor wins over `current` (`Current vs prior` is not a current column), combined over total.
 */
export function contextOf(text: string): FigureContext | null {
  const w = words(text);
  if (w.length === 0) return null;
  const found = new Set(phraseTable.filter((p) => containsPhrase(w, p.words)).map((p) => p.ctx));
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
  const totalWords = new Set(
    phraseTable.filter((p) => p.ctx === 'total' || p.ctx === 'combined').flatMap((p) => p.words),
  );
  return w.every((x) => totalWords.has(x));
}

/** True when the words name another account (`Master Account`, `Sweep acct`). */
export function namesOtherAccount(text: string): boolean {
  const w = words(text);
  return OTHER_ACCOUNT_WORDS.some((o) => w.includes(o));
}

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
  if (w.length > 0 && NONE_WORDS.some((n) => words(n).join(' ') === w)) return true;
  // Bilingual without a separator (`なし None`): every word says there is none.
  const each = words(t);
  if (each.length > 1 && each.every((x) => NONE_SINGLE.has(x))) return true;
  // Bilingual (`keine / none`, `aucun | nil`): every half says there is none.
  const halves = t.split(/\s+[/|]\s+/);
  return halves.length > 1 && halves.every(isNoneWord);
}

/** Words after a word for nothing that make a sentence of it (`None of …`), not a value cell. */
export const NONE_SENTENCE_WORDS: readonly string[] = ['of', 'to', 'for', 'in', 'on', 'at'];

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
