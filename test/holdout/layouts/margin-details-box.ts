// Schwab-style monthly statement: account value hero, "Change in Account Value" (This Period / Year to Date)
// and a boxed "Margin Details" section whose values are right-aligned behind dotted leaders.

import { makeBook, scaleOf } from '../lib/book.ts';
import { fmt, monthPeriod } from '../lib/dates.ts';
import { pct, r2, usd } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const [start, end] = monthPeriod(rng);
  const deficit = variant === 1;
  const b = makeBook(rng, { scale: scaleOf(rng), deficit });
  const acct = `${rng.digits(4)}-${rng.digits(4)}`;
  const who = person(rng);
  const periodText = [
    `${fmt.long(start).replace(/ \d+, /, ` 1-${end.getUTCDate()}, `)}`,
    `${fmt.long(start).split(' ')[0]} 1 - ${end.getUTCDate()}, ${end.getUTCFullYear()}`,
    `${fmt.mdy(start)} to ${fmt.mdy(end)}`,
  ][variant]!;

  const pdf = await newPdf({
    title: 'Account Statement',
    author: 'Harbor Point Brokerage',
    creator: 'HPB eStatements',
    producer: 'StreamServe Persuasion',
    created: new Date(end.getTime() + 3 * 86_400_000),
  });
  const s = new Sheet(pdf, LETTER);
  const blue: [number, number, number] = [0.05, 0.33, 0.6];

  s.text(40, 52, 'Harbor Point', { size: 18, font: 'sansB', color: blue });
  s.text(40, 66, 'BROKERAGE', { size: 8, font: 'sansB', color: blue });
  s.text(40, 92, 'Investor Brokerage Account of', { size: 8, color: 0.35 });
  s.lines(40, 104, [who.name.toUpperCase(), ...who.address.map((a) => a.toUpperCase())], { size: 9 });

  s.text(400, 48, 'Statement Period', { size: 8, color: 0.35 });
  s.text(400, 60, periodText, { size: 10, font: 'sansB' });
  s.text(400, 80, 'Account Number', { size: 8, color: 0.35 });
  s.text(400, 92, acct, { size: 10, font: 'sansB' });
  s.text(400, 112, 'Questions? Contact your Harbor Point team at 1-800-555-0142', { size: 7, color: 0.35 });

  // hero
  s.box(40, 150, 532, 52, { fill: 0.95 });
  s.text(52, 170, 'Account Value', { size: 10, font: 'sansB' });
  s.text(52, 188, `as of ${fmt.long(end)}`, { size: 8, color: 0.35 });
  s.text(560, 184, usd(b.equity), { size: 20, font: 'sansB', align: 'right' });

  // change in account value
  let y = 226;
  s.text(40, y, 'Change in Account Value', { size: 11, font: 'sansB', color: blue });
  s.text(380, y, 'This Period', { size: 8, font: 'sansB', align: 'right' });
  s.text(560, y, 'Year to Date', { size: 8, font: 'sansB', align: 'right' });
  s.hline(40, 572, y + 5, 0.8, blue);
  const credits = rng.money(0, b.equity * 0.04);
  const debits = -rng.money(0, b.equity * 0.03);
  const startP = r2(b.equity * rng.range(0.9, 1.08));
  const changeP = r2(b.equity - startP - credits - debits);
  const startY = r2(b.equity * rng.range(0.75, 1.1));
  const creditsY = r2(credits + rng.money(0, b.equity * 0.1));
  const debitsY = r2(debits - rng.money(0, b.equity * 0.06));
  const changeY = r2(b.equity - startY - creditsY - debitsY);
  const rows: [string, number, number][] = [
    ['Starting Value', startP, startY],
    ['Credits', credits, creditsY],
    ['Debits', debits, debitsY],
    ['Change in Value of Investments', changeP, changeY],
    ['Ending Value', b.equity, b.equity],
  ];
  y += 20;
  for (const [label, a, c] of rows) {
    const bold = label === 'Ending Value';
    s.text(48, y, label, { size: 9, font: bold ? 'sansB' : 'sans' });
    s.text(380, y, usd(a, 'parens'), { size: 9, font: bold ? 'sansB' : 'sans', align: 'right' });
    s.text(560, y, usd(c, 'parens'), { size: 9, font: bold ? 'sansB' : 'sans', align: 'right' });
    if (bold) s.hline(300, 572, y - 10, 0.4, 0.5);
    y += 15;
  }

  // asset composition (left) and margin details (right)
  y += 22;
  const top = y;
  s.text(40, y, 'Asset Composition', { size: 11, font: 'sansB', color: blue });
  s.hline(40, 290, y + 5, 0.8, blue);
  const etf = r2(b.lmv * rng.range(0.15, 0.45));
  const eq = r2(b.lmv - etf);
  const comp: [string, number][] = [
    ['Cash and Cash Investments', b.cash],
    ['Equities', eq],
    ['Exchange Traded Funds', etf],
  ];
  let ly = y + 20;
  s.text(226, ly - 2, 'Market Value', { size: 7, color: 0.35, align: 'right' });
  s.text(288, ly - 2, '% of Account', { size: 7, color: 0.35, align: 'right' });
  ly += 12;
  for (const [label, v] of comp) {
    s.text(44, ly, label, { size: 8.5 });
    s.text(226, ly, usd(v, 'parens'), { size: 8.5, align: 'right' });
    s.text(288, ly, pct((v / b.equity) * 100, 0), { size: 8.5, align: 'right' });
    ly += 14;
  }
  s.hline(44, 290, ly - 9, 0.4, 0.5);
  s.text(44, ly + 2, 'Total Account Value', { size: 8.5, font: 'sansB' });
  s.text(226, ly + 2, usd(b.equity), { size: 8.5, font: 'sansB', align: 'right' });
  s.text(288, ly + 2, '100%', { size: 8.5, font: 'sansB', align: 'right' });

  // Margin Details box
  const bx = 314;
  const bw = 258;
  const detail: [string, string][] = [['Securities Eligible for Margin', usd(r2(b.lmv * rng.range(0.86, 0.97)))]];
  if (variant === 1) detail.push(['Margin Loan Balance', usd(b.cash, 'parens')]);
  detail.push(['Margin Equity', usd(b.equity)]);
  detail.push(['Margin Equity Percentage', pct(Math.min(100, (b.equity / b.lmv) * 100))]);
  detail.push(['Maintenance Requirement', usd(b.maint)]);
  detail.push(['Maintenance Excess (Deficit)', usd(b.excess, 'parens')]);
  if (variant === 0) {
    detail.push(['House Call', usd(0)]);
    detail.push(['Fed Call', usd(0)]);
  } else if (variant === 1) {
    detail.push(['Fed Call', usd(b.fedCall)]);
    detail.push(['House Call', usd(b.houseCall)]);
  }
  detail.push(['Margin Buying Power', usd(b.bp)]);
  if (variant === 2) detail.push(['Special Memorandum Account (SMA)', usd(b.sma)]);
  detail.push(['Available to Withdraw', usd(Math.max(0, r2(Math.min(b.sma, b.excess) + Math.max(b.cash, 0))))]);
  const bh = 34 + detail.length * 15;
  s.box(bx, top - 12, bw, bh, { stroke: blue, width: 0.8 });
  s.box(bx, top - 12, bw, 20, { fill: blue });
  s.text(bx + 8, top + 2, 'Margin Details', { size: 10, font: 'sansB', color: 1 });
  let my = top + 24;
  for (const [label, v] of detail) {
    s.text(bx + 8, my, label, { size: 8.5 });
    const lw = s.width(label, 8.5);
    const vw = s.width(v, 8.5, 'sansB');
    if (variant === 1) s.dotted(bx + 12 + lw, bx + bw - 12 - vw, my);
    else s.leader(bx + 11 + lw, bx + bw - 15 - vw, my, { size: 8.5, spaced: variant === 2 });
    s.text(bx + bw - 8, my, v, { size: 8.5, font: 'sansB', align: 'right' });
    my += 15;
  }

  let fy = Math.max(ly + 40, top + bh + 30);
  s.text(40, fy, 'About Your Margin Account', { size: 9, font: 'sansB' });
  fy += 12;
  const note =
    variant === 2
      ? 'Margin equity is the market value of your marginable securities less any margin loan balance. The maintenance requirement reflects Harbor Point house rules, which may exceed the minimum required by FINRA. Buying power shown assumes purchases of fully marginable securities and may change intraday.'
      : 'Margin equity is the market value of your marginable securities less any margin loan balance. A house call is issued when margin equity falls below the Harbor Point maintenance requirement; a Fed call arises when a purchase is not covered by Regulation T initial margin. Calls must be met promptly; Harbor Point may sell securities without notice.';
  s.para(40, fy, note, 532, { size: 7.5, color: 0.25, leading: 10 });
  s.text(40, 760, `Statement for ${acct}   ${periodText}`, { size: 7, color: 0.4 });
  s.text(572, 760, 'Page 1 of 1', { size: 7, color: 0.4, align: 'right' });

  const fields: Fields = {
    total_equity: b.equity,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    buying_power: b.bp,
    cash_balance: b.cash,
  };
  if (variant === 0) fields.margin_call = 0;
  if (variant === 1) fields.margin_call = b.houseCall;
  if (variant === 2) fields.sma = b.sma;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(end), currency: 'USD', fields }],
    notes: [
      'monthly statement, date = period end',
      'Margin Details values right-aligned behind dotted leaders',
      variant === 1 ? 'Fed call printed before house call; truth = house call' : '',
      variant === 2 ? 'no call lines at all: margin_call absent' : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const marginDetailsBox: Layout = {
  name: 'margin-details-box',
  tests:
    'Schwab-style monthly statement. Values right-aligned behind dotted leaders (text dots, spaced dots, vector dots); period written "October 1-31, 2026" (truth = period end); Year-to-Date column next to This Period; Fed call printed before the house call (truth = house); "Securities Eligible for Margin" and "Available to Withdraw" are not canonical fields.',
  variants: 3,
  build,
};
