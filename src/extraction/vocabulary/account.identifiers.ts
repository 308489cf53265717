import { foldedPhrases, foldedWords, holdsPhrase } from './word.patterns.ts';
/**
 * Identifiers a statement prints near the account's number, as data: the words of a label that
 * names the holder or a login rather than an account (`Client ID`, `Customer No.`, `User ID`,
 * `CIF`), the words that make a label an account's own (`Client Account No.` names the account),
 * and labels under which a number is never an account (a legal entity, tax or bank identifier, a
 * document's, an order's or a licence's number). Logic files ask `namesHolder` / `namesNoAccount`.
 */

/**
 * A holder's or a login's identifier: it may stand for the account where nothing else does (a
 * derivatives platform's `UID`), but where the document labels an account too, that one is the report's.
 */
export const HOLDER_WORDS: readonly string[] = [
  'client',
  'customer',
  'user',
  'uid',
  'member',
  'login',
  'profile',
  'portfolio',
  'cif',
  'investor',
  'kunde',
  'kunden',
  'kundennummer',
  'kundennr',
  // Danish, Norwegian, Finnish, Turkish, Czech, Hungarian, Russian, Greek, Indonesian, Vietnamese
  'kundenummer',
  'kundenr',
  'asiakas',
  'asiakasnumero',
  'müşteri',
  'zákazník',
  'zákazníka',
  'ügyfél',
  'ügyfélazonosító',
  'клиент',
  'πελάτης',
  'πελάτη',
  'δικαιούχος',
  'nasabah',
  'khách hàng',
];

/** Words that name an account itself: a label holding one is an account's label, whoever else it names. */
export const ACCOUNT_NOUNS: readonly string[] = [
  'account',
  'accounts',
  'acct',
  'acc',
  'a/c',
  'subaccount',
  'subacct',
  'konto',
  'kontonummer',
  'kontonr',
  'marginkonto',
  'depot',
  'depotnummer',
  'depotnr',
  'compte',
  'cuenta',
  'conto',
  'tili',
  'tilinumero',
  'hesap',
  'hesabı',
  'účet',
  'účtu',
  'számla',
  'számlaszám',
  'счет',
  'счета',
  'λογαριασμός',
  'λογαριασμού',
  'rekening',
  'tài khoản',
];

/** A label under which a number is never an account's, unless it also names an account (`Account Ref`). */
export const NOT_ACCOUNT_PHRASES: readonly string[] = [
  'lei',
  'legal entity identifier',
  'tax id',
  'tax number',
  'tax no',
  'tax ref',
  'tin',
  'vat',
  'ssn',
  'national insurance',
  'iban',
  'bic',
  'swift',
  'sort code',
  'reference',
  'ref',
  'statement number',
  'statement no',
  'statement id',
  'document number',
  'document no',
  'invoice',
  'order',
  'order number',
  'ticket',
  'deal',
  'confirmation',
  'trade id',
  'licence',
  'license',
  'registration',
  'company number',
  'steuernummer',
  'steuer id',
  'referenz',
  'référence',
  'auftrag',
  'numéro de commande',
  'cvr',
  'organisasjonsnummer',
  'y tunnus',
  'mersis',
  'vergi no',
  'vergi numarası',
  'tc kimlik',
  'ičo',
  'dič',
  'adószám',
  'cégjegyzékszám',
  'инн',
  'огрн',
  'договор',
  'регистрационный код',
  'αφμ',
  'μερίδας',
  'κωδικός μερίδας',
  'npwp',
  'nik',
  'cmnd',
  'cccd',
];

/**
 * Words that make an account a part of another (`Futures sub-account`, `F-40218-3 (included below)`,
 * `component account`): where the document labels an account of its own too, a part's number is no report's.
 */
export const PART_ACCOUNT_WORDS: readonly string[] = [
  'sub',
  'subaccount',
  'subaccounts',
  'subacct',
  'included',
  'component',
  'constituent',
  'unterkonto',
  'sous',
  'subcuenta',
  'sottoconto',
  'subkonto',
  'underkonto',
  'alt hesap',
  'alszámla',
  'субсчет',
];

/**
 * Titles of a positions table's first column (`Series`, `Symbol`, `ISIN`): the codes under them name
 * instruments (`FORTUM1L26P13`, an option series), never accounts, however much they look like one.
 */
export const INSTRUMENT_TITLES: readonly string[] = [
  'series',
  'symbol',
  'ticker',
  'contract',
  'contracts',
  'instrument',
  'security',
  'securities',
  'isin',
  'cusip',
  'sedol',
  'underlying',
  'option',
  'options',
  'wertpapier',
  'titre',
  'valor',
];

const HOLDER = foldedPhrases(HOLDER_WORDS);
const INSTRUMENT = foldedPhrases(INSTRUMENT_TITLES);
const NOUNS = foldedPhrases(ACCOUNT_NOUNS);
const NOT_ACCOUNT = foldedPhrases(NOT_ACCOUNT_PHRASES);
const PART = foldedPhrases(PART_ACCOUNT_WORDS);

const containsAny = (text: string, list: string[][]): boolean => holdsPhrase(foldedWords(text), list);

/** True when a label names an account itself (`Trading Account`, `Client Account No.`, `Konto`). */
export const namesAccountNoun = (label: string): boolean => containsAny(label, NOUNS);

/** True when a label names the holder or a login, and no account (`Client ID`, `User ID`, `CIF`). */
export const namesHolder = (label: string): boolean => containsAny(label, HOLDER) && !namesAccountNoun(label);

/** True when a label names an identifier that is never an account's (`LEI`, `IBAN`, `Statement No.`). */
export const namesNoAccount = (label: string): boolean => containsAny(label, NOT_ACCOUNT) && !namesAccountNoun(label);

/** True when a label, or the words printed beside a number, make the account a part of another (`Sub-account`, `(included below)`). */
export const namesPartAccount = (text: string): boolean => containsAny(text, PART);

/** True when a column title names instruments and no account (`Series`, `Symbol`, not `Account / Symbol`). */
export const namesInstrument = (title: string): boolean => containsAny(title, INSTRUMENT) && !namesAccountNoun(title);
