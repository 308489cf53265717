// Bank brokerage monthly statement whose balance table prints the PREVIOUS period first and the current period
// second ("Last Period | This Period", "Opening | Closing"), with an income table of This Period / Year to Date.

import { makeBook, scaleOf } from '../lib/book.ts';
import { fmt, monthPeriod } from '../lib/dates.ts';
import { num, r2 } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const [start, end] = monthPeriod(rng);
  const prevEnd = new Date(start.getTime() - 86_400_000);
  const scale = scaleOf(rng);
  const b = makeBook(rng, { scale, shorts: variant === 1 });
  const p = makeBook(rng, {
    scale: b.lmv,
    lmv: r2(b.lmv * rng.range(0.9, 1.1)),
    smv: variant === 1 ? r2(b.smv * rng.range(0.85, 1.15)) : 0,
  });
  const acct = `${rng.digits(4)}-${rng.digits(6)}`;
  const who = person(rng);

  const pdf = await newPdf({
    title: 'Brokerage Account Statement',
    author: 'Granite State Bank Investment Services',
    creator: 'DST Output',
    producer: 'Crawford Technologies PRO Transform Plus',
    created: new Date(end.getTime() + 6 * 86_400_000),
  });
  const s = new Sheet(pdf, LETTER);
  const navy: [number, number, number] = [0.1, 0.2, 0.4];
  s.text(40, 50, 'GRANITE STATE BANK', { size: 14, font: 'serifB', color: navy });
  s.text(40, 62, 'Investment Services', { size: 8.5, font: 'serifI', color: navy });
  s.text(572, 50, 'Brokerage Account Statement', { size: 11, font: 'sansB', align: 'right' });
  s.text(
    572,
    64,
    variant === 0
      ? `Statement Period: ${fmt.mdy(start)} - ${fmt.mdy(end)}`
      : `Period: ${fmt.mdy(start)} - ${fmt.mdy(end)}`,
    { size: 9, align: 'right' },
  );
  s.text(572, 77, `Account No. ${acct}`, { size: 9, align: 'right' });
  s.lines(40, 100, [who.name.toUpperCase(), ...who.address.map((a) => a.toUpperCase())], { size: 8.5 });

  let y = 160;
  const cols = variant === 0 ? [`Last Period`, `This Period`] : ['Opening Balance', 'Closing Balance'];
  const sub = [fmt.mdy(prevEnd), fmt.mdy(end)];
  s.text(40, y, 'Account Balances', { size: 11, font: 'sansB', color: navy });
  s.text(430, y - 6, cols[0]!, { size: 8, font: 'sansB', align: 'right' });
  s.text(430, y + 4, sub[0]!, { size: 7.5, color: 0.4, align: 'right' });
  s.text(560, y - 6, cols[1]!, { size: 8, font: 'sansB', align: 'right' });
  s.text(560, y + 4, sub[1]!, { size: 7.5, color: 0.4, align: 'right' });
  s.hline(40, 572, y + 9, 0.8, navy);
  y += 24;
  const rows: [string, number, number][] = [
    ['Cash Balance', p.cash, b.cash],
    ['Long Market Value', p.lmv, b.lmv],
  ];
  if (variant === 1) rows.push(['Short Market Value', p.smv, b.smv]);
  rows.push(['Total Account Value', p.equity, b.equity]);
  const margin: [string, number, number][] = [
    ['Maintenance Requirement', p.maint, b.maint],
    ['Margin Excess', p.excess, b.excess],
    ['Special Memorandum Account', p.sma, b.sma],
    ['Margin Buying Power', p.bp, b.bp],
  ];
  const draw = (list: [string, number, number][]) => {
    for (const [label, a, c] of list) {
      const bold = label.startsWith('Total');
      s.text(48, y, label, { size: 9, font: bold ? 'sansB' : 'sans' });
      s.text(430, y, num(a, 'parens'), { size: 9, align: 'right', font: bold ? 'sansB' : 'sans' });
      s.text(560, y, num(c, 'parens'), { size: 9, align: 'right', font: bold ? 'sansB' : 'sans' });
      s.hline(44, 572, y + 6, 0.25, 0.85);
      y += 17;
    }
  };
  draw(rows);
  y += 8;
  s.text(40, y, 'Margin Information', { size: 9.5, font: 'sansB', color: navy });
  y += 17;
  draw(margin);

  y += 26;
  s.text(40, y, 'Income Summary', { size: 11, font: 'sansB', color: navy });
  s.text(430, y, 'This Period', { size: 8, font: 'sansB', align: 'right' });
  s.text(560, y, 'Year to Date', { size: 8, font: 'sansB', align: 'right' });
  s.hline(40, 572, y + 5, 0.8, navy);
  y += 20;
  const div = rng.money(10, b.lmv * 0.004);
  const intr = rng.money(1, 300);
  const mi = b.cash < 0 ? -r2(-b.cash * 0.0095) : 0;
  const months = end.getUTCMonth() + 1;
  draw([
    ['Dividends', div, r2(div * months * rng.range(0.8, 1.2))],
    ['Interest', intr, r2(intr * months * rng.range(0.8, 1.2))],
    ['Margin Interest Charged', mi, r2(mi * months * rng.range(0.8, 1.2))],
  ]);
  y += 20;
  s.para(
    40,
    y,
    'Amounts in U.S. dollars; negative amounts are shown in parentheses. Margin Excess is Total Account Value less the Maintenance Requirement. Securities products offered through Granite State Bank Investment Services are not FDIC insured, not bank guaranteed, and may lose value.',
    532,
    { size: 7.5, color: 0.35, leading: 10 },
  );
  s.text(572, 770, 'Page 1 of 1', { size: 7, color: 0.4, align: 'right' });

  const fields: Fields = {
    cash_balance: b.cash,
    long_market_value: b.lmv,
    total_equity: b.equity,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    sma: b.sma,
    buying_power: b.bp,
  };
  if (variant === 1) fields.short_market_value = b.smv;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(end), currency: 'USD', fields }],
    notes: `previous-period column printed FIRST (${cols.join(' | ')}); report date = period end; income table has Year to Date`,
  };
}

export const priorFirst: Layout = {
  name: 'prior-first',
  tests:
    'Bank brokerage monthly statement whose balance table prints the previous period first ("Last Period | This Period", "Opening Balance | Closing Balance"), "Statement Period: 09/01/2026 - 09/30/2026" / "Period: ..." (truth = period end), an income table with Year-to-Date.',
  variants: 2,
  build,
};
