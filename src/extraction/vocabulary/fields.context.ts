/**
 * The words around figures that say whose and which figure it is, as data: the words that mark a
 * row or column as the current one, as a distractor (prior, change, YTD…), as a total (never an
 * account), an account printed beside the real one (master, sweep…), and words that mean "nothing"
 * where a figure would stand (a margin call of 0). Logic files ask `contextOf` / `isNoneWord`
 * (context.match.ts); they hold no keyword lists of their own.
 */

import {
  MORE_CURRENT_WORDS,
  MORE_NONE_WORDS,
  MORE_PIVOT_WORDS,
  MORE_PRIOR_WORDS,
  MORE_TOTAL_WORDS,
} from './context.words.more.ts';

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
  // The securities account collateral is pledged in, at the bank or the central securities depository.
  'pledge',
  'pledged',
  'csd',
  // A bank account's international number printed beside the margin or credit account.
  'iban',
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

/** Words after a word for nothing that make a sentence of it (`None of …`), not a value cell. */
export const NONE_SENTENCE_WORDS: readonly string[] = ['of', 'to', 'for', 'in', 'on', 'at'];
