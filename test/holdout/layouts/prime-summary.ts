// Prime-brokerage "Margin Summary": a landscape grid with one row per account and a Total row. Each account row
// is a report; the Total row is not an account.

import { type Book, makeBook } from '../lib/book.ts';
import { businessDay, clock24, fmt, nextBusinessDay } from '../lib/dates.ts';
import { num, r2 } from '../lib/money.ts';
import { fund } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER_LANDSCAPE, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Layout, TruthReport } from '../lib/types.ts';

const NAMES = [
  'Main Fund - Equity L/S',
  'Main Fund - Event Driven',
  'Onshore Feeder LP',
  'Offshore Feeder Ltd',
  'Managed Account (SMA) - Alpha',
  'Special Situations Sleeve',
  'Quant Overlay',
  'Treasury / Cash Mgmt',
];

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const n = [4, 6, 3][variant]!;
  const neg = variant === 1 ? 'minus' : 'parens';
  const client = fund(rng);
  const names = rng.shuffle(NAMES.filter((x) => variant === 1 || !x.includes('SMA'))).slice(0, n);
  if (variant === 1 && !names.some((x) => x.includes('SMA'))) names[n - 1] = NAMES[4]!;
  const prefix = rng.digits(3);
  const accts = names.map(() =>
    variant === 0
      ? `PB-${rng.digits(7)}`
      : variant === 1
        ? `${prefix}-${rng.digits(5)}-${rng.digits(1)}`
        : `CAL ${rng.digits(4)} ${rng.digits(4)}`,
  );
  const deficitAt = variant === 2 ? -1 : rng.int(0, n - 1);
  const books: Book[] = names.map((_, i) =>
    makeBook(rng, { scale: rng.pick([4e6, 12e6, 30e6, 75e6]), shorts: true, deficit: i === deficitAt }),
  );

  const pdf = await newPdf({
    title: 'Margin Summary',
    author: 'Calder Prime Services',
    creator: 'Calder Risk Reporting',
    producer: 'JasperReports Library version 6.20.0',
    created: nextBusinessDay(day),
  });
  const s = new Sheet(pdf, LETTER_LANDSCAPE);
  const navy: [number, number, number] = [0.08, 0.16, 0.32];
  s.text(36, 40, 'CALDER PRIME SERVICES', { size: 13, font: 'sansB', color: navy });
  s.text(36, 62, 'Margin Summary', { size: 17, font: 'sansB' });
  s.text(36, 80, `Client: ${client}`, { size: 9 });
  s.text(36, 92, 'Reporting Currency: USD', { size: 9 });
  const dateLine = [`Business Date ${fmt.dmonY(day)}`, `As of: ${fmt.mdy(day)}`, `Valuation Date: ${fmt.long(day)}`][
    variant
  ]!;
  s.text(756, 40, dateLine, { size: 10, font: 'sansB', align: 'right' });
  s.text(756, 54, `Run: ${fmt.dmonY(nextBusinessDay(day))} ${clock24(rng, 5, 7)} EST`, {
    size: 7.5,
    color: 0.4,
    align: 'right',
  });
  s.text(756, 66, 'Methodology: Calder house rules / Reg T', { size: 7.5, color: 0.4, align: 'right' });

  type Col = { h: string[]; w: number; get: (i: number) => string; left?: boolean };
  const v = (x: number) => num(x, neg);
  const all: Record<string, Col> = {
    acct: { h: ['Account'], w: 86, get: (i) => accts[i]!, left: true },
    name: { h: ['Account Name'], w: 130, get: (i) => names[i]!, left: true },
    lmv: { h: ['Long MV'], w: 84, get: (i) => v(books[i]!.lmv) },
    smv: { h: ['Short MV'], w: 84, get: (i) => v(books[i]!.smv) },
    eq: { h: ['Net Equity'], w: 84, get: (i) => v(books[i]!.equity) },
    house: { h: ['House Req'], w: 80, get: (i) => v(books[i]!.maint) },
    regt: { h: ['Reg T Req'], w: 80, get: (i) => v(books[i]!.initial) },
    exc: { h: ['Excess (Deficit)'], w: 92, get: (i) => v(books[i]!.excess) },
  };
  const order =
    variant === 2
      ? ['acct', 'name', 'eq', 'lmv', 'smv', 'regt', 'house', 'exc']
      : ['acct', 'name', 'lmv', 'smv', 'eq', 'house', 'regt', 'exc'];
  const cols = order.map((k) => all[k]!);
  const totals: Record<string, number> = {
    lmv: r2(books.reduce((a, b) => a + b.lmv, 0)),
    smv: r2(books.reduce((a, b) => a + b.smv, 0)),
    eq: r2(books.reduce((a, b) => a + b.equity, 0)),
    house: r2(books.reduce((a, b) => a + b.maint, 0)),
    regt: r2(books.reduce((a, b) => a + b.initial, 0)),
    exc: r2(books.reduce((a, b) => a + b.excess, 0)),
  };

  let y = 118;
  s.box(36, y - 13, 720, 20, { fill: navy });
  let x = 36;
  const xs: number[] = [];
  for (const c of cols) {
    xs.push(x);
    s.text(c.left ? x + 4 : x + c.w - 4, y, c.h[0]!, {
      size: 8.5,
      font: 'sansB',
      color: 1,
      align: c.left ? 'left' : 'right',
    });
    x += c.w;
  }
  y += 22;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 1) s.box(36, y - 12, 720, 18, { fill: 0.95 });
    cols.forEach((c, j) => {
      const val = c.get(i);
      const red = !c.left && val.includes(neg === 'parens' ? '(' : '-') && order[j] === 'exc';
      s.text(c.left ? xs[j]! + 4 : xs[j]! + c.w - 4, y, val, {
        size: 8.5,
        align: c.left ? 'left' : 'right',
        color: red ? [0.75, 0.05, 0.05] : 0,
      });
    });
    y += 18;
  }
  s.hline(36, 756, y - 11, 0.8);
  cols.forEach((c, j) => {
    const k = order[j]!;
    const txt = k === 'acct' ? 'Total' : k === 'name' ? `${n} accounts` : v(totals[k]!);
    s.text(c.left ? xs[j]! + 4 : xs[j]! + c.w - 4, y + 2, txt, {
      size: 8.5,
      font: 'sansB',
      align: c.left ? 'left' : 'right',
    });
  });
  s.hline(36, 756, y + 7, 0.8);
  s.hline(36, 756, y + 9, 0.8);

  y += 40;
  s.text(36, y, 'Notes', { size: 9, font: 'sansB' });
  s.para(
    36,
    y + 13,
    `Long MV and Short MV are market values at the close of the business date; short values are shown as ${neg === 'parens' ? 'negative amounts in parentheses' : 'negative amounts'}. Net Equity = Long MV + Short MV + cash balances (all currencies, converted at the WM/Reuters 4pm rates). House Req is the requirement Calder enforces under its risk-based house methodology; Reg T Req is the Regulation T initial requirement, shown for information. Excess (Deficit) = Net Equity - House Req. Deficits must be remedied by the settlement deadline agreed in the Prime Brokerage Agreement.`,
    720,
    { size: 7.5, color: 0.3, leading: 10 },
  );
  s.text(36, 585, 'Calder Prime Services LLC, member FINRA/SIPC. Confidential - prepared for the named client only.', {
    size: 7,
    color: 0.45,
  });
  s.text(756, 585, 'Page 1 of 1', { size: 7, color: 0.45, align: 'right' });

  const reports: TruthReport[] = books.map((b, i) => ({
    account_number: accts[i]!.replace(/\s+/g, ''),
    report_date: fmt.iso(day),
    currency: 'USD',
    fields: {
      long_market_value: b.lmv,
      short_market_value: b.smv,
      total_equity: b.equity,
      maintenance_requirement: b.maint,
      initial_requirement: b.initial,
      excess_liquidity: b.excess,
    },
  }));
  return {
    pdf: await finish(pdf),
    reports,
    notes: [
      `${n} account rows + a Total row (not an account)`,
      variant === 1
        ? 'an account NAME contains "(SMA)" - a separately managed account, not a special memorandum account'
        : '',
      variant === 2 ? 'account numbers printed with spaces; Reg T column before House column' : '',
      'Reg T Req = initial_requirement, House Req = maintenance_requirement',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const primeSummary: Layout = {
  name: 'prime-summary',
  tests:
    'Prime-brokerage landscape "Margin Summary": one row per account (each row is a report) plus a Total row that is not an account; columns Long MV / Short MV / Net Equity / House Req / Reg T Req / Excess (Deficit), reordered in one variant; negatives in parentheses or with a minus; run timestamp next to the business date; an account name containing "(SMA)".',
  variants: 3,
  build,
};
