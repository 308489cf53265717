/**
 * Titles of documents a broker or bank sends beside its margin statements but that are none: a fee or rate
 * schedule, a loan or pledge agreement, terms and conditions. Their rules and illustrations print figures and
 * margin words (`minimum equity $2,000.00`, `3. Cover shortfall (margin call)`), but no account's position.
 * document.kind.ts reads them only in a title (a short cell of the first page's head), and only where the
 * title names no statement too (`Statement of your margin account agreement` is a statement).
 */
export const OTHER_DOCUMENT_TITLES: readonly string[] = [
  'fee schedule',
  'schedule of fees',
  'schedule of charges',
  'schedule of rates',
  'rate schedule',
  'rate card',
  'price list',
  'tariff',
  'agreement',
  'facility letter',
  'terms and conditions',
  'terms of business',
  'general terms',
  'pledge',
  'prospectus',
  'brochure',
  'fact sheet',
  'factsheet',
  'key information document',
  'preisverzeichnis',
  'vereinbarung',
  'vertrag',
  'conditions generales',
  'tarifs',
  'contrat',
];

/** Words of a title that names a statement of an account (they win over the words above). */
export const STATEMENT_TITLES: readonly string[] = [
  'statement',
  'summary',
  'report',
  'notice',
  'call',
  'valuation',
  'snapshot',
  'position',
  'positions',
  'balance',
  'balances',
  'kontoauszug',
  'auszug',
  'releve',
  'estratto',
  'extracto',
  'extrato',
  'afschrift',
  'kontoutdrag',
  'besked',
  'wyciag',
  'zestawienie',
  'kontoudtog',
  'kontoutskrift',
  'tiliote',
  'ekstre',
  'hesap özeti',
  'výpis',
  'kivonat',
  'отчет',
  'выписка',
  'κατάσταση',
  'sao kê',
  'laporan',
];

/**
 * Words that make a figure's sentence or row a supposition, not an account's position: a worked example
 * (`Margin call you would receive`), an estimate (`would have been about $41,850.00`), an assumption. A
 * disclosure or a notice prints margin figures under such words; a statement states what the account is.
 * illustration.figures.ts reads them in the line a figure stands in.
 */
export const SUPPOSITION_WORDS: readonly string[] = [
  'would',
  'example',
  'for instance',
  'e.g.',
  'hypothetical',
  'hypothetically',
  'illustration',
  'illustrative',
  'assume',
  'assuming',
  'suppose',
  'supposing',
  'estimate only',
  'approximately',
  'about',
  'beispiel',
  'angenommen',
  'exemple',
  'hypothétique',
  'ejemplo',
  'esempio',
  'voorbeeld',
];

/**
 * Words of a heading that makes the table under it an illustration (`How margin works: an example`).
 * illustration.figures.ts reads them in the text lines just above a block of figure rows.
 */
export const ILLUSTRATION_HEADINGS: readonly string[] = [
  'example',
  'examples',
  'for instance',
  'hypothetical',
  'illustration',
  'illustrative',
  'scenario',
  'worked example',
  'beispiel',
  'exemple',
  'ejemplo',
  'esempio',
  'voorbeeld',
];
