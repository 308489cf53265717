// A prime broker's formal "Margin Call Notice" letter on letterhead, printed to PDF.
// Variant 0 (USD, one account): a "Call Details" table inside the letter; the Call Amount Due is the deficit
// ROUNDED UP to the next USD 10,000 (truth = the amount due; excess = the unrounded deficit); a Minimum Transfer
// Amount and the broker's own bank account in the wire instructions are distractors; the letter date and the
// settlement deadline are not the valuation date ("Nov 27, 2026").
// Variant 1 (EUR, European number format 1.234.567,89, leading minus): a consolidated notice to a fund covering
// several accounts, one table row each (each row is a report, surplus rows have a call of 0,00) and a Total row
// that is not an account; letter dated "Luxembourg, 30 November 2026", valuation date 27.11.2026, due date
// 01.12.2026; account numbers with a space and a dot.

import { type Book, makeBook } from '../lib/book.ts';
import { businessDay, fmt, MON, nextBusinessDay } from '../lib/dates.ts';
import { money, r2 } from '../lib/money.ts';
import { fund } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { A4, finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Layout, TruthReport } from '../lib/types.ts';

const SLEEVES = [
  'Global Equity L/S',
  'European Event Driven',
  'Convertible Arbitrage',
  'Systematic Overlay',
  'Credit Relative Value',
  'Special Situations',
];

const monD = (d: Date): string => `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng, Date.UTC(2025, 0, 2), Date.UTC(2026, 10, 27));
  const letterDate = nextBusinessDay(day);
  const client = fund(rng);
  return variant === 0 ? single(rng, day, letterDate, client) : consolidated(rng, day, letterDate, client);
}

async function single(rng: Rng, day: Date, letterDate: Date, client: string): Promise<Built> {
  const b = makeBook(rng, { scale: rng.pick([8e6, 20e6, 45e6]), shorts: true, deficit: true });
  const deficit = r2(b.maint - b.equity);
  const amountDue = Math.ceil(deficit / 10_000) * 10_000;
  const mta = deficit > 250_000 ? 250_000 : deficit > 100_000 ? 100_000 : 25_000;
  const acct = `${rng.digits(2)}-${rng.digits(4)}-${rng.digits(4)}`;
  const notice = `MC-${letterDate.getUTCFullYear()}-${rng.digits(5)}`;
  const deadline = nextBusinessDay(letterDate);
  const m = (n: number) => `USD ${money(n, { neg: 'parens' })}`;

  const pdf = await newPdf({
    title: `Margin Call Notice ${notice}`,
    author: 'Halloran Prime Services',
    creator: 'Microsoft Word for Microsoft 365',
    producer: 'Microsoft Word for Microsoft 365',
    created: letterDate,
  });
  const s = new Sheet(pdf, LETTER);
  const navy: [number, number, number] = [0.1, 0.18, 0.36];
  s.text(306, 50, 'HALLORAN PRIME SERVICES', { size: 15, font: 'serifB', color: navy, align: 'center' });
  s.text(
    306,
    64,
    'Margin & Collateral Management  \u00b7  One Exchange Plaza, 22nd Floor  \u00b7  New York, NY 10006',
    {
      size: 8,
      font: 'serif',
      color: 0.35,
      align: 'center',
    },
  );
  s.hline(72, 540, 74, 0.8, navy);
  const F = 'serif' as const;
  let y = 104;
  s.text(72, y, fmt.long(letterDate), { size: 11, font: F });
  s.text(540, y, `Notice No. ${notice}`, { size: 9, font: F, align: 'right' });
  y += 28;
  y = s.lines(72, y, [client, 'Attn: Chief Operating Officer / Treasury', 'By e-mail and SWIFT MT599'], {
    size: 11,
    font: F,
    leading: 14,
  });
  y += 14;
  s.text(72, y, `Re:  MARGIN CALL NOTICE  \u2013  Account ${acct}`, { size: 11, font: 'serifB' });
  y += 24;
  const paras = [
    'Dear Sir or Madam,',
    `We refer to the Prime Brokerage Agreement between you and Halloran Prime Services dated ${fmt.uk(new Date(Date.UTC(2019 + rng.int(0, 4), rng.int(0, 11), rng.int(1, 28))))} (the "Agreement"). Based on our valuation of your account as at the close of business on the Valuation Date set out below, the Net Equity in the account is less than the House Margin Requirement. In accordance with the Agreement we hereby demand that you transfer the Call Amount Due to us by the Settlement Deadline.`,
  ];
  for (const p of paras) y = s.para(72, y, p, 468, { size: 10.5, font: F, leading: 13.5 }) + 8;

  // call details
  y += 6;
  const rows: [string, string, boolean?][] = [
    ['Valuation Date', monD(day)],
    ['Account', acct],
    ['Base Currency', 'USD'],
    ['Long Market Value', m(b.lmv)],
    ['Short Market Value', m(b.smv)],
    ['Net Cash Balance', m(b.cash)],
    ['Net Equity', m(b.equity), true],
    ['Regulation T Requirement', m(b.initial)],
    ['House Margin Requirement', m(b.maint), true],
    ['Margin Excess / (Deficit)', m(b.excess), true],
    ['Minimum Transfer Amount', m(mta)],
    ['Rounding', 'Up to the next USD 10,000'],
    ['Call Amount Due', m(amountDue), true],
    ['Settlement Deadline', `12:00 noon New York time, ${monD(deadline)}`],
  ];
  const top = y - 12;
  s.box(72, top, 468, 18, { fill: navy });
  s.text(80, y, 'CALL DETAILS', { size: 9.5, font: 'sansB', color: 1 });
  y += 18;
  rows.forEach(([l, v, bold], i) => {
    if (i % 2 === 1) s.box(72, y - 11, 468, 15, { fill: 0.94 });
    s.text(80, y, l, { size: 9.5, font: bold ? 'sansB' : 'sans' });
    s.text(532, y, v, { size: 9.5, font: bold ? 'sansB' : 'sans', align: 'right' });
    y += 15;
  });
  s.box(72, top, 468, y - top - 8, { stroke: navy, width: 0.8 });
  y += 14;
  const after = [
    'The Call Amount Due may be satisfied in cash (USD) or, with our prior consent, in eligible securities at the haircuts set out in the Margin Schedule. If the Call Amount Due is not received by the Settlement Deadline, we may, without further notice, sell or close out positions in the account and apply the proceeds against your obligations.',
    `Wire instructions: Halloran Prime Services, Beneficiary A/C ${rng.digits(10)}, ABA ${rng.digits(9)}, reference ${acct} / ${notice}.`,
    'Yours faithfully,',
  ];
  for (const p of after) y = s.para(72, y, p, 468, { size: 10, font: F, leading: 13 }) + 7;
  y += 16;
  s.text(72, y, 'Margin Operations', { size: 10.5, font: 'serifI' });
  s.text(72, y + 13, 'Halloran Prime Services  \u00b7  margin.ops@halloran.example  \u00b7  +1 212 555 0144', {
    size: 8.5,
    font: F,
    color: 0.35,
  });
  s.text(306, 770, 'Halloran Prime Services LLC, member FINRA/SIPC. This notice is confidential.', {
    size: 7,
    font: F,
    color: 0.45,
    align: 'center',
  });

  return {
    pdf: await finish(pdf),
    reports: [
      {
        account_number: acct,
        report_date: fmt.iso(day),
        currency: 'USD',
        fields: {
          long_market_value: b.lmv,
          short_market_value: b.smv,
          cash_balance: b.cash,
          total_equity: b.equity,
          initial_requirement: b.initial,
          maintenance_requirement: b.maint,
          excess_liquidity: b.excess,
          margin_call: amountDue,
        },
      },
    ],
    notes:
      'formal letter; report date = Valuation Date (not the letter date or the settlement deadline); margin_call = Call Amount Due (deficit rounded up to the next 10,000), excess = unrounded deficit; Minimum Transfer Amount and the wire beneficiary account are distractors; Reg T requirement = initial, house = maintenance',
  };
}

async function consolidated(rng: Rng, day: Date, letterDate: Date, client: string): Promise<Built> {
  const n = rng.int(3, 5);
  const sleeves = rng.shuffle(SLEEVES).slice(0, n);
  const short = rng.int(1, Math.min(2, n - 1));
  const deficitIdx = new Set(rng.shuffle([...Array(n).keys()]).slice(0, short));
  const books: Book[] = sleeves.map((_, i) =>
    makeBook(rng, { scale: rng.pick([3e6, 9e6, 25e6]), shorts: true, deficit: deficitIdx.has(i) }),
  );
  const prefix = rng.digits(3);
  const accts = sleeves.map(() => `MPS ${prefix}.${rng.digits(4)}`);
  const calls = books.map((b) => (b.excess < 0 ? r2(-b.excess) : 0));
  const due = nextBusinessDay(letterDate);
  const e = (x: number) => money(x, { group: '.', dec: ',' });

  const pdf = await newPdf({
    title: 'Margin call notice',
    author: 'Moselle Prime Services S.A.',
    creator: 'MPS Collateral Manager',
    producer: 'PDFsharp 6.1.1',
    created: letterDate,
  });
  const s = new Sheet(pdf, A4);
  const teal: [number, number, number] = [0.0, 0.33, 0.38];
  s.box(40, 40, 6, 44, { fill: teal });
  s.text(56, 58, 'Moselle Prime Services S.A.', { size: 15, font: 'sansB', color: teal });
  s.text(56, 72, '12, rue Eugene Ruppert  \u00b7  L-2453 Luxembourg  \u00b7  RCS Luxembourg B 000000', {
    size: 7.5,
    color: 0.4,
  });
  s.text(56, 82, 'Collateral Management  \u00b7  collateral@moselle-prime.example', { size: 7.5, color: 0.4 });
  let y = 128;
  y = s.lines(56, y, [client, 'Attn: Operations', 'By e-mail'], { size: 10, leading: 13 });
  s.text(540, 128, `Luxembourg, ${fmt.uk(letterDate)}`, { size: 10, align: 'right' });
  y += 22;
  s.text(56, y, `Subject: Margin call notice \u2013 valuation date ${fmt.dotted(day)}`, { size: 11, font: 'sansB' });
  y += 22;
  const intro = [
    'Dear Sir or Madam,',
    `Under the Prime Brokerage Terms, we have valued the accounts listed below at the close of business on ${fmt.dotted(day)}. The accounts marked with a call amount show a margin shortfall; the Call Amount must be received by 12:00 CET on ${fmt.dotted(due)}. Accounts with a surplus are shown for completeness. All amounts are in EUR.`,
  ];
  for (const p of intro) y = s.para(56, y, p, 484, { size: 9.5, leading: 12.5 }) + 7;

  y += 10;
  const cx = [56, 138, 318, 392, 466, 540];
  const heads: [string, string][] = [
    ['Account', ''],
    ['Portfolio', ''],
    ['Net equity', 'EUR'],
    ['Margin', 'requirement'],
    ['Surplus /', 'shortfall (-)'],
    ['Call amount', 'EUR'],
  ];
  s.box(56, y - 12, 484, 30, { fill: 0.9 });
  heads.forEach(([a, b2], i) => {
    s.text(i < 2 ? cx[i]! + 4 : cx[i]! - 4, y, a, { size: 8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
    if (b2) s.text(cx[i]! - 4, y + 10, b2, { size: 8, font: 'sansB', align: 'right' });
  });
  y += 32;
  books.forEach((b, i) => {
    const cells = [accts[i]!, sleeves[i]!, e(b.equity), e(b.maint), e(b.excess), e(calls[i]!)];
    cells.forEach((c, j) => {
      s.text(j < 2 ? cx[j]! + 4 : cx[j]! - 4, y, c, {
        size: 8.3,
        font: j === 5 && calls[i]! > 0 ? 'sansB' : 'sans',
        align: j < 2 ? 'left' : 'right',
      });
    });
    s.hline(56, 540, y + 5, 0.25, 0.75);
    y += 17;
  });
  const tot = (f: (b: Book, i: number) => number) => r2(books.reduce((a, b, i) => a + f(b, i), 0));
  const totals = [
    'Total',
    `${n} accounts`,
    e(tot((b) => b.equity)),
    e(tot((b) => b.maint)),
    e(tot((b) => b.excess)),
    e(tot((_, i) => calls[i]!)),
  ];
  s.hline(56, 540, y - 9, 0.8);
  totals.forEach((c, j) => {
    s.text(j < 2 ? cx[j]! + 4 : cx[j]! - 4, y + 2, c, { size: 8.3, font: 'sansB', align: j < 2 ? 'left' : 'right' });
  });
  s.hline(56, 540, y + 7, 0.8);
  y += 34;
  const outro = [
    'Surplus / shortfall = net equity less the margin requirement. The call amount equals the shortfall of each account; surpluses in other accounts are not netted against shortfalls unless cross-margining has been agreed in writing.',
    `Eligible collateral: cash in EUR, USD or GBP; German, French and Dutch government bonds (haircut 2 %). Please notify us of the collateral you intend to deliver by 10:00 CET on ${fmt.dotted(due)}.`,
    'Should the call not be met in time, we may liquidate positions without further notice.',
    'Kind regards,',
  ];
  for (const p of outro) y = s.para(56, y, p, 484, { size: 9, leading: 12 }) + 6;
  y += 14;
  s.text(56, y, 'Collateral Management', { size: 10, font: 'sansI' });
  s.text(56, y + 12, 'Moselle Prime Services S.A.', { size: 9 });
  s.text(297, 810, 'Moselle Prime Services S.A. is supervised by the CSSF. Page 1/1', {
    size: 7,
    color: 0.45,
    align: 'center',
  });

  const reports: TruthReport[] = books.map((b, i) => ({
    account_number: accts[i]!.replace(/\s+/g, ''),
    report_date: fmt.iso(day),
    currency: 'EUR',
    fields: {
      total_equity: b.equity,
      maintenance_requirement: b.maint,
      excess_liquidity: b.excess,
      margin_call: calls[i]!,
    },
  }));
  return {
    pdf: await finish(pdf),
    reports,
    notes: `consolidated letter, ${n} account rows (${short} with a shortfall) + a Total row that is not an account; EUR 1.234.567,89 with leading minus; valuation date DD.MM.YYYY (letter date and due date are not the report date); single "Margin requirement" = maintenance; surplus rows: call 0,00 -> 0; account numbers with a space and a dot`,
  };
}

export const callNotice: Layout = {
  name: 'call-notice',
  tests:
    'Prime-broker "Margin Call Notice" letters: a Call Details table in a USD letter (call amount due = deficit rounded up to the next 10,000; Minimum Transfer Amount and the beneficiary bank account as distractors; letter date and settlement deadline are not the valuation date "Nov 27, 2026"), and a consolidated EUR notice (1.234.567,89, leading minus) with one row per account, call 0,00 for surplus rows, and a Total row; dates 27.11.2026 and "Luxembourg, 30 November 2026".',
  variants: 2,
  build,
};
