// A universal-account statement (securities and futures in one account) whose margin table has one column per
// SEGMENT (Securities, Commodities) and a Total column: the truth is the Total column, except SMA, which exists
// only in the securities segment (the Total cell is a dash). A Net Asset Value table with Long / Short / Total
// columns gives the long and short stock values; futures notionals and the gross position value are distractors.
// Variant 0: USD, columns Securities | Commodities | Total, "November 27, 2026", a generated-on timestamp in ISO.
// Variant 1: base currency CHF, columns Total | Securities | Commodities (total FIRST), rows prefixed "Current"
// followed by "Overnight" and "Look-Ahead" blocks of the same measures (truth = current), "27 Nov 2026".
// The statement never speaks of calls (the broker liquidates instead), so margin_call is absent.

import { businessDay, clock24, fmt, MON, nextBusinessDay } from '../lib/dates.ts';
import { money, pct, r2 } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

type Stock = [string, string, number];
const US: Stock[] = [
  ['AAPL', 'APPLE INC', 231.4],
  ['MSFT', 'MICROSOFT CORP', 428.1],
  ['JPM', 'JPMORGAN CHASE & CO', 242.8],
  ['XOM', 'EXXON MOBIL CORP', 117.2],
  ['KO', 'COCA-COLA CO', 68.9],
  ['NVDA', 'NVIDIA CORP', 141.5],
  ['HD', 'HOME DEPOT INC', 402.3],
  ['CAT', 'CATERPILLAR INC', 381.6],
  ['TLT', 'ISHARES 20+ YR TREASURY', 91.7],
  ['IWM', 'ISHARES RUSSELL 2000 ETF', 226.4],
];
const CH: Stock[] = [
  ['NESN', 'NESTLE SA-REG', 78.4],
  ['NOVN', 'NOVARTIS AG-REG', 91.2],
  ['ROG', 'ROCHE HOLDING AG-GENUSS', 254.6],
  ['UBSG', 'UBS GROUP AG-REG', 27.85],
  ['ZURN', 'ZURICH INSURANCE GROUP AG', 531.0],
  ['ABBN', 'ABB LTD-REG', 49.3],
  ['CFR', 'CIE FINANCIERE RICHEMONT-A', 128.9],
  ['LONN', 'LONZA GROUP AG-REG', 541.2],
  ['SIKA', 'SIKA AG-REG', 218.7],
];
type FutDef = [string, string, number, number, number];
const FUT_US: FutDef[] = [
  ['ES', 'E-mini S&P 500', 50, 5900, 12650],
  ['CL', 'Light Sweet Crude Oil', 1000, 71, 6200],
  ['GC', 'Gold 100 oz', 100, 2650, 11000],
  ['ZN', '10-Year T-Note', 1000, 110, 2150],
];
const FUT_CH: FutDef[] = [
  ['FSMI', 'SMI Index Future', 10, 11900, 11000],
  ['CONF', 'Swiss Govt Bond Future', 1000, 162, 2800],
];

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const gen = nextBusinessDay(day);
  const ccy = variant === 0 ? 'USD' : 'CHF';
  const scale = rng.pick([150_000, 600_000, 2_000_000]);
  const universe = variant === 0 ? US : CH;
  const picks = rng.shuffle(universe).slice(0, rng.int(5, 8));
  const nShort = rng.int(1, 2);
  const stocks = picks.map(([sym, desc, p], i) => {
    const short = i >= picks.length - nShort;
    const price = r2(p * rng.range(0.9, 1.1));
    const qty =
      Math.max(5, Math.round(((scale / picks.length) * rng.range(0.5, 1.5) * (short ? 0.6 : 1)) / price)) *
      (short ? -1 : 1);
    const mv = r2(qty * price);
    const cost = r2(price * rng.range(0.8, 1.2));
    return { sym, desc, qty, price, mv, upl: r2((price - cost) * qty) };
  });
  const futs = rng
    .shuffle(variant === 0 ? FUT_US : FUT_CH)
    .slice(0, rng.int(1, 2))
    .map(([sym, desc, mult, level, im]) => {
      const qty = rng.int(1, scale > 1e6 ? 8 : 3) * (rng.chance(0.3) ? -1 : 1);
      const settle = Number((level * rng.range(0.96, 1.04)).toFixed(2));
      const m = (day.getUTCMonth() + rng.pick([1, 2, 3])) % 12;
      const yy = day.getUTCFullYear() + (m < day.getUTCMonth() ? 1 : 0);
      return {
        sym: `${sym} ${MON[m]!.toUpperCase()}${String(yy).slice(2)}`,
        desc,
        qty,
        mult,
        settle,
        notional: r2(qty * mult * settle),
        im: r2(Math.abs(qty) * im),
      };
    });
  const lmv = r2(stocks.filter((x) => x.qty > 0).reduce((a, x) => a + x.mv, 0));
  const smv = r2(stocks.filter((x) => x.qty < 0).reduce((a, x) => a + x.mv, 0));
  const imS = r2(lmv * rng.range(0.25, 0.5) + -smv * rng.range(0.3, 0.5));
  const mmS = r2(imS * rng.range(0.7, 0.85));
  const imC = r2(futs.reduce((a, f) => a + f.im, 0));
  const mmC = r2(imC * rng.range(0.8, 0.92));
  const accr = r2(rng.range(-0.002, 0.001) * lmv);
  // securities cash: a loan or a credit, keeping the account comfortably above maintenance
  let cashS = rng.chance(0.5) ? -r2(lmv * rng.range(0.05, 0.3)) : rng.money(lmv * 0.02, lmv * 0.2);
  if (lmv + smv + cashS + accr < (mmS + mmC) * 1.3) cashS = r2((mmS + mmC) * rng.range(1.3, 1.8) - lmv - smv - accr);
  const cashC = r2(imC * rng.range(1.2, 2.5));
  const cash = r2(cashS + cashC);
  const nlvS = r2(lmv + smv + cashS + accr);
  const nlvC = cashC;
  const nlv = r2(nlvS + nlvC);
  const seg = (nl: number, im: number, mm: number) => ({
    nlv: nl,
    elv: nl,
    im,
    mm,
    af: r2(nl - im),
    el: r2(nl - mm),
  });
  const S = seg(nlvS, imS, mmS);
  const C = seg(nlvC, imC, mmC);
  const T = seg(nlv, r2(imS + imC), r2(mmS + mmC));
  const sma = r2(Math.max(0, S.af) * rng.range(0.6, 1.1) + rng.money(200, 5000));
  const bp = r2(4 * Math.min(sma, Math.max(T.af, 0)));
  const gpv = r2(lmv - smv + futs.reduce((a, f) => a + Math.abs(f.notional), 0));
  const acct = `MA${rng.digits(7)}`;
  const who = person(rng);
  const m = (n: number) => money(n);

  const pdf = await newPdf({
    title: 'Daily Account Statement',
    author: 'Meridian Arc Trading',
    creator: 'MAT Reporting',
    producer: 'Qt 5.15.2',
    created: gen,
  });
  const s = new Sheet(pdf, LETTER);
  const ink: [number, number, number] = [0.55, 0.2, 0.05];
  s.text(40, 46, 'MERIDIAN ARC TRADING', { size: 13, font: 'sansB', color: ink });
  s.text(572, 46, 'Daily Account Statement', { size: 12, font: 'sansB', align: 'right' });
  s.text(
    572,
    60,
    variant === 0
      ? fmt.long(day)
      : `Statement Date: ${day.getUTCDate()} ${MON[day.getUTCMonth()]} ${day.getUTCFullYear()}`,
    {
      size: 10,
      align: 'right',
    },
  );
  s.text(
    572,
    72,
    variant === 0
      ? `Generated: ${fmt.iso(gen)}, ${clock24(rng, 5, 7)} EST`
      : `Generated ${gen.getUTCDate()} ${MON[gen.getUTCMonth()]} ${gen.getUTCFullYear()} ${clock24(rng, 5, 7).slice(0, 5)} CET`,
    { size: 7.5, color: 0.45, align: 'right' },
  );
  s.hline(40, 572, 80, 1, ink);

  const section = (y: number, t: string) => {
    s.text(40, y, t, { size: 10, font: 'sansB', color: ink });
    s.hline(40, 572, y + 4, 0.5, 0.6);
  };
  let y = 102;
  section(y, 'Account Information');
  y += 17;
  const info: [string, string][] = [
    ['Name', who.name],
    ['Account', acct],
    ['Account Type', 'Individual'],
    ['Account Capabilities', 'Margin'],
    ['Trading Permissions', variant === 0 ? 'Stocks, Futures' : 'Stocks, Futures, Warrants'],
    ['Base Currency', ccy],
  ];
  info.forEach(([k, v], i) => {
    const x = i < 3 ? 44 : 316;
    const yy = y + (i % 3) * 12.5;
    s.text(x, yy, k, { size: 8.5, color: 0.35 });
    s.text(x + 110, yy, v, { size: 8.5, font: k === 'Account' || k === 'Base Currency' ? 'sansB' : 'sans' });
  });
  y += 3 * 12.5 + 18;

  section(y, `Net Asset Value (in ${ccy})`);
  y += 16;
  const nx = [330, 430, 560];
  ['Long', 'Short', 'Total'].forEach((h, i) => {
    s.text(nx[i]!, y, h, { size: 8, font: 'sansB', align: 'right' });
  });
  y += 13;
  const navRows: [string, string, string, string][] = [
    ['Cash', '', '', m(cash)],
    ['Stock', m(lmv), m(smv), m(r2(lmv + smv))],
    ['Interest & Dividend Accruals', '', '', m(accr)],
    ['Total', '', '', m(nlv)],
  ];
  for (const [l, a, b2, t] of navRows) {
    const bold = l === 'Total';
    if (bold) s.hline(40, 572, y - 9, 0.4);
    s.text(44, y, l, { size: 8.5, font: bold ? 'sansB' : 'sans' });
    [a, b2, t].forEach((v, i) => {
      s.text(nx[i]!, y, v, { size: 8.5, font: bold ? 'sansB' : 'sans', align: 'right' });
    });
    y += 12.5;
  }
  y += 16;

  section(y, 'Margin Requirements by Segment');
  y += 16;
  const order =
    variant === 0
      ? (['Securities', 'Commodities', 'Total'] as const)
      : (['Total', 'Securities', 'Commodities'] as const);
  const segOf = { Securities: S, Commodities: C, Total: T };
  const mx = [350, 455, 560];
  order.forEach((h, i) => {
    s.text(mx[i]!, y, h, { size: 8, font: 'sansB', align: 'right' });
  });
  y += 13;
  type Seg = ReturnType<typeof seg>;
  const measure = (label: string, f: (g: Seg) => number, bold = false) => {
    s.text(44, y, label, { size: 8.5, font: bold ? 'sansB' : 'sans' });
    order.forEach((h, i) => {
      s.text(mx[i]!, y, m(f(segOf[h])), { size: 8.5, font: bold && h === 'Total' ? 'sansB' : 'sans', align: 'right' });
    });
    y += 12.5;
  };
  const cur = variant === 0 ? '' : 'Current ';
  measure('Net Liquidation Value', (g) => g.nlv, true);
  measure('Equity With Loan Value', (g) => g.elv);
  measure(`${cur}Initial Margin`, (g) => g.im);
  measure(`${cur}Maintenance Margin`, (g) => g.mm);
  measure(`${cur}Available Funds`, (g) => g.af);
  measure(`${cur}Excess Liquidity`, (g) => g.el, true);
  // SMA: securities segment only
  s.text(44, y, 'SMA', { size: 8.5 });
  order.forEach((h, i) => {
    s.text(mx[i]!, y, h === 'Securities' ? m(sma) : '\u2014', { size: 8.5, align: 'right' });
  });
  y += 12.5;
  s.text(44, y, 'Buying Power', { size: 8.5, font: 'sansB' });
  order.forEach((h, i) => {
    s.text(mx[i]!, y, h === 'Total' ? m(bp) : '\u2014', { size: 8.5, font: 'sansB', align: 'right' });
  });
  y += 12.5;
  if (variant === 1) {
    const fo = rng.range(1.02, 1.3);
    const fl = rng.range(0.9, 1.2);
    const over = seg(nlv, r2(T.im * fo), r2(T.mm * fo));
    const look = seg(nlv, r2(T.im * fl), r2(T.mm * fl));
    const oS = seg(S.nlv, r2(S.im * (over.im / T.im)), r2(S.mm * (over.mm / T.mm)));
    const lS = seg(S.nlv, r2(S.im * (look.im / T.im)), r2(S.mm * (look.mm / T.mm)));
    const block = (title: string, tot: Seg, sec: Seg) => {
      y += 5;
      s.text(44, y, title, { size: 8, font: 'sansB', color: 0.35 });
      y += 12;
      const com = seg(C.nlv, r2(tot.im - sec.im), r2(tot.mm - sec.mm));
      const g3 = { Total: tot, Securities: sec, Commodities: com };
      for (const [l, f] of [
        ['Initial Margin', (g: Seg) => g.im],
        ['Maintenance Margin', (g: Seg) => g.mm],
        ['Available Funds', (g: Seg) => g.af],
        ['Excess Liquidity', (g: Seg) => g.el],
      ] as const) {
        s.text(52, y, `${title.split(' ')[0]} ${l}`, { size: 8.3, color: 0.2 });
        order.forEach((h, i) => {
          s.text(mx[i]!, y, m(f(g3[h])), { size: 8.3, color: 0.2, align: 'right' });
        });
        y += 12;
      }
    };
    block('Overnight (next session open)', over, oS);
    block('Look-Ahead (after next session open)', look, lS);
  }
  y += 6;
  s.text(
    44,
    y,
    `Gross Position Value ${m(gpv)}   \u00b7   Leverage ${(gpv / nlv).toFixed(2)}   \u00b7   Cushion ${pct((T.el / nlv) * 100, 1)}`,
    {
      size: 8,
      color: 0.35,
    },
  );
  y += 24;

  section(y, 'Open Positions');
  y += 16;
  const px = [44, 110, 330, 400, 480, 560];
  ['Symbol', 'Description', 'Quantity', 'Close Price', 'Value', 'Unrealized P/L'].forEach((h, i) => {
    s.text(px[i]!, y, h, { size: 8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
  });
  y += 6;
  s.text(44, y + 8, `Stocks (${ccy})`, { size: 8, font: 'sansB', color: 0.35 });
  y += 20;
  for (const st of stocks) {
    const cells = [st.sym, st.desc, String(st.qty), money(st.price), m(st.mv), m(st.upl)];
    cells.forEach((c, i) => {
      s.text(px[i]!, y, c, { size: 8.3, align: i < 2 ? 'left' : 'right' });
    });
    y += 11.5;
  }
  y += 4;
  s.text(44, y + 4, `Futures (${ccy})   \u2013   Value = notional; variation margin settles to cash daily`, {
    size: 8,
    font: 'sansB',
    color: 0.35,
  });
  y += 16;
  for (const f of futs) {
    const cells = [f.sym, `${f.desc} (x${f.mult})`, String(f.qty), money(f.settle), m(f.notional), '0.00'];
    cells.forEach((c, i) => {
      s.text(px[i]!, y, c, { size: 8.3, align: i < 2 ? 'left' : 'right' });
    });
    y += 11.5;
  }
  y += 18;
  s.para(
    40,
    y,
    'Excess Liquidity = Equity With Loan Value - Maintenance Margin. Available Funds = Equity With Loan Value - Initial Margin. If Excess Liquidity becomes negative, positions are liquidated automatically, without prior notice, to bring the account back into compliance. SMA applies to the securities segment only. Buying Power assumes purchases of marginable stock.',
    532,
    { size: 7.3, color: 0.35, leading: 9.5 },
  );
  s.text(40, 770, `Meridian Arc Trading LLC  \u00b7  ${acct}`, { size: 7, color: 0.45 });
  s.text(572, 770, 'Page 1 of 1', { size: 7, color: 0.45, align: 'right' });

  const fields: Fields = {
    total_equity: nlv,
    cash_balance: cash,
    long_market_value: lmv,
    short_market_value: smv,
    initial_requirement: T.im,
    maintenance_requirement: T.mm,
    excess_liquidity: T.el,
    sma,
    buying_power: bp,
  };
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(day), currency: ccy, fields }],
    notes: [
      variant === 0
        ? 'segment columns Securities | Commodities | Total (truth = Total)'
        : 'base currency CHF; Total column FIRST; "Current" rows then Overnight and Look-Ahead blocks (truth = current)',
      'SMA only in the securities segment (Total cell is a dash); long/short stock values from the NAV table; futures notionals and gross position value are not market values; Available Funds is not excess liquidity; no calls mentioned -> margin_call absent',
    ].join('; '),
  };
}

export const segmentTotals: Layout = {
  name: 'segment-totals',
  tests:
    'Universal-account daily statement: margin measures in Securities / Commodities / Total columns (truth = Total; Total first in one variant), SMA only in the securities column with a dash under Total, a Long / Short / Total net-asset-value table, "Current" vs "Overnight" and "Look-Ahead" requirement blocks, Available Funds beside Excess Liquidity, futures notionals and gross position value as distractors, base currency CHF in one variant; never mentions calls.',
  variants: 2,
  build,
};
