/**
 * The words of dates in the languages statements come in: month names and their abbreviations,
 * ordinal day endings, the small words between day, month and year, and the year/month/day marks
 * of Chinese, Japanese and Korean dates. The date parser builds its patterns from these lists.
 */

/** Month names and abbreviations per language, January first. Lower case; accented and plain spellings both. */
export const MONTH_NAMES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  english: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  german: [
    ['januar', 'jänner', 'jan'],
    ['februar', 'feb'],
    ['märz', 'maerz', 'mär', 'mrz'],
    ['april', 'apr'],
    ['mai'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['dezember', 'dez'],
  ],
  french: [
    ['janvier', 'janv'],
    ['février', 'fevrier', 'févr', 'fevr', 'fév', 'fev'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre', 'sept'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['décembre', 'decembre', 'déc'],
  ],
  spanish: [
    ['enero', 'ene'],
    ['febrero', 'feb'],
    ['marzo', 'mar'],
    ['abril', 'abr'],
    ['mayo', 'may'],
    ['junio', 'jun'],
    ['julio', 'jul'],
    ['agosto', 'ago'],
    ['septiembre', 'setiembre', 'sept', 'sep', 'set'],
    ['octubre', 'oct'],
    ['noviembre', 'nov'],
    ['diciembre', 'dic'],
  ],
  italian: [
    ['gennaio', 'gen'],
    ['febbraio', 'feb'],
    ['marzo', 'mar'],
    ['aprile', 'apr'],
    ['maggio', 'mag'],
    ['giugno', 'giu'],
    ['luglio', 'lug'],
    ['agosto', 'ago'],
    ['settembre', 'set'],
    ['ottobre', 'ott'],
    ['novembre', 'nov'],
    ['dicembre', 'dic'],
  ],
  dutch: [
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['maart', 'mrt'],
    ['april', 'apr'],
    ['mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['augustus', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
};

/** Endings a day number may carry: `27th`, `1er`, `27.`, `1º`. */
export const ENGLISH_ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'] as const;
export const ORDINAL_SUFFIXES = [...ENGLISH_ORDINAL_SUFFIXES, 'er', 're', 'e', 'º', '°', 'ª', '.'] as const;

/** Small words between the parts of a written date: `27 de noviembre de 2026`, `27 di novembre`. */
export const DATE_CONNECTORS = ['de', 'del', 'di', 'the', 'of'] as const;

/** Marks after the year, month and day of a CJK date: `2026年11月27日`, `2026년 11월 27일`. */
export const CJK_DATE_MARKS = { year: ['年', '년'], month: ['月', '월'], day: ['日', '일'] } as const;

/**
 * Currencies whose home markets write day before month. A document in one of these leans day-first
 * when its dates do not decide; a US dollar document leans month-first.
 */
export const DAY_FIRST_CURRENCIES = [
  'EUR',
  'GBP',
  'CHF',
  'INR',
  'AUD',
  'NZD',
  'HKD',
  'SGD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'BRL',
  'MXN',
  'ZAR',
  'TRY',
  'RUB',
  'ILS',
  'THB',
  'MYR',
  'IDR',
  'AED',
  'SAR',
] as const;
export const MONTH_FIRST_CURRENCIES = ['USD'] as const;
