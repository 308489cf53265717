/**
 * The words of table column titles, by what the column holds: the current figures, a prior or
 * opening one, a change, a period statistic (YTD, average, high), a base-currency or converted total,
 * the house requirement, an exchange or regulatory one. `fields/columns.ts` builds its patterns from
 * these lists; each phrase is matched as whole words in the lower-cased title.
 */

export type TitleKind = 'prior' | 'change' | 'period' | 'base' | 'house' | 'exchange' | 'current';

export const COLUMN_TITLE_WORDS: Readonly<Record<TitleKind, readonly string[]>> = {
  prior: [
    'prior',
    'previous',
    'prev',
    'yesterday',
    'last',
    'beginning',
    'opening',
    'start',
    'starting',
    'ago',
    'earlier',
    // German, French, Italian, Dutch, Portuguese, Spanish.
    'vortag',
    'veille',
    'précédent',
    'precedente',
    'vorige',
    'gisteren',
    'ieri',
    'anterior',
    'ontem',
    'ayer',
    'foregaende',
    'föregående',
    'igar',
    'igår',
    'poprzedni',
    'wczoraj',
  ],
  change: ['change', 'chg', 'diff', 'difference', 'variance', 'movement', 'net change', '+/-', 'delta', '%', 'pct'],
  period: [
    'ytd',
    'mtd',
    'qtd',
    'year to date',
    'month to date',
    'average',
    'avg',
    'high',
    'low',
    'max',
    'maximum',
    'min',
    'minimum',
  ],
  base: ['base', 'converted', 'total', 'combined', 'consolidated', 'all currencies', 'equivalent', 'equiv'],
  // Titles that start with these: a house column beside an exchange one (the house one is enforced).
  house: ['house', 'firm', 'broker'],
  // Titles that start with these: the exchange's or the regulator's minimum, not the house requirement.
  exchange: ['exchange', 'regulatory', 'reg t', 'reg. t', 'fed', 'federal', 'finra', 'occ', 'cme', 'span', 'minimum'],
  current: [
    'current',
    'today',
    'todays',
    'this period',
    'this month',
    'this day',
    'end of period',
    'end of day',
    'closing',
    'ending',
    'as of',
    'balance',
    'amount',
    'value',
    'now',
    'actual',
    'aktuell',
    'actuel',
    'oggi',
    'vandaag',
    'hoje',
    'hoy',
  ],
};

/** A house word followed by one of these names a field (`House call`), not a house column. */
export const HOUSE_FIELD_WORDS: readonly string[] = ['call'];
