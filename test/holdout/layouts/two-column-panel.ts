// TD/E*TRADE-style balances panel in two columns. The account number appears only in the running page header;
// some cells print the label with the value on the same line, others put the value BELOW the label, and
// day-trading buying power sits right beside margin buying power.

import { makeBook } from '../lib/book.ts';
import { businessDay, fmt } from '../lib/dates.ts';
import { num, pct, usd } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import { makePositions, sumOf } from '../lib/positions.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const shorts = variant !== 0;
  const pos = makePositions(rng, rng.pick([60_000, 250_000, 700_000]), rng.int(7, 12), shorts ? rng.int(2, 4) : 0);
  const lmv = sumOf(
    pos.filter((p) => p.qty > 0),
    (p) => p.mv,
  );
  const smv = sumOf(
    pos.filter((p) => p.qty < 0),
    (p) => p.mv,
  );
  const b = makeBook(rng, { scale: lmv, lmv, smv, deficit: variant === 1 });
  const last4 = rng.digits(4);
  const acct = variant === 0 ? `XXXX-${last4}` : `${rng.digits(4)}-${last4}`;
  const who = person(rng);
  const dateLine = [
    `As of close of business ${fmt.long(day)}`,
    `Balances as of ${fmt.mdy(day)}`,
    `Business Date ${fmt.dmonY(day)}`,
  ][variant]!;

  const pdf = await newPdf({
    title: 'Brokerage Statement',
    author: 'Tidewater Direct',
    creator: 'Tidewater Document Services',
    producer: 'iText 7.2.5',
    created: day,
  });
  const red: [number, number, number] = [0.55, 0.1, 0.12];
  const header = (s: Sheet, n: number) => {
    s.text(40, 40, 'Tidewater Direct', { size: 14, font: 'sansB', color: red });
    s.text(40, 52, 'Brokerage Statement', { size: 8, color: 0.35 });
    s.text(572, 40, `Account: ${acct}`, { size: 10, font: 'sansB', align: 'right' });
    s.text(572, 52, `Page ${n} of 2`, { size: 8, color: 0.35, align: 'right' });
    s.hline(40, 572, 60, 1.2, red);
  };

  const s = new Sheet(pdf, LETTER);
  header(s, 1);
  s.lines(40, 82, [who.name.toUpperCase(), ...who.address.map((a) => a.toUpperCase())], { size: 8.5 });
  s.text(40, 138, 'Account Balances', { size: 15, font: 'sansB' });
  s.text(40, 152, dateLine, { size: 9, color: 0.3 });

  const L = 40;
  const R = 316;
  const W = 256;
  const top = 176;
  s.box(L, top, W, 22, { fill: 0.9 });
  s.box(R, top, W, 22, { fill: 0.9 });
  s.text(L + 8, top + 15, 'Balances', { size: 10, font: 'sansB' });
  s.text(R + 8, top + 15, 'Margin', { size: 10, font: 'sansB' });

  // left column: label and value on one line, except in variant 1 where every cell is stacked
  const left: [string, string][] = [
    ['Net Liquidating Value', usd(b.equity)],
    ['Long Stock Value', usd(b.lmv)],
    ['Short Stock Value', usd(b.smv)],
    ['Long Option Value', usd(0)],
    ['Short Option Value', usd(0)],
    ['Cash & Sweep Vehicle', usd(b.cash)],
  ];
  let y = top + 40;
  for (const [label, v] of left) {
    if (variant === 1) {
      s.text(L + 8, y - 4, label, { size: 7.5, color: 0.4 });
      s.text(L + 8, y + 9, v, { size: 10.5, font: 'sansB' });
      s.hline(L, L + W, y + 16, 0.3, 0.8);
      y += 30;
    } else {
      s.text(L + 8, y, label, { size: 9 });
      s.text(L + W - 8, y, v, { size: 9, font: 'sansB', align: 'right' });
      s.hline(L, L + W, y + 7, 0.3, 0.8);
      y += 20;
    }
  }
  const leftEnd = y;

  // right column: stacked cells, two per row where they belong together
  type Cell = [string, string];
  const rows: Cell[][] = [
    [
      ['Margin Equity', usd(b.equity)],
      ['Equity Percentage', pct(Math.min(100, (b.equity / (b.lmv - b.smv)) * 100))],
    ],
    [['Maintenance Requirement', usd(b.maint)]],
    [['Maintenance Excess', usd(b.excess)]],
    [
      ['Margin Buying Power', usd(b.bp)],
      ['Day Trading Buying Power', usd(b.dtbp)],
    ],
    [['Special Memorandum Account', usd(b.sma)]],
  ];
  if (variant === 0)
    rows.push([
      ['Maintenance Call Value', usd(0)],
      ['Reg T Call Value', usd(0)],
    ]);
  if (variant === 1)
    rows.push([
      ['Maintenance Call Value', usd(b.houseCall)],
      ['Reg T Call Value', usd(b.fedCall)],
    ]);
  y = top + 36;
  for (const row of rows) {
    row.forEach(([label, v], i) => {
      const cx = R + 8 + i * (W / 2);
      s.text(cx, y, label, { size: 7.5, color: 0.4 });
      s.text(cx, y + 14, v, { size: 10.5, font: 'sansB' });
    });
    s.hline(R, R + W, y + 21, 0.3, 0.8);
    y += 34;
  }
  y = Math.max(y, leftEnd) + 20;
  s.para(
    40,
    y,
    variant === 2
      ? 'Net Liquidating Value is the value of all positions and cash if liquidated at the closing price. Margin Buying Power is the amount available to purchase marginable securities overnight; Day Trading Buying Power applies only to positions opened and closed on the same day.'
      : 'Net Liquidating Value is the value of all positions and cash if liquidated at the closing price. Margin Buying Power is the amount available to purchase marginable securities overnight; Day Trading Buying Power applies only to positions opened and closed on the same day. A Maintenance Call is issued when equity falls below the house maintenance requirement; a Reg T Call results from purchases not covered by initial margin.',
    532,
    { size: 7.5, color: 0.35, leading: 10 },
  );

  // page 2: positions
  const p2 = new Sheet(pdf, LETTER);
  header(p2, 2);
  p2.text(40, 86, 'Positions', { size: 13, font: 'sansB' });
  const cx = [40, 96, 330, 400, 480, 572];
  const heads = ['Symbol', 'Description', 'Quantity', 'Price', 'Market Value', '% of Acct'];
  y = 108;
  p2.box(36, y - 12, 540, 18, { fill: 0.9 });
  heads.forEach((h, i) => {
    p2.text(cx[i]!, y, h, { size: 8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
  });
  y += 18;
  for (const p of pos) {
    const cells = [p.sym, p.desc, num(p.qty).replace('.00', ''), usd(p.price), usd(p.mv), pct((p.mv / b.equity) * 100)];
    cells.forEach((c, i) => {
      p2.text(cx[i]!, y, c, { size: 8, align: i < 2 ? 'left' : 'right' });
    });
    y += 14;
  }
  p2.hline(40, 572, y - 8, 0.5);
  p2.text(96, y + 4, 'Total Long', { size: 8, font: 'sansB' });
  p2.text(480, y + 4, usd(b.lmv), { size: 8, font: 'sansB', align: 'right' });
  if (shorts) {
    y += 14;
    p2.text(96, y + 4, 'Total Short', { size: 8, font: 'sansB' });
    p2.text(480, y + 4, usd(b.smv), { size: 8, font: 'sansB', align: 'right' });
  }

  const fields: Fields = {
    total_equity: b.equity,
    long_market_value: b.lmv,
    short_market_value: b.smv,
    cash_balance: b.cash,
    maintenance_requirement: b.maint,
    excess_liquidity: b.excess,
    buying_power: b.bp,
    sma: b.sma,
  };
  if (variant === 0) fields.margin_call = 0;
  if (variant === 1) fields.margin_call = b.houseCall;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(day), currency: 'USD', fields }],
    notes: [
      'account number only in the running page header',
      variant === 0 ? 'masked account number XXXX-nnnn; short stock value printed as $0.00 (truth 0)' : '',
      variant === 1
        ? 'every value below its label; house (maintenance) call and Reg T call: truth = maintenance call'
        : '',
      'day trading buying power beside margin buying power: truth = margin',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const twoColumnPanel: Layout = {
  name: 'two-column-panel',
  tests:
    'TD/E*TRADE-style two-column balances panel. Account number only in the running header ("Account: XXXX-1234", masked in one variant); values BELOW their labels in the right column (and everywhere in one variant); Margin Buying Power and Day Trading Buying Power side by side; Maintenance Call vs Reg T Call; a positions page whose totals repeat the long/short values; "Business Date 27-NOV-2026".',
  variants: 3,
  build,
};
