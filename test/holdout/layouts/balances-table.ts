// Fidelity-style "Balances" web page printed from a browser: print timestamp and URL in the margins, section
// rows, and a prior-close column (first, in one variant) beside the current values.

import { makeBook, scaleOf } from '../lib/book.ts';
import { businessDay, clock, fmt, MON, nextBusinessDay } from '../lib/dates.ts';
import { money, pct, r2, usd } from '../lib/money.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const prev = new Date(day.getTime() - (day.getUTCDay() === 1 ? 3 : 1) * 86_400_000);
  const printed = nextBusinessDay(day);
  const b = makeBook(rng, { scale: scaleOf(rng), creditCash: true });
  const acct = `${rng.pick(['Z', 'X', 'Y'])}${rng.digits(2)}-${rng.digits(6)}`;
  const exch = r2(b.maint * rng.range(0.72, 0.9));
  const priorFirst = variant === 1;

  const pdf = await newPdf({
    title: 'Balances | Fairhaven Investments',
    author: '',
    creator:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    producer: 'Skia/PDF m131',
    created: printed,
  });
  const s = new Sheet(pdf, LETTER);
  const green: [number, number, number] = [0.22, 0.45, 0.16];
  s.text(24, 20, `${fmt.mdyShort(printed)}, ${clock(rng, 7, 11)}`, { size: 7.5 });
  s.text(306, 20, 'Balances | Fairhaven Investments', { size: 7.5, align: 'center' });

  s.text(40, 58, 'Fairhaven', { size: 17, font: 'sansB', color: green });
  s.text(132, 58, 'INVESTMENTS', { size: 8, font: 'sans', color: green });
  s.text(572, 58, 'Accounts & Trade    News & Research    Log Out', { size: 7.5, align: 'right', color: 0.3 });
  s.hline(40, 572, 70, 0.6, 0.7);
  s.text(40, 92, variant === 1 ? 'INDIVIDUAL' : 'INDIVIDUAL - TOD', { size: 9, font: 'sansB' });
  s.text(40, 104, acct, { size: 9, color: 0.3 });
  s.text(150, 104, 'Margin  |  Options Level 2', { size: 8, color: 0.4 });
  s.text(40, 134, 'Balances', { size: 20, font: 'sansB' });
  const asOf =
    variant === 1
      ? `Balances as of ${MON[day.getUTCMonth()]}-${String(day.getUTCDate()).padStart(2, '0')}-${day.getUTCFullYear()} close of business`
      : `As of ${fmt.mdy(day)} at 4:00 PM ET`;
  s.text(40, 150, asOf, { size: 8.5, color: 0.3 });

  const cols = priorFirst
    ? [`Previous close ${fmt.mdy(prev)}`, 'Today', 'Change']
    : variant === 2
      ? ["Today's value", 'Prior day close', 'Change']
      : ['Current', 'Close of prior business day', 'Change'];
  const x = [320, 450, 566];
  let y = 182;
  s.box(36, y - 14, 540, 22, { fill: 0.93 });
  s.text(44, y, 'Balance', { size: 8.5, font: 'sansB' });
  cols.forEach((c, i) => {
    s.text(x[i]!, y, c, { size: 8.5, font: 'sansB', align: 'right' });
  });
  y += 24;

  type Row = [string, number | null, 'money' | 'pct'];
  const sections: [string, Row[]][] = [
    ['Account value', variant === 1 ? [] : [['Total account value', b.equity, 'money']]],
    [
      'Cash',
      [
        ['Core/cash', b.cash, 'money'],
        ['Cash available to withdraw', r2(Math.min(b.cash + b.sma * 0.5, b.excess)), 'money'],
      ],
    ],
    [
      'Margin',
      [
        ['Margin equity', b.equity, 'money'],
        ['Margin equity %', Math.min(100, (b.equity / b.lmv) * 100), 'pct'],
        ['Margin requirement (house)', b.maint, 'money'],
        ['Margin requirement (exchange)', exch, 'money'],
        ['House surplus', b.excess, 'money'],
        ['Exchange surplus', r2(b.equity - exch), 'money'],
        ...(variant === 1 ? ([['SMA', b.sma, 'money']] as Row[]) : []),
      ],
    ],
    [
      'Buying power',
      [
        ['Margin buying power', b.bp, 'money'],
        ...(variant === 1 ? ([['Day trade buying power', b.dtbp, 'money']] as Row[]) : []),
        ['Non-margin buying power', r2(b.cash + Math.min(b.sma, b.excess) * 0.5), 'money'],
      ],
    ],
  ];
  for (const [title, rows] of sections) {
    if (!rows.length) continue;
    s.text(44, y, title, { size: 9.5, font: 'sansB', color: green });
    s.hline(40, 572, y + 5, 0.5, 0.75);
    y += 19;
    for (const [label, cur, kind] of rows) {
      if (cur === null) continue;
      const prior = kind === 'pct' ? cur * rng.range(0.97, 1.03) : r2(cur * rng.range(0.955, 1.045));
      const change = kind === 'pct' ? cur - prior : r2(cur - prior);
      const show = (v: number) => (kind === 'pct' ? pct(v) : usd(v));
      const chg =
        kind === 'pct' ? `${change >= 0 ? '+' : ''}${change.toFixed(2)}%` : money(change, { sym: '$', plus: true });
      const cells = priorFirst ? [show(prior), show(cur), chg] : [show(cur), show(prior), chg];
      s.text(52, y, label, { size: 9 });
      cells.forEach((c, i) => {
        s.text(x[i]!, y, c, {
          size: 9,
          align: 'right',
          font: i === (priorFirst ? 1 : 0) ? 'sansB' : 'sans',
          color: i === 2 ? (change < 0 ? [0.7, 0.1, 0.1] : green) : 0,
        });
      });
      s.hline(48, 572, y + 6, 0.3, 0.88);
      y += 19;
    }
    y += 8;
  }
  y += 8;
  s.para(
    40,
    y,
    'Balances reflect trade-date activity. Margin requirement (house) is the Fairhaven requirement for your positions; the exchange requirement is the regulatory minimum. Surplus figures are margin equity less the respective requirement. Non-margin buying power is the amount you can invest without borrowing.',
    532,
    { size: 7.5, color: 0.35, leading: 10 },
  );
  s.text(24, 778, `https://digital.fairhaven.example/ftgw/pna/balances?acct=${acct.replace('-', '')}`, { size: 7.5 });
  s.text(588, 778, '1/1', { size: 7.5, align: 'right' });

  const fields: Fields = {
    total_equity: b.equity,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    buying_power: b.bp,
    cash_balance: b.cash,
  };
  if (variant === 1) fields.sma = b.sma;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(day), currency: 'USD', fields }],
    notes: [
      'browser print: print date in header is not the report date',
      priorFirst ? 'prior-close column comes BEFORE the current column' : 'current column first, prior close second',
      'house and exchange requirement and surplus both printed: truth = house',
      variant === 1 ? 'only "Margin equity" carries the equity; day trade buying power printed' : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const balancesTable: Layout = {
  name: 'balances-table',
  tests:
    'Fidelity-style "Balances" page printed from a browser (print timestamp + URL in the margins). "Margin equity", "Margin requirement (house)" and "(exchange)", "House surplus"/"Exchange surplus", "Margin buying power" vs "Non-margin buying power", "Core/cash". A prior-close column and a change column beside the current one; in one variant the prior column comes first.',
  variants: 3,
  build,
};
