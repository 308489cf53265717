// Retail Reg T margin account, monthly statement. The margin loan is shown as a POSITIVE "debit" amount in one
// variant ("Margin Balance (debit) $45,123.00" -> cash -45,123.00) and in parentheses in the other; an
// "Average Daily Debit Balance" in the margin-interest box is a distractor for the cash balance; the account value
// at the PREVIOUS month end is printed with its date.
// Variant 0 (serif, label left / value right in two side-by-side panels): Fed Call and Maintenance Call both
// $0.00; "Buying Power (Marginable Securities)" next to "Cash Available to Withdraw"; "Period Ending October 31,
// 2026".
// Variant 1 (grid of cells, caption ABOVE value): a deficit account with a short position; House, Exchange and
// Reg T requirements side by side; a "Calls Outstanding" table with Fed (Reg T), Exchange and House calls, each
// with issue and due dates (truth = house call); Overnight vs Day Trade buying power; SMA still positive while
// buying power is zero; "Statement period 10/01/26 through 10/31/26".

import { fmt, monthPeriod, nextBusinessDay } from '../lib/dates.ts';
import { pct, r2, usd } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import { makePositions, sumOf } from '../lib/positions.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const [start, end] = monthPeriod(rng);
  const prevEnd = new Date(start.getTime() - 86_400_000);
  const deficit = variant === 1;
  const pos = makePositions(rng, rng.pick([45_000, 140_000, 420_000]), rng.int(6, 9), deficit ? 1 : 0);
  const longs = pos.filter((p) => p.qty > 0);
  const shorts = pos.filter((p) => p.qty < 0);
  const lmv = sumOf(longs, (p) => p.mv);
  const smv = sumOf(shorts, (p) => p.mv);
  const maint = sumOf(pos, (p) => p.req);
  const regt = r2(0.5 * lmv + 0.5 * -smv);
  const exch = r2(0.25 * lmv + 0.3 * -smv);
  let debit: number;
  if (deficit) {
    debit = r2(lmv + smv - maint * rng.range(0.86, 0.97));
  } else {
    debit = r2(lmv * rng.range(0.08, 0.32));
    if (lmv + smv - debit < maint * 1.2) debit = r2(lmv + smv - maint * rng.range(1.2, 1.6));
  }
  const cash = -debit;
  const equity = r2(lmv + smv + cash);
  const excess = r2(equity - maint);
  const sma = deficit
    ? rng.money(800, 6000)
    : r2(Math.max(0, equity - regt) * rng.range(0.7, 1.05) + rng.money(300, 4000));
  const bp = deficit ? 0 : r2(2 * Math.min(sma, excess));
  const dtbp = deficit ? 0 : r2(4 * excess);
  const houseCall = deficit ? r2(maint - equity) : 0;
  const exchCall = deficit ? r2(Math.max(0, exch - equity)) : 0;
  const fedCall = deficit ? r2(rng.range(0.15, 0.5) * Math.max(regt - equity, 1000)) : 0;
  const withdraw = deficit ? 0 : r2(Math.min(sma, excess) * rng.range(0.4, 0.9));
  const avgDebit = r2(debit * rng.range(0.82, 1.12));
  const rate = rng.pick([8.325, 9.575, 10.825, 11.325, 12.075]);
  const interest = r2(((avgDebit * rate) / 100 / 360) * end.getUTCDate());
  const prevValue = r2(equity * rng.range(0.9, 1.1));
  const acct =
    variant === 0
      ? `${rng.digits(3)}-${rng.digits(5)}-${rng.digits(1)}`
      : `5W${rng.pick(['K', 'R', 'T'])}-${rng.digits(5)}`;
  const who = person(rng);

  const pdf = await newPdf({
    title: variant === 0 ? 'Brokerage Account Statement' : 'Monthly Account Statement',
    author: 'Bluestem Investor Services',
    creator: 'Bluestem Statement Composer',
    producer: 'Adobe PDF Library 17.11.238',
    created: new Date(end.getTime() + 4 * 86_400_000),
  });
  const s = new Sheet(pdf, LETTER);
  const plum: [number, number, number] = [0.32, 0.16, 0.4];
  const fields: Fields = {
    total_equity: equity,
    long_market_value: lmv,
    cash_balance: cash,
    maintenance_requirement: maint,
    excess_liquidity: excess,
    sma,
    buying_power: bp,
    margin_call: houseCall,
  };

  if (variant === 0) {
    const F = 'serif' as const;
    const FB = 'serifB' as const;
    s.text(40, 50, 'BLUESTEM', { size: 20, font: FB, color: plum });
    s.text(40, 63, 'INVESTOR SERVICES', { size: 8, font: FB, color: plum });
    s.text(572, 48, 'Brokerage Account Statement', { size: 13, font: FB, align: 'right' });
    s.text(572, 63, `Period Ending ${fmt.long(end)}`, { size: 10, font: F, align: 'right' });
    s.text(572, 76, `Account No. ${acct}`, { size: 10, font: FB, align: 'right' });
    s.lines(40, 100, [who.name.toUpperCase(), ...who.address.map((a) => a.toUpperCase())], { size: 9.5, font: F });
    s.text(40, 142, 'Account type: Individual  \u00b7  Margin  \u00b7  Options approval level 1', {
      size: 8.5,
      font: F,
      color: 0.35,
    });

    let y = 172;
    s.text(40, y, 'Your Account Value', { size: 12, font: FB, color: plum });
    s.hline(40, 572, y + 5, 0.8, plum);
    y += 20;
    s.text(48, y, `Value on ${fmt.long(prevEnd)}`, { size: 9.5, font: F });
    s.text(300, y, usd(prevValue), { size: 9.5, font: F, align: 'right' });
    y += 15;
    s.text(48, y, `Value on ${fmt.long(end)}`, { size: 9.5, font: FB });
    s.text(300, y, usd(equity), { size: 9.5, font: FB, align: 'right' });
    s.text(330, y - 15, 'Change this period', { size: 8.5, font: F, color: 0.35 });
    s.text(572, y - 15, usd(r2(equity - prevValue), 'parens'), { size: 9.5, font: F, align: 'right' });

    // holdings
    y += 34;
    s.text(40, y, 'Holdings', { size: 12, font: FB, color: plum });
    s.hline(40, 572, y + 5, 0.8, plum);
    y += 18;
    const cx = [40, 92, 330, 410, 490, 572];
    ['Symbol', 'Description', 'Quantity', 'Price', 'Market Value', 'Type'].forEach((h, i) => {
      s.text(i === 5 ? 540 : cx[i]!, y, h, { size: 8, font: FB, align: i < 2 || i === 5 ? 'left' : 'right' });
    });
    y += 13;
    for (const p of longs) {
      const cells = [p.sym, p.desc, String(p.qty), usd(p.price), usd(p.mv), 'M'];
      cells.forEach((c, i) => {
        s.text(i === 5 ? 545 : cx[i]!, y, c, { size: 8.5, font: F, align: i < 2 || i === 5 ? 'left' : 'right' });
      });
      y += 12.5;
    }
    s.hline(330, 572, y - 8, 0.4);
    s.text(92, y + 2, 'Total Securities', { size: 8.5, font: FB });
    s.text(cx[4]!, y + 2, usd(lmv), { size: 8.5, font: FB, align: 'right' });
    s.text(40, y + 16, 'Type: M = held in margin account.', { size: 7, font: F, color: 0.45 });

    // two panels
    y += 44;
    const top = y;
    const panel = (x: number, title: string, rows: [string, string, boolean?][]) => {
      s.box(x, top - 13, 258, 19, { fill: 0.9 });
      s.text(x + 6, top, title, { size: 10, font: FB });
      let yy = top + 22;
      for (const [l, v, bold] of rows) {
        s.text(x + 6, yy, l, { size: 9.5, font: bold ? FB : F });
        s.text(x + 252, yy, v, { size: 9.5, font: bold ? FB : F, align: 'right' });
        s.hline(x, x + 258, yy + 5, 0.25, 0.75);
        yy += 16;
      }
      return yy;
    };
    const y1 = panel(40, 'Margin Position', [
      ['Market Value of Securities', usd(lmv)],
      ['Margin Balance (debit)', usd(debit)],
      ['Margin Equity', usd(equity), true],
      ['Equity Percentage', pct((equity / lmv) * 100)],
      ['Maintenance Requirement', usd(maint)],
      ['Maintenance Excess', usd(excess), true],
    ]);
    const y2 = panel(314, 'Buying Power & Calls', [
      ['SMA', usd(sma)],
      ['Buying Power (Marginable Securities)', usd(bp), true],
      ['Cash Available to Withdraw', usd(withdraw)],
      ['Fed Call', usd(0)],
      ['Maintenance Call', usd(0)],
    ]);

    y = Math.max(y1, y2) + 18;
    s.text(40, y, 'Margin Interest', { size: 12, font: FB, color: plum });
    s.hline(40, 572, y + 5, 0.8, plum);
    y += 20;
    const mi: [string, string][] = [
      ['Average Daily Debit Balance', usd(avgDebit)],
      ['Annual Rate', `${rate.toFixed(3)}%`],
      ['Days in Period', String(end.getUTCDate())],
      ['Interest Charged This Period', usd(interest)],
    ];
    mi.forEach(([l, v], i) => {
      const x = i % 2 === 0 ? 48 : 322;
      const yy = y + Math.floor(i / 2) * 15;
      s.text(x, yy, l, { size: 9, font: F });
      s.text(x + 250, yy, v, { size: 9, font: F, align: 'right' });
    });
    y += 44;
    s.para(
      40,
      y,
      'Margin Equity is the market value of the securities in your margin account less the margin balance you owe. The maintenance requirement is set by Bluestem and may exceed the exchange minimum. A maintenance call is issued when margin equity falls below it; a Fed call when a purchase is not covered by Regulation T initial margin. Interest is charged on the daily debit balance and posted on the last business day of the month.',
      532,
      { size: 7.5, font: F, color: 0.3, leading: 9.8 },
    );
    s.text(40, 765, `Bluestem Investor Services, member FINRA/SIPC  \u00b7  ${acct}  \u00b7  Page 1 of 1`, {
      size: 7,
      font: F,
      color: 0.45,
    });
  } else {
    const ink: [number, number, number] = [0.12, 0.12, 0.16];
    s.box(0, 0, 612, 70, { fill: plum });
    s.text(40, 34, 'bluestem', { size: 22, font: 'sansB', color: 1 });
    s.text(40, 52, 'Monthly Account Statement', { size: 9.5, color: 1 });
    s.text(572, 32, `Account ${acct}`, { size: 10.5, font: 'sansB', color: 1, align: 'right' });
    s.text(572, 48, `Statement period ${fmt.mdyShort(start)} through ${fmt.mdyShort(end)}`, {
      size: 9,
      color: 1,
      align: 'right',
    });
    s.lines(40, 96, [who.name, ...who.address], { size: 9 });
    s.box(330, 84, 242, 42, { stroke: [0.7, 0.1, 0.1], width: 1 });
    s.para(338, 98, `ACTION REQUIRED: your account has calls outstanding. See "Calls Outstanding" below.`, 226, {
      size: 8.5,
      font: 'sansB',
      color: [0.7, 0.1, 0.1],
      leading: 11,
    });

    // grid of cells: caption above value
    let y = 150;
    s.text(40, y, 'Margin Snapshot', { size: 12, font: 'sansB', color: plum });
    s.text(572, y, `at ${fmt.mdyShort(end)}`, { size: 8.5, color: 0.4, align: 'right' });
    y += 10;
    const cells: [string, string][][] = [
      [
        ['MARGIN EQUITY', usd(equity)],
        ['LONG MARKET VALUE', usd(lmv)],
        ['SHORT MARKET VALUE', usd(smv, 'parens')],
        ['CASH / (MARGIN LOAN)', usd(cash, 'parens')],
      ],
      [
        ['HOUSE REQUIREMENT', usd(maint)],
        ['EXCHANGE REQUIREMENT', usd(exch)],
        ['REG T REQUIREMENT', usd(regt)],
        ['HOUSE EXCESS / (DEFICIT)', usd(excess, 'parens')],
      ],
      [
        ['SMA', usd(sma)],
        ['OVERNIGHT BUYING POWER', usd(bp)],
        ['DAY TRADE BUYING POWER', usd(dtbp)],
        ['EQUITY %', pct((equity / (lmv - smv)) * 100, 1)],
      ],
    ];
    const cw = 133;
    cells.forEach((row, r) => {
      row.forEach(([cap, v], c) => {
        const x = 40 + c * cw;
        const yy = y + r * 44;
        s.box(x, yy, cw, 44, { stroke: 0.75, width: 0.5 });
        s.text(x + 8, yy + 14, cap, { size: 6.8, font: 'sansB', color: 0.42 });
        s.text(x + 8, yy + 32, v, { size: 11.5, font: 'sansB', color: ink });
      });
    });
    y += 3 * 44 + 30;

    s.text(40, y, 'Calls Outstanding', { size: 12, font: 'sansB', color: plum });
    s.hline(40, 572, y + 5, 0.8, plum);
    y += 20;
    const issued = end;
    const ccx = [40, 300, 400, 572];
    ['Call type', 'Amount', 'Issued', 'Due by'].forEach((h, i) => {
      s.text(ccx[i]!, y, h, { size: 8.5, font: 'sansB', align: i === 0 ? 'left' : 'right' });
    });
    y += 14;
    const callRows: [string, number, number][] = [
      ['Fed (Reg T) Call', fedCall, 4],
      ['Exchange Call', exchCall, 3],
      ['House Call', houseCall, 2],
    ];
    for (const [l, v, d] of callRows) {
      s.text(40, y, l, { size: 9.5, font: l === 'House Call' ? 'sansB' : 'sans' });
      s.text(300, y, usd(v), { size: 9.5, font: l === 'House Call' ? 'sansB' : 'sans', align: 'right' });
      s.text(400, y, v ? fmt.mdyShort(issued) : '\u2013', { size: 9, align: 'right' });
      s.text(572, y, v ? fmt.mdyShort(nextBusinessDay(end, d)) : '\u2013', { size: 9, align: 'right' });
      s.hline(40, 572, y + 5, 0.25, 0.8);
      y += 16;
    }
    y += 6;
    s.para(
      40,
      y,
      'Calls are independent: meeting the house call does not satisfy the Fed call. The house requirement is the one Bluestem enforces; the exchange requirement is the regulatory minimum. Positions may be sold without further notice if calls are not met by the due date.',
      532,
      { size: 7.5, color: 0.3, leading: 9.8 },
    );

    y += 40;
    s.text(40, y, 'Positions', { size: 12, font: 'sansB', color: plum });
    s.hline(40, 572, y + 5, 0.8, plum);
    y += 18;
    const cx = [40, 90, 330, 410, 490, 572];
    ['Symbol', 'Description', 'Quantity', 'Price', 'Market Value', 'Req %'].forEach((h, i) => {
      s.text(cx[i]!, y, h, { size: 8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
    });
    y += 13;
    for (const p of [...longs, ...shorts]) {
      const cellsP = [p.sym, p.desc, String(p.qty), usd(p.price), usd(p.mv, 'parens'), `${p.reqPct}%`];
      cellsP.forEach((c, i) => {
        s.text(cx[i]!, y, c, { size: 8.5, align: i < 2 ? 'left' : 'right' });
      });
      y += 12.5;
    }
    y += 16;
    s.text(40, y, 'Margin interest', { size: 10, font: 'sansB', color: plum });
    y += 14;
    s.text(
      40,
      y,
      `Avg. debit balance ${usd(avgDebit)}   \u00b7   Rate ${rate.toFixed(3)}%   \u00b7   Interest ${usd(interest)}`,
      {
        size: 8.5,
      },
    );
    s.text(40, 765, 'Bluestem Investor Services, member FINRA/SIPC', { size: 7, color: 0.45 });
    s.text(572, 765, 'Page 1 of 1', { size: 7, color: 0.45, align: 'right' });
    fields.short_market_value = smv;
    fields.initial_requirement = regt;
  }

  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(end), currency: 'USD', fields }],
    notes: [
      variant === 0
        ? 'monthly Reg T statement, date = period end; the value on the previous month end is printed with its date'
        : 'monthly Reg T statement, date = period end (MM/DD/YY)',
      variant === 0
        ? '"Margin Balance (debit)" printed as a positive amount -> negative cash; Fed Call and Maintenance Call $0.00 -> 0; "Cash Available to Withdraw" is not buying power'
        : 'caption above value in a grid; House / Exchange / Reg T requirements (maintenance = house, initial = Reg T); calls table with Fed, Exchange and House calls (truth = house); overnight vs day-trade buying power; SMA positive while buying power is 0',
      '"Average Daily Debit Balance" / "Avg. debit balance" is not the cash balance',
    ].join('; '),
  };
}

export const regtRetail: Layout = {
  name: 'regt-retail',
  tests:
    'Retail Reg T monthly statement: margin loan printed as a positive "Margin Balance (debit)" (negative cash) or in parentheses; an average daily debit balance as a distractor; the previous month-end value with its date; serif label/value panels with Fed and Maintenance calls of $0.00, or a caption-above-value grid with House / Exchange / Reg T requirements and a calls table (Fed, Exchange, House; truth = house) with issue and due dates; overnight vs day-trade buying power; SMA positive while buying power is 0.',
  variants: 2,
  build,
};
