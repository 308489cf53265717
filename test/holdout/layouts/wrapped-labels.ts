// Consolidated household overview: one column per account plus a "Household Total" column (not an account),
// with every row label wrapped over two lines in a narrow first column.

import { type Book, makeBook } from '../lib/book.ts';
import { fmt, monthPeriod } from '../lib/dates.ts';
import { num, r2 } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout, TruthReport } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const [start, end] = monthPeriod(rng);
  const n = variant === 0 ? 2 : 3;
  const base = rng.digits(4);
  const accts = Array.from({ length: n }, () => `${base} ${rng.digits(4)} ${rng.digits(2)}`);
  const kinds = rng
    .shuffle(['Individual', 'Joint WROS', 'Trust', 'IRA Rollover*', 'Custodial'])
    .filter((k) => !k.includes('IRA'));
  const deficitAt = variant === 1 ? rng.int(0, n - 1) : -1;
  const books: Book[] = accts.map((_, i) =>
    makeBook(rng, { scale: rng.pick([90_000, 400_000, 1_200_000]), shorts: rng.chance(0.6), deficit: i === deficitAt }),
  );
  const who = person(rng);

  const pdf = await newPdf({
    title: 'Consolidated Margin Overview',
    author: 'Laurel & Finch Wealth Management',
    creator: 'Advent Axys Report Writer',
    producer: 'Advent PDF Engine 2.4',
    created: new Date(end.getTime() + 4 * 86_400_000),
  });
  const s = new Sheet(pdf, LETTER);
  const green: [number, number, number] = [0.15, 0.3, 0.22];
  s.text(40, 50, 'LAUREL & FINCH', { size: 15, font: 'serifB', color: green });
  s.text(40, 62, 'WEALTH MANAGEMENT', { size: 7.5, color: green });
  s.text(572, 50, 'Consolidated Margin Overview', { size: 12, font: 'sansB', align: 'right' });
  const period =
    variant === 0 ? `Period ending ${fmt.long(end)}` : `Statement period ${fmt.mdy(start)} - ${fmt.mdy(end)}`;
  s.text(572, 64, period, { size: 9, align: 'right' });
  s.text(40, 92, `Prepared for the ${who.name.split(' ').pop()} household`, { size: 9 });

  const labelW = 112;
  const colW = (572 - 40 - labelW) / (n + 1);
  const colX = (i: number) => 40 + labelW + colW * (i + 1) - 6; // right edge
  let y = 124;
  s.box(40, y - 12, 532, 44, { fill: 0.92 });
  accts.forEach((a, i) => {
    s.text(colX(i), y, 'Account', { size: 8, font: 'sansB', align: 'right' });
    s.text(colX(i), y + 12, a, { size: 8, font: 'sansB', align: 'right' });
    s.text(colX(i), y + 24, kinds[i]!, { size: 7.5, color: 0.35, align: 'right' });
  });
  s.text(colX(n), y, 'Household', { size: 8, font: 'sansB', align: 'right' });
  s.text(colX(n), y + 12, 'Total', { size: 8, font: 'sansB', align: 'right' });
  y += 52;

  type Row = { label: [string, string]; get: (b: Book) => number; field: keyof Fields };
  const rows: Row[] = [
    { label: ['Net Liquidation', 'Value'], get: (b) => b.equity, field: 'total_equity' },
    { label: ['Long Market', 'Value'], get: (b) => b.lmv, field: 'long_market_value' },
    { label: ['Short Market', 'Value'], get: (b) => b.smv, field: 'short_market_value' },
    { label: ['Cash / Margin', 'Balance'], get: (b) => b.cash, field: 'cash_balance' },
    { label: ['Maintenance Margin', 'Requirement'], get: (b) => b.maint, field: 'maintenance_requirement' },
    { label: ['Initial Margin', 'Requirement'], get: (b) => b.initial, field: 'initial_requirement' },
    { label: ['Excess', 'Liquidity'], get: (b) => b.excess, field: 'excess_liquidity' },
    { label: ['Special Memorandum', 'Account (SMA)'], get: (b) => b.sma, field: 'sma' },
    { label: ['Margin Buying', 'Power'], get: (b) => b.bp, field: 'buying_power' },
  ];
  if (variant === 1) rows.push({ label: ['House Margin', 'Call Due'], get: (b) => b.houseCall, field: 'margin_call' });
  for (const [ri, row] of rows.entries()) {
    if (ri % 2 === 1) s.box(40, y - 11, 532, 28, { fill: 0.97 });
    s.text(44, y, row.label[0], { size: 8.5 });
    s.text(44, y + 11, row.label[1], { size: 8.5 });
    const vy = variant === 0 ? y + 11 : y;
    books.forEach((b, i) => {
      s.text(colX(i), vy, num(row.get(b), 'parens'), { size: 8.5, align: 'right' });
    });
    s.text(colX(n), vy, num(r2(books.reduce((a, b) => a + row.get(b), 0)), 'parens'), {
      size: 8.5,
      font: 'sansB',
      align: 'right',
    });
    y += 28;
  }
  s.hline(40, 572, y - 10, 0.6);
  y += 12;
  s.para(
    40,
    y,
    `Amounts in USD; negative amounts in parentheses. The Household Total column is provided for convenience and is not an account. Excess liquidity is net liquidation value less the maintenance margin requirement.${variant === 1 ? ' House margin calls are due within two business days.' : ''}`,
    532,
    { size: 7.5, color: 0.35, leading: 10 },
  );
  s.text(40, 770, 'Laurel & Finch Wealth Management LLC. Securities cleared through an unaffiliated clearing firm.', {
    size: 6.5,
    color: 0.45,
  });

  const reports: TruthReport[] = books.map((b, i) => {
    const f: Fields = {};
    for (const r of rows) f[r.field] = r.get(b);
    return { account_number: accts[i]!.replace(/\s+/g, ''), report_date: fmt.iso(end), currency: 'USD', fields: f };
  });
  return {
    pdf: await finish(pdf),
    reports,
    notes: [
      `${n} account columns + Household Total (not an account)`,
      variant === 0
        ? 'values aligned with the SECOND line of each wrapped label'
        : 'values aligned with the FIRST line of each wrapped label; a house call row',
      'account numbers printed with spaces; period end = report date; zero short value printed as 0.00',
    ].join('; '),
  };
}

export const wrappedLabels: Layout = {
  name: 'wrapped-labels',
  tests:
    'Household overview with account COLUMNS (numbers like "7700 4412 93") and a Household Total column that is not an account; every label wrapped over two lines ("Maintenance Margin / Requirement", "Special Memorandum / Account (SMA)"), with values level with the second line in one variant and the first line in the other; parentheses negatives.',
  variants: 2,
  build,
};
