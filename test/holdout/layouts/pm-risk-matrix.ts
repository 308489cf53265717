// Portfolio-margin risk report: a House vs Exchange requirement matrix (column order differs by variant), Fed,
// house and exchange calls, day-trading buying power printed next to margin buying power, and a stress table.

import { makeBook, scaleOf } from '../lib/book.ts';
import { businessDay, clock24, fmt, nextBusinessDay } from '../lib/dates.ts';
import { num, r2, usd } from '../lib/money.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const deficit = variant === 1;
  const b = makeBook(rng, { scale: scaleOf(rng) * 3, shorts: true, deficit });
  const exch = r2(b.maint * rng.range(0.55, 0.8));
  const exchExcess = r2(b.equity - exch);
  const exchCall = exchExcess < 0 ? -exchExcess : 0;
  const acct = `OAK-PM-${rng.digits(5)}`;
  const houseFirst = variant === 0;

  const pdf = await newPdf({
    title: 'Portfolio Margin Risk Report',
    author: 'Oakmont Securities',
    creator: 'Oakmont RiskView',
    producer: 'wkhtmltopdf 0.12.6',
    created: day,
  });
  const s = new Sheet(pdf, LETTER);
  const slate: [number, number, number] = [0.2, 0.25, 0.32];
  s.text(40, 48, 'OAKMONT SECURITIES', { size: 13, font: 'sansB', color: slate });
  s.text(40, 64, 'Portfolio Margin Risk Report', { size: 11 });
  const dateText = houseFirst ? `Report Date: ${fmt.iso(day)}` : `Business Date ${fmt.dmonY(day)}`;
  s.text(572, 48, dateText, { size: 10, font: 'sansB', align: 'right' });
  s.text(572, 62, `Account ID: ${acct}`, { size: 9.5, align: 'right' });
  s.text(572, 75, `Generated ${fmt.iso(nextBusinessDay(day))} ${clock24(rng, 4, 6)} ET`, {
    size: 7,
    color: 0.45,
    align: 'right',
  });
  s.hline(40, 572, 86, 1, slate);

  const section = (y: number, t: string) => {
    s.text(40, y, t, { size: 10.5, font: 'sansB', color: slate });
    s.hline(40, 572, y + 5, 0.4, 0.7);
  };
  let y = 112;
  section(y, 'Account Values');
  y += 22;
  const pairs: [string, string][] = [
    ['Net Liquidation Value', usd(b.equity)],
    ['Cash Balance', usd(b.cash)],
    ['Long Market Value', usd(b.lmv)],
    ['Short Market Value', usd(b.smv)],
  ];
  pairs.forEach(([l, v], i) => {
    const x = i % 2 === 0 ? 40 : 316;
    const yy = y + Math.floor(i / 2) * 17;
    s.text(x + 4, yy, l, { size: 9 });
    s.text(x + 252, yy, v, { size: 9, font: 'sansB', align: 'right' });
  });
  y += 50;

  section(y, 'Margin Requirements');
  y += 24;
  const cH = houseFirst ? ['House', 'Exchange (OCC TIMS)'] : ['Exchange (OCC TIMS)', 'House'];
  const hv = [usd(b.maint), usd(b.excess, 'parens'), usd(b.houseCall)];
  const ev = [usd(exch), usd(exchExcess, 'parens'), usd(exchCall)];
  const colVals = houseFirst ? [hv, ev] : [ev, hv];
  s.box(40, y - 12, 532, 18, { fill: 0.92 });
  s.text(390, y, cH[0]!, { size: 8.5, font: 'sansB', align: 'right' });
  s.text(560, y, cH[1]!, { size: 8.5, font: 'sansB', align: 'right' });
  y += 18;
  ['Margin Requirement', 'Excess / (Deficit)', 'Margin Call'].forEach((label, i) => {
    s.text(46, y, label, { size: 9 });
    s.text(390, y, colVals[0]![i]!, { size: 9, align: 'right' });
    s.text(560, y, colVals[1]![i]!, { size: 9, align: 'right' });
    s.hline(40, 572, y + 6, 0.3, 0.85);
    y += 17;
  });
  y += 6;
  const fed = deficit ? b.fedCall : 0;
  s.text(46, y, `Fed Call (Reg T): ${usd(fed)}`, { size: 9 });
  s.text(300, y, `House Call: ${usd(b.houseCall)}`, { size: 9, font: 'sansB' });
  y += 30;

  section(y, 'Buying Power');
  y += 22;
  if (houseFirst) {
    s.text(46, y, `Day Trading Buying Power ${usd(b.dtbp)}`, { size: 9 });
    s.text(316, y, `Margin Buying Power ${usd(b.bp)}`, { size: 9 });
    y += 17;
  } else {
    for (const [l, v] of [
      ['Day Trading Buying Power', usd(b.dtbp)],
      ['Margin Buying Power', usd(b.bp)],
      ['Option Buying Power', usd(r2(b.bp / 2))],
    ]) {
      s.text(46, y, l!, { size: 9 });
      s.text(300, y, v!, { size: 9, font: 'sansB', align: 'right' });
      y += 16;
    }
  }
  y += 18;

  section(y, 'Stress Scenarios (house methodology)');
  y += 22;
  const moves = [-15, -10, -5, -3, 3, 5, 10, 15];
  const cx = (i: number) => 170 + i * 50;
  s.text(46, y, 'Underlying move', { size: 8, font: 'sansB' });
  moves.forEach((m, i) => {
    s.text(cx(i), y, `${m > 0 ? '+' : ''}${m}%`, { size: 8, font: 'sansB', align: 'right' });
  });
  y += 15;
  const classes = ['Equities', 'Equity Options', 'Index Options'].map((cls) => {
    const w = rng.range(0.1, 0.6);
    return [
      cls,
      moves.map((m) =>
        r2((b.lmv + b.smv) * (m / 100) * w * rng.range(0.8, 1.2) - (Math.abs(m) > 10 ? b.lmv * 0.01 : 0)),
      ),
    ] as const;
  });
  const totalRow = ['Total', moves.map((_, i) => r2(classes.reduce((a, c) => a + c[1][i]!, 0)))] as const;
  for (const [cls, pls] of [...classes, totalRow]) {
    s.text(46, y, cls, { size: 8, font: cls === 'Total' ? 'sansB' : 'sans' });
    pls.forEach((pl, i) => {
      s.text(cx(i), y, num(pl, 'parens'), { size: 7.5, align: 'right', font: cls === 'Total' ? 'sansB' : 'sans' });
    });
    y += 14;
  }
  y += 20;
  s.para(
    40,
    y,
    'House requirements apply Oakmont concentration and liquidity add-ons on top of the exchange (OCC TIMS) requirement and are the requirements Oakmont enforces. Excess = Net Liquidation Value less the requirement. House calls are due by 4:00 PM ET on the second business day; Fed calls by the fourth.',
    532,
    { size: 7.5, color: 0.35, leading: 10 },
  );

  const fields: Fields = {
    total_equity: b.equity,
    cash_balance: b.cash,
    long_market_value: b.lmv,
    short_market_value: b.smv,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    margin_call: b.houseCall,
    buying_power: b.bp,
  };
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(day), currency: 'USD', fields }],
    notes: [
      houseFirst ? 'House column first' : 'Exchange column first, House second',
      'house and exchange requirement/excess/call: truth = house; Fed call and House call both printed: truth = house',
      'day trading buying power before margin buying power: truth = margin',
      deficit ? 'house deficit while the exchange requirement is met' : 'all calls $0.00 -> 0',
    ].join('; '),
  };
}

export const pmRiskMatrix: Layout = {
  name: 'pm-risk-matrix',
  tests:
    'Portfolio-margin risk report: a House vs Exchange (OCC TIMS) matrix of requirement, excess and call (House column first in one variant, second in the other); "Fed Call (Reg T)" and "House Call" on one line; Day Trading Buying Power printed before Margin Buying Power on the same line; a stress-scenario table of P&L figures; ISO "Report Date" and "Business Date 27-NOV-2026".',
  variants: 2,
  build,
};
