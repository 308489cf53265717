// Monthly clearing-firm statement that opens with pages of holdings (quantities, prices, market values,
// requirement percentages, acquisition dates) before a short account summary on the last page. The account
// number and the period are printed only in the running page header.

import { makeBook } from '../lib/book.ts';
import { businessDay, fmt, monthPeriod } from '../lib/dates.ts';
import { num, pct, usd } from '../lib/money.ts';
import { makePositions, sumOf } from '../lib/positions.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const [start, end] = monthPeriod(rng);
  const pos = makePositions(rng, rng.pick([300_000, 1_200_000, 4_000_000]), rng.int(30, 38), rng.int(3, 6));
  const longs = pos.filter((p) => p.qty > 0);
  const shorts = pos.filter((p) => p.qty < 0);
  const lmv = sumOf(longs, (p) => p.mv);
  const smv = sumOf(shorts, (p) => p.mv);
  const maint = sumOf(pos, (p) => p.req);
  const b = makeBook(rng, { scale: lmv, lmv, smv, maint });
  const acct = `${rng.digits(4)}-${rng.digits(4)}`;
  const period =
    variant === 0
      ? `Period: ${fmt.mdy(start)} - ${fmt.mdy(end)}`
      : `Statement period ${fmt.mdy(start)} \u2013 ${fmt.mdy(end)}`;
  const acquired = () => fmt.mdy(businessDay(rng, Date.UTC(2019, 0, 2), end.getTime() - 86_400_000));

  const pdf = await newPdf({
    title: 'Monthly Statement',
    author: 'Meridian Clearing Corp.',
    creator: 'Meridian Statement Composer',
    producer: 'Adobe PDF Library 17.11.238',
    created: new Date(end.getTime() + 5 * 86_400_000),
  });
  const sheets: Sheet[] = [];
  const header = () => {
    const sh = new Sheet(pdf, LETTER);
    sheets.push(sh);
    sh.text(36, 34, 'Meridian Clearing Corp.', { size: 11, font: 'sansB' });
    sh.text(36, 46, 'Monthly Statement', { size: 8, color: 0.4 });
    sh.text(576, 34, `Account: ${acct}`, { size: 9, font: 'sansB', align: 'right' });
    sh.text(576, 46, period, { size: 8, align: 'right' });
    sh.hline(36, 576, 54, 0.8);
    sh.text(36, 772, 'Meridian Clearing Corp., member NYSE/FINRA/SIPC', { size: 7, color: 0.4 });
    return sh;
  };

  // x and alignment per column
  const cols: [number, 'left' | 'right'][] = [
    [36, 'left'],
    [76, 'left'],
    [236, 'left'],
    [330, 'right'],
    [392, 'right'],
    [468, 'right'],
    [508, 'right'],
    [576, 'right'],
  ];
  const heads = ['Symbol', 'Description', 'Acquired', 'Quantity', 'Price', 'Market Value', 'Req %', 'Requirement'];
  let s = header();
  s.text(36, 80, 'Portfolio Holdings', { size: 12, font: 'sansB' });
  let y = 100;
  const tableHead = () => {
    s.box(36, y - 11, 540, 16, { fill: 0.88 });
    heads.forEach((h, i) => {
      s.text(cols[i]![0], y, h, { size: 7.5, font: 'sansB', align: cols[i]![1] });
    });
    y += 16;
  };
  const room = (need: number, again?: () => void) => {
    if (y + need <= 745) return;
    s = header();
    y = 80;
    again?.();
  };
  tableHead();
  const rowsOf = (list: typeof pos, title: string, totalLabel: string, totalMv: number) => {
    room(30, tableHead);
    s.text(36, y, title, { size: 8, font: 'sansB' });
    y += 13;
    for (const p of list) {
      room(12, tableHead);
      const cells = [
        p.sym,
        p.desc,
        acquired(),
        num(p.qty).replace('.00', ''),
        usd(p.price),
        num(p.mv, 'parens'),
        pct(p.reqPct, 0),
        num(p.req),
      ];
      cells.forEach((c, i) => {
        s.text(cols[i]![0], y, c, { size: 7.5, align: cols[i]![1] });
      });
      y += 12.5;
    }
    s.hline(400, 576, y - 8, 0.4);
    s.text(76, y + 1, totalLabel, { size: 7.5, font: 'sansB' });
    s.text(cols[5]![0], y + 1, num(totalMv, 'parens'), { size: 7.5, font: 'sansB', align: 'right' });
    y += 22;
  };
  rowsOf(longs, 'Long Positions', 'Total Long Positions', lmv);
  rowsOf(shorts, 'Short Positions', 'Total Short Positions', smv);

  // transactions during the period
  room(60);
  s.text(36, y + 6, 'Transactions', { size: 12, font: 'sansB' });
  y += 26;
  const tcols: [number, 'left' | 'right'][] = [
    [36, 'left'],
    [96, 'left'],
    [180, 'left'],
    [330, 'right'],
    [392, 'right'],
    [576, 'right'],
  ];
  const tHead = () => {
    s.box(36, y - 11, 540, 16, { fill: 0.88 });
    ['Date', 'Activity', 'Description', 'Quantity', 'Price', 'Amount'].forEach((h, i) => {
      s.text(tcols[i]![0], y, h, { size: 7.5, font: 'sansB', align: tcols[i]![1] });
    });
    y += 16;
  };
  tHead();
  const nT = rng.int(14, 22);
  const days = Array.from({ length: nT }, () => businessDay(rng, start.getTime(), end.getTime())).sort(
    (a, c) => a.getTime() - c.getTime(),
  );
  for (const d of days) {
    room(12, tHead);
    const p = rng.pick(pos);
    const kind = rng.pick(['Bought', 'Sold', 'Dividend', 'Bought', 'Sold', 'Margin Interest']);
    const qty = kind === 'Bought' || kind === 'Sold' ? rng.int(5, 400) : 0;
    const amount =
      kind === 'Dividend'
        ? rng.money(20, 2400)
        : kind === 'Margin Interest'
          ? -rng.money(40, 3800)
          : (kind === 'Sold' ? 1 : -1) * qty * p.price;
    const cells = [
      fmt.mdy(d),
      kind,
      kind === 'Margin Interest' ? 'MARGIN INTEREST CHARGED' : p.desc,
      qty ? num(kind === 'Sold' ? -qty : qty).replace('.00', '') : '',
      qty ? usd(p.price) : '',
      num(amount, 'parens'),
    ];
    cells.forEach((c, i) => {
      s.text(tcols[i]![0], y, c, { size: 7.5, align: tcols[i]![1] });
    });
    y += 12.5;
  }

  s = header();
  s.text(36, 84, 'Account Summary', { size: 13, font: 'sansB' });
  y = 108;
  const rows: [string, string][] = [
    ['Long Market Value', usd(b.lmv, 'parens')],
    ['Short Market Value', usd(b.smv, 'parens')],
    ['Cash Balance', usd(b.cash, 'parens')],
    ['Total Equity', usd(b.equity, 'parens')],
    ['House Maintenance Requirement', usd(b.maint, 'parens')],
    ['Maintenance Excess', usd(b.excess, 'parens')],
    ['SMA', usd(b.sma)],
    ['Buying Power', usd(b.bp)],
  ];
  if (variant === 0) rows.push(['Margin Calls Outstanding', 'None']);
  sheets.forEach((sh, i) => {
    sh.text(576, 772, `Page ${i + 1} of ${sheets.length}`, { size: 7, color: 0.4, align: 'right' });
  });
  for (const [label, v] of rows) {
    s.text(44, y, label, { size: 9.5 });
    s.text(330, y, v, { size: 9.5, font: 'sansB', align: 'right' });
    s.hline(40, 336, y + 6, 0.3, 0.8);
    y += 19;
  }
  s.para(
    36,
    y + 20,
    'Total Equity = Long Market Value + Short Market Value + Cash Balance. The house maintenance requirement is the sum of the position requirements shown under Portfolio Holdings. Short market values are shown in parentheses.',
    540,
    { size: 7.5, color: 0.35, leading: 10 },
  );

  const fields: Fields = {
    long_market_value: b.lmv,
    short_market_value: b.smv,
    cash_balance: b.cash,
    total_equity: b.equity,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    sma: b.sma,
    buying_power: b.bp,
  };
  if (variant === 0) fields.margin_call = 0;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(end), currency: 'USD', fields }],
    notes: [
      `${pos.length} holdings and a transactions list over ${sheets.length - 1} pages before the summary on the last page`,
      'account and period only in the running header; acquisition dates are not the report date',
      variant === 0 ? '"Margin Calls Outstanding: None" -> 0' : 'calls never mentioned',
    ].join('; '),
  };
}

export const positionsHeavy: Layout = {
  name: 'positions-heavy',
  tests:
    'About 40 holdings rows (quantities, prices, market values, requirement %, acquisition dates) and a transactions list fill two pages before the account summary on page 3; account number ("Account: 1234-5678") and "Period: 10/01/2026 - 10/31/2026" only in the running header (truth = period end); "Margin Calls Outstanding: None".',
  variants: 2,
  build,
};
