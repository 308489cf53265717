// German bank margin statement with English labels: EUR amounts written 1.234.567,89 (a trailing minus in one
// variant), key dates written 27.11.2026, a "created" timestamp, and a securities list with ISINs.

import { makeBook } from '../lib/book.ts';
import { businessDay, clock24, fmt, nextBusinessDay } from '../lib/dates.ts';
import { eur, money, r2 } from '../lib/money.ts';
import { dePerson } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { A4, finish, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

const PAPERS: [string, string, number][] = [
  ['DE0007164600', 'SAP SE', 212.4],
  ['DE0007236101', 'SIEMENS AG NA', 176.9],
  ['DE0008404005', 'ALLIANZ SE VNA', 301.2],
  ['DE0005557508', 'DT. TELEKOM AG NA', 28.71],
  ['DE0007100000', 'MERCEDES-BENZ GRP NA', 61.35],
  ['DE000BASF111', 'BASF SE NA', 45.82],
  ['NL0010273215', 'ASML HOLDING EO -,09', 688.1],
  ['FR0000121014', 'LVMH EO 0,3', 612.5],
  ['DE0005190003', 'BAY.MOTOREN WERKE AG ST', 78.44],
  ['DE0008430026', 'MUENCH.RUECKVERS.VNA', 471.3],
  ['IE00B4L5Y983', 'ISHS CORE MSCI WORLD', 101.87],
  ['DE0005140008', 'DEUTSCHE BANK AG NA', 17.62],
];

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const neg = variant === 1 ? 'trailing' : 'minus';
  const e = (n: number) => eur(n, neg);
  const picks = rng.shuffle(PAPERS).slice(0, rng.int(6, 9));
  const nShort = variant === 0 ? 0 : rng.int(1, 2);
  const scale = rng.pick([80_000, 400_000, 1_500_000]);
  const holdings = picks.map(([isin, name, px], i) => {
    const short = i >= picks.length - nShort;
    const price = r2(px * rng.range(0.92, 1.08));
    const qty = Math.max(5, Math.round(((scale / picks.length) * rng.range(0.4, 1.6)) / price)) * (short ? -1 : 1);
    return { isin, name, qty, price, mv: r2(qty * price) };
  });
  const lmv = r2(holdings.filter((h) => h.qty > 0).reduce((a, h) => a + h.mv, 0));
  const smv = r2(holdings.filter((h) => h.qty < 0).reduce((a, h) => a + h.mv, 0));
  const b = makeBook(rng, { scale: lmv, lmv, smv, deficit: variant === 2 });
  const lending = r2(b.lmv * rng.range(0.5, 0.65));
  const acct = `${rng.digits(4)} ${rng.digits(4)} ${rng.digits(2)}`;
  const who = dePerson(rng);
  const created = nextBusinessDay(day);

  const pdf = await newPdf({
    title: 'Margin Statement',
    author: 'Rheinufer Bank AG',
    creator: 'RB Kontoauszug 3.1',
    producer: 'PDFlib 9.3.1 (Win32)',
    created,
  });
  const s = new Sheet(pdf, A4);
  const wine: [number, number, number] = [0.45, 0.08, 0.18];
  s.box(0, 0, A4[0], 8, { fill: wine });
  s.text(40, 52, 'Rheinufer Bank AG', { size: 16, font: 'serifB', color: wine });
  s.text(40, 64, 'Private Banking \u00b7 Wertpapiere', { size: 8, color: 0.4 });
  s.text(40, 92, 'Rheinufer Bank AG \u00b7 Postfach 10 04 52 \u00b7 50444 Koeln', { size: 6.5, color: 0.4 });
  s.lines(40, 108, [who.name, ...who.address], { size: 9.5 });

  const keyLabel = ['Key date', 'Reporting date', 'Statement as of'][variant]!;
  const acctLabel = ['Account no.', 'Securities account no.', 'Account number'][variant]!;
  const meta: [string, string][] = [
    [keyLabel, fmt.dotted(day)],
    [acctLabel, acct],
    ['Currency', 'EUR'],
    ['Created', `${fmt.dotted(created)} ${clock24(rng, 5, 8).slice(0, 5)}`],
    ['Page', '1 / 1'],
  ];
  let y = 100;
  for (const [k, v] of meta) {
    s.text(360, y, k, { size: 8.5, color: 0.35 });
    s.text(555, y, v, { size: 8.5, font: k === keyLabel || k === acctLabel ? 'sansB' : 'sans', align: 'right' });
    y += 13;
  }

  y = 190;
  s.text(40, y, 'Margin Statement', { size: 14, font: 'serifB' });
  y += 26;
  s.text(40, y, 'Margin overview', { size: 10.5, font: 'sansB', color: wine });
  s.text(555, y, 'EUR', { size: 8.5, font: 'sansB', align: 'right' });
  s.hline(40, 555, y + 5, 0.8, wine);
  y += 20;
  const rows: [string, string, boolean?][] = [
    ['Market value of long positions', e(b.lmv)],
    ['Market value of short positions', e(b.smv)],
    ['Cash balance', e(b.cash)],
    ['Total equity', e(b.equity), true],
    ['Lending value of collateral', e(lending)],
    ['Initial margin requirement', e(b.initial)],
    ['Maintenance margin requirement', e(b.maint)],
    ['Margin surplus (+) / shortfall (-)', e(b.excess), true],
  ];
  if (variant === 1) rows.push(['Margin call', e(0)]);
  if (variant === 2) rows.push(['Margin call', e(b.houseCall), true]);
  for (const [label, v, bold] of rows) {
    s.text(44, y, label, { size: 9.5, font: bold ? 'sansB' : 'sans' });
    s.text(555, y, v, { size: 9.5, font: bold ? 'sansB' : 'sans', align: 'right' });
    s.hline(40, 555, y + 5, 0.25, 0.8);
    y += 17;
  }

  y += 24;
  s.text(40, y, 'Securities holdings', { size: 10.5, font: 'sansB', color: wine });
  s.hline(40, 555, y + 5, 0.8, wine);
  y += 18;
  const cx = [40, 118, 330, 420, 555];
  ['ISIN', 'Security', 'Quantity', 'Price EUR', 'Market value EUR'].forEach((h, i) => {
    s.text(cx[i]!, y, h, { size: 8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
  });
  y += 14;
  for (const h of holdings) {
    const cells = [
      h.isin,
      h.name,
      money(h.qty, { group: '.', dec: ',', neg }).replace(',00', ''),
      money(h.price, { group: '.', dec: ',' }),
      e(h.mv),
    ];
    cells.forEach((c, i) => {
      s.text(cx[i]!, y, c, { size: 8, font: i === 0 ? 'mono' : 'sans', align: i < 2 ? 'left' : 'right' });
    });
    y += 13;
  }
  y += 22;
  const note =
    variant === 0
      ? 'Total equity is the market value of all long and short positions plus the cash balance. The margin surplus is total equity less the maintenance margin requirement. Valuation at closing prices of the key date.'
      : 'Total equity is the market value of all long and short positions plus the cash balance. The margin surplus is total equity less the maintenance margin requirement. If a shortfall arises, a margin call is issued and must be settled within two banking days; otherwise the bank may close positions. Valuation at closing prices of the reporting date.';
  y = s.para(40, y, note, 515, { size: 7.5, color: 0.35, leading: 10 });
  s.text(40, 805, 'Rheinufer Bank AG \u00b7 Sitz Koeln \u00b7 HRB 00000 \u00b7 BIC RHUFDEKKXXX', {
    size: 6.5,
    color: 0.45,
  });

  const fields: Fields = {
    long_market_value: b.lmv,
    short_market_value: b.smv,
    cash_balance: b.cash,
    total_equity: b.equity,
    initial_requirement: b.initial,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
  };
  if (variant === 1) fields.margin_call = 0;
  if (variant === 2) fields.margin_call = b.houseCall;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct.replace(/\s+/g, ''), report_date: fmt.iso(day), currency: 'EUR', fields }],
    notes: [
      'EUR with 1.234.567,89 numbers; date DD.MM.YYYY; account number with spaces',
      variant === 1 ? 'trailing-minus negatives (1.234,56-); margin call 0,00 -> 0' : '',
      variant === 0 ? 'short market value printed as 0,00 (truth 0)' : '',
      '"Lending value of collateral" is not a canonical field; created timestamp is not the report date',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const deStatement: Layout = {
  name: 'de-statement',
  tests:
    'German bank margin statement, English labels: EUR amounts as 1.234.567,89 (and 1.234,56- trailing minus), dates 27.11.2026 under "Key date" / "Reporting date" / "Statement as of", a "Created" timestamp, account numbers with spaces, "Lending value of collateral" as a distractor, a holdings list with ISINs.',
  variants: 3,
  build,
};
