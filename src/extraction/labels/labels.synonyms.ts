import type { FieldName } from '../../core/report/report.schema.ts';

/** What a label can point at: a margin figure, or one of the header values. */
export type LabelTarget = FieldName | 'account' | 'date' | 'currency';

export interface Synonym {
  target: LabelTarget;
  phrase: string;
  /**
   * Preference among labels of the same field (house over exchange, net liquidation over equity).
   * Below 0.8 the label is a fallback whose value is always flagged for review.
   */
  weight: number;
  /** The label names a deficit or debit printed as a positive number (`Margin Deficit 1,200`). */
  negate?: boolean;
}

type Row = [phrase: string, weight?: number, negate?: boolean];

const TABLE: Record<LabelTarget, Row[]> = {
  total_equity: [
    ['net liquidation value'], ['net liquidating value'], ['net liquidation'], ['net liquidating equity'], ['net liquidation equity'],
    ['nlv'], ['net liq'], ['net liquidity'], ['liquidating value'], ['liquidation value'],
    ['total equity', 0.97], ['total account equity', 0.97], ['account equity', 0.96], ['total account value', 0.96], ['account value', 0.95],
    ['net account value', 0.96], ['net equity', 0.95], ['equity total', 0.95], ['ending equity', 0.95], ['equity balance', 0.93],
    ['total net equity', 0.96], ['net asset value', 0.93], ['nav', 0.9], ['account value at market', 0.97],
    ['total value', 0.85], ['portfolio value', 0.85], ['equity', 0.9], ['total market value of account', 0.9],
    ['total portfolio value', 0.85], ['market value of account', 0.9], ['net worth', 0.8],
  ],
  maintenance_requirement: [
    ['house maintenance requirement', 1.02], ['house maintenance margin', 1.02], ['house requirement', 1.02], ['house margin requirement', 1.02],
    ['house maintenance', 1.02], ['house margin', 1], ['house maint', 1.02],
    ['maintenance requirement'], ['maintenance margin requirement'], ['maintenance margin'], ['total maintenance requirement'],
    ['maintenance margin req'], ['maintenance req'], ['maintenance'], ['mmr', 0.95], ['maint margin'],
    ['total maintenance margin'], ['mm req', 0.95], ['mm requirement', 0.95], ['maintenance level', 0.9], ['minimum equity requirement', 0.85],
    ['margin requirement', 0.78], ['total margin requirement', 0.78], ['total requirement', 0.75], ['requirement', 0.7],
    ['exchange maintenance requirement', 0.9], ['exchange maintenance margin', 0.9], ['exchange maintenance', 0.9],
    ['exchange requirement', 0.75], ['exchange margin requirement', 0.75], ['exchange margin', 0.75],
  ],
  initial_requirement: [
    ['initial margin requirement'], ['initial requirement'], ['initial margin'], ['total initial margin'], ['initial margin req'],
    ['reg t requirement'], ['regulation t requirement'], ['reg t initial requirement'], ['reg t margin requirement'],
    ['reg t initial margin'], ['federal requirement', 0.95], ['fed requirement', 0.95], ['reg t', 0.85], ['initial', 0.85],
    ['house initial requirement', 1.02], ['house initial margin', 1.02], ['exchange initial margin', 0.9], ['exchange initial requirement', 0.9],
    ['original margin', 0.95], ['im', 0.8],
  ],
  excess_liquidity: [
    ['excess liquidity'], ['excess liq'], ['excess liquidation', 0.95], ['maintenance excess'], ['house excess'], ['house surplus'], ['excess deficit'], ['excess/deficit'],
    ['excess or deficit'], ['surplus deficit'], ['surplus/deficit'], ['margin excess'], ['margin surplus'], ['excess equity', 0.95],
    ['excess over maintenance'], ['excess maintenance equity'], ['maintenance surplus'], ['excess maintenance'], ['net excess', 0.95],
    ['excess margin', 0.95], ['equity excess', 0.95], ['excess', 0.9], ['surplus', 0.9], ['excess/(deficit)'], ['surplus/(deficit)'],
    ['excess over initial', 0.97], ['initial excess', 0.9], ['excess initial margin', 0.9], ['margin excess deficit'],
    ['house excess deficit'], ['maintenance excess deficit'], ['available excess', 0.85], ['excess margin equity', 0.95],
    ['margin deficit', 0.95, true], ['deficit', 0.85, true], ['maintenance deficit', 0.95, true], ['house deficit', 0.95, true],
  ],
  margin_call: [
    ['house call', 1.02], ['house margin call', 1.02], ['maintenance call', 1.01], ['house maintenance call', 1.02],
    ['margin call'], ['margin calls'], ['total calls'], ['total margin call'], ['total margin calls'], ['margin call amount'],
    ['call amount', 0.95], ['calls due', 0.95], ['amount of call', 0.95], ['outstanding call', 0.95], ['outstanding calls', 0.95],
    ['open calls', 0.95], ['call', 0.85], ['calls', 0.85], ['margin call due', 0.95], ['amount due', 0.75],
    ['fed call', 0.9], ['reg t call', 0.9], ['federal call', 0.9], ['exchange call', 0.88], ['equity call', 0.88],
  ],
  buying_power: [
    ['buying power'], ['margin buying power'], ['stock buying power'], ['available buying power'], ['overnight buying power'],
    ['total buying power'], ['equity buying power'], ['bp', 0.85], ['reg t buying power', 0.95],
  ],
  cash_balance: [
    ['cash balance'], ['cash'], ['ledger balance'], ['cash and cash investments'], ['cash and cash equivalents'], ['cash and equivalents'],
    ['net cash balance'], ['ending cash balance'], ['ending ledger balance'], ['total cash'], ['settled cash', 0.95], ['cash value', 0.95],
    ['cash/margin balance', 0.85], ['ending balance', 0.85], ['account balance', 0.85], ['net cash', 0.95], ['ledger', 0.85],
    ['total cash balance'], ['cash on deposit', 0.95], ['balance', 0.7], ['margin balance', 0.75], ['debit balance', 0.75, true],
    ['credit balance', 0.8], ['core cash'], ['cash and money market'], ['cash and money market funds'], ['money balance'], ['cash sweep', 0.95],
    ['money market', 0.85], ['sweep balance', 0.9], ['cash balances'], ['net cash and equivalents', 0.95], ['current account balance', 0.9], ['free cash', 0.9],
  ],
  long_market_value: [
    ['long market value'], ['market value long'], ['long stock value'], ['long value'], ['long positions'], ['long securities'],
    ['securities long'], ['lmv'], ['long market val'], ['total long market value'], ['long positions market value'],
    ['market value of long positions'], ['long', 0.85], ['total securities', 0.9], ['securities market value', 0.95],
    ['market value of securities', 0.95], ['securities value', 0.9], ['long securities value'], ['stock long'], ['long stock'],
  ],
  short_market_value: [
    ['short market value'], ['market value short'], ['short stock value'], ['short value'], ['short positions'], ['short securities'],
    ['securities short'], ['smv'], ['short market val'], ['total short market value'], ['short positions market value'],
    ['market value of short positions'], ['short', 0.85],
  ],
  sma: [['sma'], ['special memorandum account'], ['special memo account'], ['sma balance'], ['reg t sma'], ['special memorandum']],
  account: [
    ['account'], ['account number'], ['account no'], ['account id'], ['acct'], ['acct no'], ['account code'], ['client account'],
    ['customer account'], ['account #'], ['acct #'], ['a/c'], ['a/c no'], ['account num'], ['client id', 0.9], ['customer id', 0.85],
    ['account ref', 0.9], ['sub account', 0.9], ['subaccount', 0.9], ['client number', 0.9], ['customer number', 0.9], ['client no', 0.9], ['portfolio', 0.9], ['portfolio number', 0.95],
    ['portfolio no', 0.95], ['depot', 0.9], ['konto', 0.9], ['compte', 0.9], ['account code'],
  ],
  date: [
    ['statement date'], ['as of'], ['as of date'], ['report date'], ['business date'], ['period ending'], ['period end'],
    ['valuation date'], ['as at'], ['for the period ending'], ['processing date', 0.95], ['trading date', 0.9], ['close of business'],
    ['cob'], ['statement period', 0.95], ['period', 0.85], ['date', 0.8], ['margin date', 0.95], ['position date', 0.95],
    ['report as of'], ['account summary as of'], ['end date', 0.9], ['for period ending'], ['statement as of'], ['value date', 0.9],
    ['reporting date'], ['effective date', 0.9], ['balance date', 0.95],
  ],
  currency: [['base currency'], ['currency'], ['reporting currency'], ['report currency'], ['account currency'], ['ccy'], ['base ccy']],
};

export const SYNONYMS: Synonym[] = Object.entries(TABLE).flatMap(([target, rows]) =>
  rows.map(([phrase, weight = 1, negate]) => ({ target: target as LabelTarget, phrase, weight, ...(negate ? { negate } : {}) })),
);

/**
 * Words that turn a label into a different figure: a prior column, a change, a day-trading number.
 * A label containing one of these never matches a field unless the synonym itself holds the word.
 */
export const DISTRACTOR_WORDS = [
  'prior', 'previous', 'prev', 'yesterday', 'last', 'change', 'chg', 'changes', 'ytd', 'mtd', 'qtd', 'year to date', 'month to date',
  'beginning', 'opening', 'open trade', 'starting', 'start', 'day trading', 'day trade', 'daytrade', 'dt', 'dtbp', 'intraday',
  'option', 'options', 'withdraw', 'withdrawal', 'withdrawable', 'due date', 'print', 'printed', 'trade date', 'settlement date',
  'settle date', 'letter date', 'generated', 'run', 'created', 'page', 'phone', 'fax', 'tel', 'name', 'type', 'title', 'executive',
  'representative', 'rep', 'manager', 'holder', 'address', 'ratio', 'percent', 'pct', '%', 'loan', 'with loan', 'non margin',
  'nonmargin', 'cash account', 'projected', 'pending', 'estimated', 'average', 'avg', 'maximum', 'max', 'limit',
  'variation', 'net change', 'difference', 'diff', 'interest', 'rate', 'accrued', 'dividend', 'fee', 'fees', 'commission',
  'unrealized', 'realized', 'p&l', 'pnl', 'profit', 'loss', 'deposit', 'deposits', 'transfer', 'transfers', 'cost', 'cost basis',
  'open trade equity', 'ote', 'premium', 'mtm', 'mark to market', 'concentration', 'stress', 'since', 'history',
  'next', 'tomorrow', 'forecast', 'target', 'required deposit',
];

/** Abbreviations rewritten before matching: `Maint. Req.` reads as `maintenance requirement`. */
export const ABBREVIATIONS: Record<string, string> = {
  maint: 'maintenance', mnt: 'maintenance', mntc: 'maintenance', maintenence: 'maintenance', maintainance: 'maintenance',
  req: 'requirement', reqt: 'requirement', reqmt: 'requirement', rqmt: 'requirement', requirements: 'requirement', reqs: 'requirement',
  rqmts: 'requirement', requirment: 'requirement', mrgn: 'margin', mgn: 'margin', mkt: 'market', val: 'value', liq: 'liquidation',
  liquidating: 'liquidating', acct: 'account', acc: 'account', accnt: 'account', acnt: 'account', bal: 'balance', eq: 'equity',
  equ: 'equity', init: 'initial', initl: 'initial', exch: 'exchange', xs: 'excess', tot: 'total', amt: 'amount', ccy: 'ccy',
  curr: 'currency', stmt: 'statement', stmnt: 'statement', regt: 'reg t', regulation: 'reg', no: 'no', num: 'num', nbr: 'no',
  number: 'number', mv: 'market value', mkv: 'market value', lng: 'long', shrt: 'short', spec: 'special', memo: 'memo',
  memorandum: 'memorandum', hse: 'house', excesses: 'excess', calls: 'calls', bus: 'business', val_: 'value', ldgr: 'ledger',
  pos: 'positions', pwr: 'power', pw: 'power', trd: 'trading', liqn: 'liquidation', xcess: 'excess', sec: 'securities', secs: 'securities', avail: 'available', reqd: 'required',
};

/** Words that may sit around a synonym without changing what it means (`Total Net Liq (USD)`). */
export const NOISE_WORDS = new Set([
  'total', 'current', 'today', 'todays', 'account', 'net', 'ending', 'end', 'closing', 'amount', 'value', 'balance', 'base', 'in',
  'of', 'the', 'for', 'on', 'at', 'usd', 'eur', 'gbp', 'chf', 'cad', 'jpy', 'aud', 'hkd', 'sgd', 'summary', 'your', 'this',
  'period', 'and', 'figure', 'margin', 'overall', 'combined', 'consolidated', 'converted', 'reported', 'actual', 'level', 'status',
  'position', 'positions', 'is', 'are', 'a', 'an', 'market', 'report', 'statement', 'securities', 'security', 'portfolio', 'requirement',
  'required', 'figures', 'cur', 'over', 'house', 'initial', 'maintenance', 'above', 'total:', 'ccy', 'equiv', 'equivalent', 'fund', 'funds', 'total:', 'no', 'number', 'num', 'id', '#',
]);
