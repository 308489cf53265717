// Statements where the value comes before its label: a dashboard printout with big numbers over small captions,
// and a balance list whose amount column precedes the description column.

import { makeBook, scaleOf } from '../lib/book.ts';
import { businessDay, clock, fmt, MON } from '../lib/dates.ts';
import { num, usd } from '../lib/money.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const b = makeBook(rng, { scale: scaleOf(rng), shorts: true });
  const acct = variant === 0 ? `${rng.digits(4)} ${rng.digits(4)}` : `K-${rng.digits(7)}`;
  const pdf = await newPdf({
    title: variant === 0 ? 'Portfolio Snapshot' : 'Account Balances',
    author: 'Kestrel Trading',
    creator: 'Kestrel Web',
    producer: 'Chromium PDF (Skia/PDF m128)',
    created: day,
  });
  const s = new Sheet(pdf, LETTER);
  const ink: [number, number, number] = [0.1, 0.12, 0.2];
  const accent: [number, number, number] = [0.93, 0.45, 0.1];
  const fields: Fields = {
    total_equity: b.equity,
    excess_liquidity: b.excess,
    maintenance_requirement: b.maint,
    initial_requirement: b.initial,
    buying_power: b.bp,
    sma: b.sma,
    cash_balance: b.cash,
    long_market_value: b.lmv,
    short_market_value: b.smv,
  };

  if (variant === 0) {
    s.box(0, 0, 612, 64, { fill: ink });
    s.text(40, 40, 'kestrel', { size: 22, font: 'sansB', color: accent });
    s.text(572, 40, 'Portfolio Snapshot', { size: 11, color: 1, align: 'right' });
    const head: [string, string][] = [
      [acct, 'ACCOUNT'],
      [`${MON[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()} \u00b7 4:00 PM ET`, 'DATA AS OF'],
      ['USD', 'BASE CURRENCY'],
      ['Reg T Margin', 'ACCOUNT TYPE'],
    ];
    head.forEach(([v, c], i) => {
      const x = [40, 150, 330, 440][i]!;
      s.text(x, 100, v, { size: 11, font: 'sansB', color: ink });
      s.text(x, 113, c, { size: 6.5, color: 0.45 });
    });
    s.hline(40, 572, 130, 0.5, 0.8);
    const tiles: [string, string][] = [
      [usd(b.equity), 'NET LIQUIDATION VALUE'],
      [usd(b.excess), 'EXCESS LIQUIDITY'],
      [usd(b.bp), 'BUYING POWER'],
      [usd(b.maint), 'MAINTENANCE MARGIN'],
      [usd(b.initial), 'INITIAL MARGIN'],
      [usd(b.sma), 'SMA'],
      [usd(b.lmv), 'LONG MARKET VALUE'],
      [usd(b.smv), 'SHORT MARKET VALUE'],
      [usd(b.cash), 'CASH'],
    ];
    tiles.forEach(([v, c], i) => {
      const x = 40 + (i % 3) * 180;
      const y = 150 + Math.floor(i / 3) * 84;
      s.box(x, y, 168, 70, { fill: 0.965, stroke: 0.85, width: 0.5 });
      s.text(x + 12, y + 36, v, { size: 17, font: 'sansB', color: ink });
      s.text(x + 12, y + 54, c, { size: 7, font: 'sansB', color: 0.45 });
    });
    s.text(40, 430, 'About these figures', { size: 12, font: 'sansB', color: ink });
    s.para(
      40,
      448,
      'Figures are as of the close and refresh overnight. Excess liquidity is net liquidation value less maintenance margin. Buying power is Reg T overnight buying power for marginable stock.',
      532,
      { size: 8, color: 0.4, leading: 11 },
    );
    s.text(24, 776, `${fmt.mdyShort(day)}, ${clock(rng, 17, 22)}`, { size: 7 });
    s.text(588, 776, '1/1', { size: 7, align: 'right' });
  } else {
    s.text(40, 54, 'KESTREL TRADING', { size: 14, font: 'sansB', color: ink });
    s.text(40, 68, 'Account Balances', { size: 10, color: accent });
    s.text(572, 54, `Account ${acct}`, { size: 9.5, font: 'sansB', align: 'right' });
    s.text(572, 68, `Statement date ${fmt.mdy(day)}`, { size: 9.5, align: 'right' });
    s.hline(40, 572, 80, 1, ink);
    let y = 110;
    s.text(180, y, 'Amount (USD)', { size: 8.5, font: 'sansB', align: 'right' });
    s.text(210, y, 'Item', { size: 8.5, font: 'sansB' });
    s.hline(40, 572, y + 5, 0.5);
    y += 20;
    const rows: [string, string][] = [
      [num(b.equity), 'Total equity'],
      [num(b.lmv), 'Long market value'],
      [num(b.smv), 'Short market value'],
      [num(b.cash), 'Cash balance'],
      [num(b.maint), 'Maintenance requirement'],
      [num(b.initial), 'Initial (Reg T) requirement'],
      [num(b.excess), 'Maintenance excess'],
      [num(b.sma), 'Special memorandum account'],
      [num(b.bp), 'Buying power - margin'],
      [num(b.dtbp), 'Buying power - day trade'],
      [num(0), 'Margin call'],
    ];
    for (const [v, label] of rows) {
      s.text(180, y, v, { size: 9.5, font: 'mono', align: 'right' });
      s.text(210, y, label, { size: 9.5 });
      s.hline(40, 572, y + 6, 0.25, 0.85);
      y += 19;
    }
    fields.margin_call = 0;
    s.para(
      40,
      y + 20,
      'Amounts in US dollars; short market value is shown as a negative amount. Maintenance excess is total equity less the maintenance requirement. Day-trade buying power applies to same-day round trips only.',
      532,
      { size: 8, color: 0.4, leading: 11 },
    );
  }
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct.replace(/\s+/g, ''), report_date: fmt.iso(day), currency: 'USD', fields }],
    notes:
      variant === 0
        ? 'dashboard tiles: each big value sits ABOVE its caption (the next tile row value is below the caption); account and date captions under their values too'
        : 'amount column precedes the description column; margin and day-trade buying power both listed; "0.00 Margin call" -> 0',
  };
}

export const valueFirst: Layout = {
  name: 'value-first',
  tests:
    'Value before label: dashboard tiles with a big value over a small caption (account and date too), and a list whose "Amount (USD)" column precedes the "Item" column. Reading label-then-value picks up the neighbour\'s figure.',
  variants: 2,
  build,
};
