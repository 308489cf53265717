/**
 * The words of sentences and captions around figures and dates, as data: the verbs that hand a
 * sentence over to its figure, the words that call a balance a debit, the phrases that introduce an
 * as-of date, and the phrases that state the currency of the figures. Logic files build their
 * patterns from these lists (`word.patterns.ts`); they spell no keyword of their own.
 */

/** A label ending in one of these is the start of a sentence whose figure follows (`the equity was`). */
export const PROSE_TAIL_WORDS: readonly string[] = [
  'was',
  'is',
  'were',
  'are',
  'of',
  'totals',
  'totaling',
  'totalling',
  'totaled',
  'totalled',
  'equal',
  'equals',
  'amount to',
  'amounts to',
  'stand at',
  'stands at',
];

/** Words that call the figure after them a debit (`your cash balance was a debit of`). */
export const DEBIT_PROSE_WORDS: readonly string[] = ['debit', 'overdrawn', 'owe', 'owed', 'borrowed'];
/**
 * Nouns for money the client owes (a loan, a debt): a cash balance named by one in the clause before its
 * figure (`the margin loan you owe stands at`, `saldo pinjaman marjin … sebesar`) is a debit, whatever
 * its printed sign. Words in parentheses are a note on the sign (`(debt shown with a minus)`), not the name.
 */
export const DEBT_NOUNS: readonly string[] = [
  'loan',
  'debt',
  'overdraft',
  'pinjaman',
  'utang',
  'hutang',
  'lan',
  'gjeld',
  'gæld',
  'laina',
  'velka',
  'dluh',
  'uver',
  'hitel',
  'tartozas',
  'долг',
  'задолженность',
  'заем',
  'займ',
  'δανειο',
  'οφειλη',
  'borc',
];
/** What may follow a debit word before the figure (`debit balance of`). */
export const DEBIT_PROSE_NOUNS: readonly string[] = ['balance', 'amount'];
/** Small words between a debit word and its figure (`overdrawn by`, `owed was`). */
export const PROSE_LINK_WORDS: readonly string[] = ['of', 'was', 'is', 'at'];

/** Phrases that introduce the date the figures are as of (`as of`, `close of business on`). */
export const AS_OF_PHRASES: readonly string[] = [
  'as of',
  'as at',
  'close of business',
  'close of business on',
  'valuation date',
  'period end',
  'period ending',
  'period ended',
  'for the day ending',
  'for the day ended',
  'for the period ending',
  'for the period ended',
  // Indonesian: `pada penutupan perdagangan tanggal 7 Desember 2026` (at the close of trading on).
  'penutupan perdagangan',
];

/** Words right before a compact date (`Date 20260324`): the digits are a date, not a figure. */
export const DATE_LEAD_WORDS: readonly string[] = ['date', 'as of', 'as at', 'period'];

/** Words of a date range (`Period: 11/01/2026 - 11/30/2026`): its end is the as-of date. */
export const DATE_RANGE_WORDS: readonly string[] = [
  'period',
  'from',
  'through',
  'to',
  // `Periodo: dal 01/11 al 30/11`, `van … tot`, `desde … hasta`, `vom … bis` (not `du`/`au`: `Date du relevé`).
  'periodo',
  'período',
  'periode',
  'dal',
  'van',
  'tot',
  'desde',
  'hasta',
  'vom',
  'bis',
];

/** Nouns of a sentence that states the figures' currency (`All amounts are expressed in euros`). */
export const CURRENCY_PROSE_NOUNS: readonly string[] = ['amount', 'amounts', 'figures', 'values', 'balances'];
/** The verb phrase before the currency in such a sentence. */
export const CURRENCY_PROSE_VERBS: readonly string[] = [
  'in',
  'are in',
  'expressed in',
  'stated in',
  'shown in',
  'reported in',
];
/** Words inside parentheses before a currency code (`(in EUR)`, `(all figures in USD)`). */
export const CURRENCY_PAREN_LEADS: readonly string[] = ['in', 'all figures in'];

/** Sentences that say there is no margin call (`No margin call is due`, `no margin shortfall`): a call of 0. */
export const NO_CALL_PHRASES: readonly string[] = [
  'no call',
  'no calls',
  'no margin call',
  'no margin calls',
  'no house call',
  'no house calls',
  'no maintenance call',
  'no maintenance calls',
  'no fed call',
  'no fed calls',
  'no outstanding call',
  'no outstanding calls',
  'not in a call',
  'not in a margin call',
  'not subject to a call',
  'not subject to a margin call',
  // No shortfall, deficit or deficiency: nothing to call.
  'no margin shortfall',
  'no margin deficit',
  'no margin deficiency',
  'no maintenance shortfall',
  'no maintenance deficiency',
];

/**
 * Words after a clock time (`12.00 noon`, `10:00 a.m.`, `by 2 pm`, `1500 hrs`): the number before them is
 * a time of day, never money, even where the word starts the next line of the sentence.
 */
export const TIME_OF_DAY_WORDS: readonly string[] = [
  'noon',
  'midday',
  'midnight',
  'am',
  'a.m.',
  'a.m',
  'pm',
  'p.m.',
  'p.m',
  'hrs',
  'hours',
  "o'clock",
  'oclock',
];

/**
 * Words of a sentence that speaks of another, earlier day than the report's (`For comparison, on
 * Thursday your equity was`, `at the previous close the requirement stood at`): its figures are
 * that day's, not the report's. Whole phrases only: `prior to 4 p.m.` sets a deadline, it names no earlier day.
 */
export const OTHER_DAY_PHRASES: readonly string[] = [
  'for comparison',
  'by comparison',
  'in comparison',
  'previous day',
  'previous business day',
  'previous trading day',
  'previous close',
  'previous statement',
  'prior day',
  'prior business day',
  'prior trading day',
  'prior close',
  'prior statement',
  'preceding day',
  'preceding business day',
  'day before',
  'yesterday',
  'yesterdays',
  // German, French, Italian, Spanish, Portuguese, Dutch, Swedish, Polish.
  'vortag',
  'la veille',
  'ieri',
  'ayer',
  'ontem',
  'gisteren',
  'igår',
  'wczoraj',
];
