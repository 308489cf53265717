// Commodity (futures and options) account statement from an FCM, set in proportional type with ruled boxes.
// Variant 0: a "Financial Summary" whose COLUMNS are currencies and whose last column is the USD equivalent
// (truth); negatives in parentheses; option positions (one of them a CALL option) and long/short option values,
// so Net Liquidating Equity differs from cash + open trade equity; "No margin call outstanding".
// Variant 1: the grid is transposed (landscape): one ROW per currency of the same account and a "Total in USD"
// row (the truth; the currency rows are not accounts); minus-sign negatives; the account is under-margined and a
// margin call restores it to the initial requirement.
// Excess / (Deficit) is measured against the INITIAL requirement, as futures statements do.

import { businessDay, clock24, fmt, MON, nextBusinessDay } from '../lib/dates.ts';
import { money, r2 } from '../lib/money.ts';
import { fund, person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, LETTER_LANDSCAPE, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

type Ccy = 'USD' | 'EUR' | 'GBP' | 'CAD' | 'JPY';

interface Fut {
  desc: string;
  mult: number;
  level: number;
  tick: number;
  im: number;
}
interface OptDef {
  desc: string;
  mult: number;
  level: number;
  step: number;
}

const FUTS: Record<Ccy, Fut[]> = {
  USD: [
    { desc: 'CME E-MINI NASDAQ-100', mult: 20, level: 20800, tick: 0.25, im: 29500 },
    { desc: 'CBOT SOYBEANS', mult: 50, level: 1010, tick: 0.25, im: 2300 },
    { desc: 'COMEX SILVER 5000 OZ', mult: 5000, level: 31.2, tick: 0.005, im: 17600 },
    { desc: 'CME LIVE CATTLE', mult: 400, level: 186, tick: 0.025, im: 2700 },
    { desc: 'NYMEX HENRY HUB NAT GAS', mult: 10000, level: 3.1, tick: 0.001, im: 5200 },
  ],
  EUR: [
    { desc: 'EUREX EURO-BOBL', mult: 1000, level: 118, tick: 0.01, im: 1650 },
    { desc: 'EURONEXT MILLING WHEAT', mult: 50, level: 228, tick: 0.25, im: 1100 },
  ],
  GBP: [{ desc: 'ICE THREE MONTH SONIA', mult: 2500, level: 96, tick: 0.005, im: 450 }],
  CAD: [{ desc: 'MX S&P/TSX 60 INDEX', mult: 200, level: 1480, tick: 0.1, im: 30500 }],
  JPY: [{ desc: 'OSE JGB 10 YEAR', mult: 1_000_000, level: 142, tick: 0.01, im: 2_900_000 }],
};
const OPTS: Partial<Record<Ccy, OptDef>> = {
  USD: { desc: 'CME E-MINI S&P 500', mult: 50, level: 5900, step: 25 },
  EUR: { desc: 'EUREX EURO STOXX 50', mult: 10, level: 4900, step: 50 },
};
const CCY_NAME: Record<Ccy, string> = {
  USD: 'US Dollar',
  EUR: 'Euro',
  GBP: 'Pound Sterling',
  CAD: 'Canadian Dollar',
  JPY: 'Japanese Yen',
};

interface Line {
  date: Date;
  qty: number;
  desc: string;
  trade: number;
  settle: number;
  value: number;
  option: boolean;
}

interface Sec {
  ccy: Ccy;
  rate: number;
  lines: Line[];
  bb: number;
  dep: number;
  comm: number;
  fees: number;
  prem: number;
  realized: number;
  cash: number;
  ote: number;
  lov: number;
  sov: number;
  nle: number;
  im: number;
  mm: number;
  exc: number;
}

const tickRound = (x: number, t: number): number => Number((Math.round(x / t) * t).toFixed(4));
/** year first: 2026/11/27 */
const ymd = (d: Date): string => fmt.iso(d).replace(/-/g, '/');
const px = (x: number, d: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

function settleSec(s: Sec): Sec {
  s.cash = r2(s.bb + s.dep + s.comm + s.fees + s.prem + s.realized);
  s.nle = r2(s.cash + s.ote + s.lov + s.sov);
  s.exc = r2(s.nle - s.im);
  return s;
}

function section(rng: Rng, ccy: Ccy, rate: number, day: Date, scale: number, withCallOption: boolean): Sec {
  const big = ccy === 'JPY' ? 150 : 1;
  const month = (k: number) => {
    const m = (day.getUTCMonth() + k) % 12;
    return `${MON[m]!.toUpperCase()} ${String(day.getUTCFullYear() + (m < day.getUTCMonth() ? 1 : 0)).slice(2)}`;
  };
  const openDate = () => {
    let d = new Date(day.getTime() - rng.int(0, 30) * 86_400_000);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() - 86_400_000);
    return d;
  };
  const lines: Line[] = [];
  let im = 0;
  for (const f of rng.shuffle(FUTS[ccy]).slice(0, rng.int(1, FUTS[ccy].length))) {
    const qty = rng.int(1, 9) * (rng.chance(0.35) ? -1 : 1);
    const trade = tickRound(f.level * rng.range(0.95, 1.05), f.tick);
    const settle = tickRound(trade * rng.range(0.97, 1.03), f.tick);
    lines.push({
      date: openDate(),
      qty,
      desc: `${month(rng.pick([1, 2, 3]))} ${f.desc}`,
      trade,
      settle,
      value: r2((settle - trade) * f.mult * qty),
      option: false,
    });
    im += Math.abs(qty) * f.im;
  }
  const od = OPTS[ccy];
  if (od) {
    const kinds = withCallOption ? ['CALL', 'PUT'] : rng.chance(0.5) ? ['PUT'] : ['PUT', 'PUT'];
    kinds.forEach((kind, i) => {
      const strike = Math.round((od.level * rng.range(0.9, 1.1)) / od.step) * od.step;
      const qty = rng.int(1, 6) * (i === 0 ? 1 : -1);
      const trade = Number(rng.range(15, 140).toFixed(2));
      const settle = Number((trade * rng.range(0.6, 1.5)).toFixed(2));
      lines.push({
        date: openDate(),
        qty,
        desc: `${month(1)} ${od.desc} ${kind} ${strike}`,
        trade,
        settle,
        value: r2(settle * od.mult * qty),
        option: true,
      });
      if (qty < 0) im += Math.abs(qty) * od.level * od.mult * 0.055;
    });
  }
  im = r2(im);
  const futs = lines.filter((l) => !l.option);
  const opts = lines.filter((l) => l.option);
  const ote = r2(futs.reduce((a, l) => a + l.value, 0));
  const lov = r2(opts.filter((l) => l.qty > 0).reduce((a, l) => a + l.value, 0));
  const sov = r2(opts.filter((l) => l.qty < 0).reduce((a, l) => a + l.value, 0));
  const bb = r2(im * rng.range(1.3, 3.2) + scale * rng.range(0, 0.15));
  const dep = rng.chance(0.4) ? r2((rng.pick([1, -1]) * Math.round(scale * rng.range(0.02, 0.1) * big)) / big) : 0;
  const comm = -r2(lines.length * rng.range(1.5, 7.5) * big);
  const fees = -r2(lines.length * rng.range(0.6, 2.9) * big);
  const prem = opts.length ? r2(rng.pick([1, -1]) * rng.range(200, 3000) * big) : 0;
  const realized = r2(rng.range(-0.03, 0.04) * bb);
  return settleSec({
    ccy,
    rate,
    lines,
    bb,
    dep,
    comm,
    fees,
    prem,
    realized,
    cash: 0,
    ote,
    lov,
    sov,
    nle: 0,
    im,
    mm: r2(im / 1.1),
    exc: 0,
  });
}

function usdEquivalent(secs: Sec[]): Sec {
  const c = (f: (s: Sec) => number) => r2(secs.reduce((a, s) => a + f(s) * s.rate, 0));
  return settleSec({
    ccy: 'USD',
    rate: 1,
    lines: [],
    bb: c((s) => s.bb),
    dep: c((s) => s.dep),
    comm: c((s) => s.comm),
    fees: c((s) => s.fees),
    prem: c((s) => s.prem),
    realized: c((s) => s.realized),
    cash: 0,
    ote: c((s) => s.ote),
    lov: c((s) => s.lov),
    sov: c((s) => s.sov),
    nle: 0,
    im: c((s) => s.im),
    mm: c((s) => s.mm),
    exc: 0,
  });
}

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const deficit = variant === 1;
  const ccys: Ccy[] = variant === 0 ? ['USD', 'EUR', 'GBP'] : ['USD', 'CAD', 'EUR', 'JPY'];
  const rates: Record<Ccy, number> = {
    USD: 1,
    EUR: Number(rng.range(1.03, 1.17).toFixed(6)),
    GBP: Number(rng.range(1.22, 1.36).toFixed(6)),
    CAD: Number(rng.range(0.69, 0.75).toFixed(6)),
    JPY: Number(rng.range(0.0064, 0.0071).toFixed(6)),
  };
  const scale = rng.pick([120_000, 450_000, 1_600_000]);
  const secs = ccys.map((c) =>
    section(rng, c, rates[c], day, c === 'JPY' ? scale * 150 : scale, variant === 0 && c === 'USD'),
  );
  let eq = usdEquivalent(secs);
  if (deficit) {
    // losses in every currency (in proportion to its margin) take the USD-equivalent net liquidating equity below
    // maintenance
    const cut = eq.nle - eq.mm * rng.range(0.85, 0.96);
    for (const sec of secs) {
      sec.realized = r2(sec.realized - (cut * ((sec.im * sec.rate) / eq.im)) / sec.rate);
      settleSec(sec);
    }
    eq = usdEquivalent(secs);
  }
  const call = deficit ? r2(eq.im - eq.nle) : 0;
  const acct = variant === 0 ? `${rng.digits(3)}-${rng.digits(5)}` : `LFX-${rng.digits(5)}`;
  const holder = variant === 0 ? person(rng) : { name: fund(rng), address: ['c/o Operations', 'Chicago, IL 60606'] };
  const printed = nextBusinessDay(day);
  const neg = variant === 0 ? 'parens' : 'minus';
  const m = (n: number) => money(n, { neg });
  const pdf = await newPdf({
    title: `Commodity Account Statement ${acct}`,
    author: 'Larkspur Futures LLC',
    creator: 'LFX Back Office 9',
    producer: 'Crystal Reports',
    created: printed,
  });
  const green: [number, number, number] = [0.1, 0.36, 0.22];

  if (variant === 0) {
    const s = new Sheet(pdf, LETTER);
    s.text(40, 50, 'LARKSPUR FUTURES', { size: 16, font: 'sansB', color: green });
    s.text(40, 62, 'Futures Commission Merchant  \u00b7  Member NFA', { size: 7.5, color: 0.4 });
    s.text(40, 72, '311 S. Wacker Drive, Suite 1800, Chicago, IL 60606', { size: 7.5, color: 0.4 });
    s.text(572, 50, 'Commodity Account Statement', { size: 13, font: 'sansB', align: 'right' });
    s.lines(40, 104, [holder.name, ...holder.address], { size: 9 });
    const meta: [string, string][] = [
      ['Account No.', acct],
      ['Statement Date', ymd(day)],
      ['Printed', `${fmt.mdy(printed)} ${clock24(rng, 4, 6).slice(0, 5)}`],
      ['Page', '1 of 1'],
    ];
    s.box(372, 90, 200, meta.length * 15 + 8, { stroke: green, width: 0.7 });
    meta.forEach(([k, v], i) => {
      s.text(380, 103 + i * 15, k, { size: 8, color: 0.35 });
      s.text(564, 103 + i * 15, v, { size: 8.5, font: i < 2 ? 'sansB' : 'sans', align: 'right' });
    });

    // open positions
    let y = 176;
    s.box(40, y - 12, 532, 17, { fill: green });
    s.text(46, y, 'OPEN POSITIONS', { size: 9, font: 'sansB', color: 1 });
    y += 16;
    const cx = [40, 104, 134, 146, 352, 428, 488, 572];
    ['Trade Date', 'Long', 'Short', 'Contract', 'Ccy', 'Trade Px', 'Settle Px', 'OTE / Market Value'].forEach(
      (h, i) => {
        s.text(cx[i]!, y, h, { size: 7.5, font: 'sansB', align: i === 0 || i === 3 || i === 4 ? 'left' : 'right' });
      },
    );
    y += 4;
    s.hline(40, 572, y, 0.4, 0.5);
    y += 11;
    for (const sec of secs) {
      for (const l of sec.lines) {
        const d = l.option ? 2 : l.trade < 10 ? 3 : 2;
        const cells = [
          fmt.mdy(l.date),
          l.qty > 0 ? String(l.qty) : '',
          l.qty < 0 ? String(-l.qty) : '',
          l.desc,
          sec.ccy,
          px(l.trade, d),
          px(l.settle, d),
          m(l.value),
        ];
        cells.forEach((c, i) => {
          s.text(cx[i]!, y, c, { size: 7.5, align: i === 0 || i === 3 || i === 4 ? 'left' : 'right' });
        });
        y += 11.5;
      }
    }

    // financial summary: one column per currency, USD equivalent last
    y += 16;
    s.box(40, y - 12, 532, 17, { fill: green });
    s.text(46, y, 'FINANCIAL SUMMARY', { size: 9, font: 'sansB', color: 1 });
    y += 18;
    const vx = [298, 390, 482, 572];
    const heads = [...secs.map((x) => [CCY_NAME[x.ccy], `(${x.ccy})`]), ['USD', 'Equivalent']];
    heads.forEach(([a, b2], i) => {
      s.text(vx[i]!, y, a!, { size: 7.8, font: 'sansB', align: 'right' });
      s.text(vx[i]!, y + 9.5, b2!, { size: 7.8, font: 'sansB', align: 'right' });
    });
    y += 14;
    s.hline(40, 572, y, 0.6, green);
    y += 12;
    const rows: [string, (x: Sec) => number, 'b' | 'shade' | ''][] = [
      ['Beginning Cash Balance', (x) => x.bb, ''],
      ['Deposits / (Withdrawals)', (x) => x.dep, ''],
      ['Commissions', (x) => x.comm, ''],
      ['Clearing & Exchange Fees', (x) => x.fees, ''],
      ['Option Premium Received / (Paid)', (x) => x.prem, ''],
      ['Realized Profit / (Loss)', (x) => x.realized, ''],
      ['Ending Cash Balance', (x) => x.cash, 'b'],
      ['Open Trade Equity (Futures)', (x) => x.ote, ''],
      ['Long Option Market Value', (x) => x.lov, ''],
      ['Short Option Market Value', (x) => x.sov, ''],
      ['Net Liquidating Equity', (x) => x.nle, 'shade'],
      ['Initial Margin Requirement', (x) => x.im, ''],
      ['Maintenance Margin Requirement', (x) => x.mm, ''],
      ['Excess / (Deficit)', (x) => x.exc, 'b'],
    ];
    for (const [label, f, style] of rows) {
      if (style === 'shade') s.box(40, y - 9.5, 532, 13, { fill: 0.9 });
      s.text(46, y, label, { size: 8.3, font: style ? 'sansB' : 'sans' });
      [...secs, eq].forEach((x, i) => {
        s.text(vx[i]!, y, m(f(x)), { size: 8.3, font: style || i === 3 ? 'sansB' : 'sans', align: 'right' });
      });
      y += 13;
      if (label === 'Ending Cash Balance' || label === 'Net Liquidating Equity') s.hline(40, 572, y - 9.5, 0.3, 0.6);
    }
    s.hline(40, 572, y - 9, 0.6, green);
    s.text(46, y + 2, 'Rate to USD', { size: 7.5, color: 0.35 });
    secs.forEach((x, i) => {
      s.text(vx[i]!, y + 2, x.rate.toFixed(6), { size: 7.5, color: 0.35, align: 'right' });
    });
    s.vline(484, y - 8 - 13 * rows.length - 26, y + 6, 0.4, 0.6);
    y += 30;
    s.text(40, y, 'Margin status:', { size: 9, font: 'sansB' });
    s.text(112, y, 'No margin call outstanding.', { size: 9 });
    y += 26;
    s.para(
      40,
      y,
      'Net Liquidating Equity = Ending Cash Balance + Open Trade Equity + Long Option Market Value + Short Option Market Value. Excess / (Deficit) = Net Liquidating Equity less Initial Margin Requirement. Foreign currency balances are converted to US dollars at the settlement rates shown; the USD Equivalent column is the account total. Amounts in parentheses are debits.',
      532,
      { size: 7.3, color: 0.35, leading: 9.5 },
    );
    s.text(40, 760, 'Larkspur Futures LLC is a registered futures commission merchant. Please review this statement', {
      size: 6.8,
      color: 0.45,
    });
    s.text(40, 769, 'and report any discrepancy to the compliance department within one business day.', {
      size: 6.8,
      color: 0.45,
    });
  } else {
    const W = LETTER_LANDSCAPE[0];
    const s = new Sheet(pdf, LETTER_LANDSCAPE);
    s.box(0, 0, W, 34, { fill: green });
    s.text(36, 23, 'LARKSPUR FUTURES LLC', { size: 13, font: 'sansB', color: 1 });
    s.text(756, 23, 'Statement of Account  \u2013  Futures & Options', { size: 11, color: 1, align: 'right' });
    s.text(36, 60, holder.name, { size: 10, font: 'sansB' });
    s.lines(36, 72, holder.address, { size: 8.5 });
    const meta: [string, string][] = [
      ['Acct:', acct],
      ['As of Close:', fmt.dmonYMixed(day)],
      ['Print Date:', `${fmt.dmonYMixed(printed)} ${clock24(rng, 4, 6)}`],
    ];
    meta.forEach(([k, v], i) => {
      s.text(620, 58 + i * 12, k, { size: 8.5, color: 0.35, align: 'right' });
      s.text(626, 58 + i * 12, v, { size: 8.5, font: i < 2 ? 'sansB' : 'sans' });
    });

    let y = 116;
    s.text(36, y, 'Open Positions', { size: 10.5, font: 'sansB', color: green });
    s.hline(36, 756, y + 4, 0.8, green);
    y += 17;
    const cx = [36, 124, 156, 168, 440, 530, 604, 676, 756];
    ['Trade Date', 'Bought', 'Sold', 'Contract', 'Ccy', 'Trade Px', 'Settle Px', 'Rate', 'OTE / Mkt Value'].forEach(
      (h, i) => {
        s.text(cx[i]!, y, h, { size: 7.8, font: 'sansB', align: i === 0 || i === 3 || i === 4 ? 'left' : 'right' });
      },
    );
    y += 12;
    for (const sec of secs) {
      for (const l of sec.lines) {
        const d = l.option ? 2 : l.trade < 10 ? 3 : 2;
        const cells = [
          fmt.dmonYMixed(l.date),
          l.qty > 0 ? String(l.qty) : '',
          l.qty < 0 ? String(-l.qty) : '',
          l.desc,
          sec.ccy,
          px(l.trade, d),
          px(l.settle, d),
          sec.rate.toFixed(6),
          m(l.value),
        ];
        cells.forEach((c, i) => {
          s.text(cx[i]!, y, c, { size: 7.8, align: i === 0 || i === 3 || i === 4 ? 'left' : 'right' });
        });
        y += 11.5;
      }
    }

    y += 18;
    s.text(36, y, 'Account Balances by Currency', { size: 10.5, font: 'sansB', color: green });
    s.hline(36, 756, y + 4, 0.8, green);
    y += 18;
    const cols: [string, string, (x: Sec) => string][] = [
      ['Cash', 'Balance', (x) => m(x.cash)],
      ['Futures', 'OTE', (x) => m(x.ote)],
      ['Long Option', 'Value', (x) => m(x.lov)],
      ['Short Option', 'Value', (x) => m(x.sov)],
      ['Net Liq.', 'Value', (x) => m(x.nle)],
      ['Initial', 'Margin', (x) => m(x.im)],
      ['Maintenance', 'Margin', (x) => m(x.mm)],
      ['Excess', '(Deficit)', (x) => m(x.exc)],
    ];
    const vx = (i: number) => 240 + i * 73.7;
    s.text(36, y + 9, 'Currency', { size: 7.8, font: 'sansB' });
    s.text(176, y + 9, 'FX to USD', { size: 7.8, font: 'sansB', align: 'right' });
    cols.forEach(([a, b2], i) => {
      s.text(vx(i), y, a, { size: 7.8, font: 'sansB', align: 'right' });
      s.text(vx(i), y + 9, b2, { size: 7.8, font: 'sansB', align: 'right' });
    });
    y += 14;
    s.hline(36, 756, y, 0.5, 0.4);
    y += 12;
    for (const sec of secs) {
      s.text(36, y, `${sec.ccy}  ${CCY_NAME[sec.ccy]}`, { size: 8 });
      s.text(176, y, sec.rate.toFixed(6), { size: 8, align: 'right' });
      cols.forEach(([, , f], i) => {
        s.text(vx(i), y, f(sec), { size: 8, align: 'right' });
      });
      y += 13;
    }
    s.hline(36, 756, y - 8.5, 0.5, 0.4);
    s.box(36, y - 6.5, 720, 14, { fill: 0.9 });
    y += 4;
    s.text(36, y, 'Total in USD', { size: 8, font: 'sansB' });
    cols.forEach(([, , f], i) => {
      s.text(vx(i), y, f(eq), { size: 8, font: 'sansB', align: 'right' });
    });
    s.hline(36, 756, y + 5, 0.6);
    s.hline(36, 756, y + 7, 0.6);

    y += 30;
    const red: [number, number, number] = [0.7, 0.08, 0.08];
    s.box(36, y - 12, 380, 58, { stroke: red, width: 1 });
    s.text(44, y + 1, 'MARGIN CALL', { size: 10, font: 'sansB', color: red });
    s.text(44, y + 16, `Amount due (USD): ${money(call)}`, { size: 9, font: 'sansB' });
    s.text(
      44,
      y + 30,
      `Issued ${fmt.dmonYMixed(printed)}   \u00b7   Due ${fmt.dmonYMixed(nextBusinessDay(printed))} 08:00 CT`,
      {
        size: 8.5,
      },
    );
    s.para(
      440,
      y - 2,
      'Net liquidating value is below the maintenance margin requirement. The call restores the account to the initial margin requirement. Excess (Deficit) = Net Liq. Value less Initial Margin. All totals are converted to USD at the rates shown.',
      316,
      { size: 7.5, color: 0.3, leading: 9.5 },
    );
    s.text(36, 590, 'Larkspur Futures LLC  \u00b7  Member NFA  \u00b7  Page 1 of 1', { size: 7, color: 0.45 });
  }

  const fields: Fields = {
    total_equity: eq.nle,
    cash_balance: eq.cash,
    initial_requirement: eq.im,
    maintenance_requirement: eq.mm,
    excess_liquidity: eq.exc,
    margin_call: call,
  };
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(day), currency: 'USD', fields }],
    notes: [
      variant === 0
        ? 'currencies as columns (USD, EUR, GBP) with the USD Equivalent column last (truth); parentheses negatives; statement date 2026/11/27 style; a CALL option among the positions; "No margin call outstanding" -> 0'
        : 'transposed: one row per currency of the same account and a "Total in USD" row (truth); minus negatives; 27-Nov-2026 dates; margin call = initial - net liq (restores initial), issued/due dates are not the report date',
      'total_equity = Net Liquidating Equity / Net Liq. Value (cash + OTE + long and short option values); cash_balance = ending cash; excess against initial',
    ].join('; '),
  };
}

export const commoditySummary: Layout = {
  name: 'commodity-summary',
  tests:
    'FCM "Commodity Account Statement" in proportional type: a Financial Summary whose columns are currencies with a final "USD Equivalent" column (truth), or (landscape) one row per currency of the same account and a "Total in USD" row; Net Liquidating Equity includes long and short option values; Excess / (Deficit) against initial; a CALL option in the positions beside "No margin call outstanding"; a margin call that restores initial margin; dates 2026/11/27 and 27-Nov-2026.',
  variants: 2,
  build,
};
