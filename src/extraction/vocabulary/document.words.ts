/**
 * Words of a statement's furniture, as data: page numbers, web addresses in print headers, the
 * marks and words before an account number, the words that start an account label, the captions
 * around a date that is not the statement's, and the row labels of positions and totals.
 */

/** `Page 2 of 5`: the word before a page number, and the words between it and the page count. */
export const PAGE_WORDS: readonly string[] = ['page'];
export const PAGE_OF_WORDS: readonly string[] = ['of'];

/** Marks of a web address or an e-mail (a browser printout's header or footer), matched anywhere. */
export const WEB_ADDRESS_MARKS: readonly string[] = ['http:', 'https:', 'www.', '@'];

/** Signs before a number (`No. 12-3456`, `# 12-3456`), dropped before reading an account. */
export const NUMBER_SIGNS: readonly string[] = ['no', 'no.', '#'];
/**
 * Words before a number after an account label (`Account number: U123`, `Client ID 4711`), and
 * before the last digits of a masked one (`Account ending 4417`, `Acct ending in 4417`).
 */
export const NUMBER_WORDS: readonly string[] = [
  'number',
  'num',
  'num.',
  'id',
  'ending',
  'ending in',
  'ending with',
  'ends in',
  'ends with',
  'last four digits',
  'last 4 digits',
  // Indonesian (`rekening efek marjin Bapak nomor 0231-44871`).
  'nomor',
];

/** How an account label starts (prefixes, lower case): `A/C`, `Acct`, `Account`, `Konto`, `Compte`… */
export const ACCOUNT_WORD_PREFIXES: readonly string[] = [
  'a/c',
  'acc',
  'acct',
  'account',
  'client',
  'customer',
  'portfolio',
  'depot',
  'konto',
  'compte',
  'conto',
  'cuenta',
  'conta',
  'rekening',
  'numero',
  'número',
  'nº',
  'n°',
  // Polish and Swedish (`Numer rachunku`, `Rachunek nr`, `Depånummer`).
  'numer',
  'rachunek',
  'depa',
  // Finnish, Turkish, Czech, Hungarian, Russian, Greek, Indonesian, Vietnamese (`Hesap no`, `Číslo účtu`, `Счёт №`).
  'tili',
  'luottotili',
  'hesap',
  'číslo',
  'cislo',
  'számla',
  'счет',
  'счёт',
  'торговый',
  'номер',
  'λογαριασμ',
  'αριθμός',
  'nomor',
  'số tài khoản',
  'so tai khoan',
  // Derivatives platforms and exchanges (`UID`, `User ID`, `Trading Account`, `Unique Client Code`).
  'uid',
  'user',
  'trading',
  'unique',
];
/** A sub-account's label (`Sub-account`, `Subacct`) starts so too. */
export const SUBACCOUNT_PREFIXES: readonly string[] = ['sub'];

/**
 * Words of an account's type or registration, which a portal prints before the number in place of
 * an account label (`Individual Brokerage · 6612-0938`, `Joint Margin • 55-1234`, `Roth IRA | 7781-2201`).
 */
export const ACCOUNT_TYPE_WORDS: readonly string[] = [
  'individual',
  'joint',
  'brokerage',
  'margin',
  'cash',
  'ira',
  'roth',
  'rollover',
  'trust',
  'custodial',
  'corporate',
  'retirement',
  'investment',
  'trading',
  'futures',
  'options',
  'derivatives',
  'cfd',
  'spread betting',
  'isa',
  'sipp',
  'tfsa',
  'rrsp',
  'demat',
  'commodity',
  'pension',
  'partnership',
  'estate',
  'ugma',
  'utma',
];
/**
 * Words of a document's title or period, which make `Trading Statement · Q4-2026` a title and its
 * period rather than an account's type and number.
 */
export const DOCUMENT_TITLE_WORDS: readonly string[] = [
  'statement',
  'summary',
  'report',
  'notice',
  'letter',
  'period',
  'quarter',
  'quarterly',
  'annual',
  'monthly',
  'daily',
  'page',
  'regn',
  'registration',
  'licence',
  'license',
  'member',
];
/** Marks that stand between an account's type and its number in one cell (`Individual · 6612-0938`). */
export const ACCOUNT_NAME_SEPARATORS: readonly string[] = ['·', '•', '∙', '|', '–', '—'];
/** Words of a contact line, whose number is a telephone's (`Client Services · 6612-0938`). */
export const PHONE_WORDS: readonly string[] = [
  'tel',
  'phone',
  'telephone',
  'fax',
  'call',
  'helpline',
  'hotline',
  'mobile',
];

/**
 * A line holding one of these (anywhere, lower case) prints a date that is not the statement's
 * (print, run, due, trade or settlement dates, page furniture, the prior period).
 */
export const OTHER_DATE_STEMS: readonly string[] = [
  'print',
  'run',
  'generated',
  'created',
  'due',
  'trade',
  'settle',
  'time',
  'page',
  'next',
  'previous',
  'prior',
  'erstellt',
  'cree',
  'crée',
  'creé',
  'créé',
  // Print dates and prior periods in Danish, Norwegian, Finnish, Turkish, Czech, Hungarian, Russian, Greek,
  // Indonesian, Vietnamese.
  'udskr',
  'utskr',
  'forrige',
  'tulost',
  'edellinen',
  'düzenlen',
  'önceki',
  'vytišt',
  'předchoz',
  'készült',
  'nyomtat',
  'előző',
  'сформир',
  'формирован',
  'печат',
  'предыдущ',
  'εκτύπωσ',
  'προηγ',
  'cetak',
  'sebelum',
  'ngày in',
];
/** Words around a date that leave it alone on its line (`Daily margin statement as of 11/26/2026`). */
export const DATE_CAPTION_WORDS: readonly string[] = [
  'statement',
  'summary',
  'report',
  'account',
  'daily',
  'margin',
  'as of',
  'for',
  'date',
  'dated',
  'on',
  'at',
  'close',
  'business',
  'trading',
  'day',
];

/** Row labels (stems, lower case) of positions: under columns titled by fields they are the figure. */
export const POSITION_ROW_STEMS: readonly string[] = ['stock', 'equit', 'securit', 'position', 'share'];
/** Row labels (stems) of totals, which may include cash. */
export const TOTAL_ROW_STEMS: readonly string[] = ['total'];
/** How a total row's label starts (`Total`, `Sub-total`, `Grand total`). */
export const TOTAL_ROW_LEADS: readonly string[] = ['total', 'subtotal', 'sub-total', 'grand total'];

/**
 * Headings that name a household or combined total, never an account (`Household total`,
 * `All accounts`, `Grand total`).
 */
export const COMBINED_HEADING_PHRASES: readonly string[] = [
  'household',
  'combined',
  'consolidated',
  'aggregate',
  'all accounts',
  'grand total',
  'total all',
  'firm total',
  'accounts total',
  'group total',
  'relationship total',
  'family total',
];
