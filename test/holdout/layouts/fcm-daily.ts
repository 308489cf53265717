// Futures commission merchant daily statement (StoneX/ADM style) in fixed-width Courier: confirmations and open
// positions first, then one balance section per currency and a "CONVERTED TO USD" total. Negatives carry a DR
// suffix. Excess/deficit is measured against the INITIAL requirement.

import { businessDay, fmt, MON, nextBusinessDay } from '../lib/dates.ts';
import { money, r2 } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

type Ccy = 'USD' | 'EUR' | 'GBP' | 'JPY';
interface Contract {
  desc: string;
  ex: string;
  mult: number;
  level: number;
  tick: number;
  im: number;
}
const CONTRACTS: Record<Ccy, Contract[]> = {
  USD: [
    { desc: 'CME E-MINI S&P 500', ex: 'CME', mult: 50, level: 5900, tick: 0.25, im: 12650 },
    { desc: 'CBT 10 YR US T-NOTE', ex: 'CBT', mult: 1000, level: 110, tick: 0.125, im: 2150 },
    { desc: 'NYM LIGHT SWEET CRUDE OIL', ex: 'NYM', mult: 1000, level: 71, tick: 0.01, im: 6200 },
    { desc: 'CMX GOLD 100 OZ', ex: 'CMX', mult: 100, level: 2650, tick: 0.1, im: 11000 },
    { desc: 'CBT CORN', ex: 'CBT', mult: 50, level: 430, tick: 0.25, im: 1150 },
  ],
  EUR: [
    { desc: 'EUREX EURO STOXX 50', ex: 'EUX', mult: 10, level: 4900, tick: 1, im: 3600 },
    { desc: 'EUREX EURO-BUND', ex: 'EUX', mult: 1000, level: 131, tick: 0.01, im: 4200 },
    { desc: 'EUREX MINI-DAX', ex: 'EUX', mult: 5, level: 19200, tick: 1, im: 4300 },
  ],
  GBP: [
    { desc: 'ICE FTSE 100 INDEX', ex: 'IFL', mult: 10, level: 8200, tick: 0.5, im: 4800 },
    { desc: 'ICE LONG GILT', ex: 'IFL', mult: 1000, level: 93, tick: 0.01, im: 2600 },
  ],
  JPY: [{ desc: 'OSE NIKKEI 225 MINI', ex: 'OSE', mult: 100, level: 38500, tick: 5, im: 260000 }],
};
const NAMES: Record<Ccy, string> = {
  USD: 'US DOLLARS',
  EUR: 'EURO',
  GBP: 'BRITISH POUND STERLING',
  JPY: 'JAPANESE YEN',
};

interface Pos {
  date: Date;
  qty: number;
  c: Contract;
  month: string;
  trade: number;
  settle: number;
  ote: number;
}
interface Sec {
  ccy: Ccy;
  rate: number;
  pos: Pos[];
  bb: number;
  comm: number;
  fees: number;
  realized: number;
  eb: number;
  ote: number;
  te: number;
  im: number;
  mm: number;
  exc: number;
}

const dr = (n: number): string => {
  const s = money(n, { neg: 'dr', bareZero: true });
  return n < 0 ? s : `${s}  `;
};
const dec = (n: number, d: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ticks = (x: number, tick: number): number => Math.round(x / tick) * tick;

function section(rng: Rng, ccy: Ccy, rate: number, day: Date, scale: number): Sec {
  const contracts = rng.shuffle(CONTRACTS[ccy]).slice(0, rng.int(1, CONTRACTS[ccy].length));
  const pos: Pos[] = contracts.map((c) => {
    const qty = rng.int(1, 12) * (rng.chance(0.35) ? -1 : 1);
    const trade = ticks(c.level * rng.range(0.95, 1.05), c.tick);
    const settle = ticks(trade * rng.range(0.97, 1.03), c.tick);
    const m = (day.getUTCMonth() + rng.pick([1, 2, 3])) % 12;
    return {
      date: new Date(day.getTime() - rng.int(0, 25) * 86_400_000),
      qty,
      c,
      month: `${MON[m]!.toUpperCase()} ${String(day.getUTCFullYear() + (m < day.getUTCMonth() ? 1 : 0)).slice(2)}`,
      trade,
      settle,
      ote: r2((settle - trade) * c.mult * qty),
    };
  });
  for (const p of pos)
    if (p.date.getUTCDay() === 0 || p.date.getUTCDay() === 6) p.date = new Date(p.date.getTime() - 2 * 86_400_000);
  const im = r2(pos.reduce((a, p) => a + Math.abs(p.qty) * p.c.im, 0));
  const bb = r2((im * rng.range(1.2, 3.5) + scale * rng.range(0, 0.2)) / 1);
  const comm = -r2(pos.length * rng.range(2, 9) * (ccy === 'JPY' ? 150 : 1));
  const fees = -r2(pos.length * rng.range(0.8, 3.1) * (ccy === 'JPY' ? 150 : 1));
  const realized = r2(rng.range(-0.04, 0.05) * bb);
  return finishSec({ ccy, rate, pos, bb, comm, fees, realized, eb: 0, ote: 0, te: 0, im, mm: r2(im * 0.91), exc: 0 });
}

function finishSec(s: Sec, ote?: number): Sec {
  s.eb = r2(s.bb + s.comm + s.fees + s.realized);
  s.ote = ote ?? r2(s.pos.reduce((a, p) => a + p.ote, 0));
  s.te = r2(s.eb + s.ote);
  s.exc = r2(s.te - s.im);
  return s;
}

function converted(secs: Sec[]): Sec {
  const c = (f: (s: Sec) => number) => r2(secs.reduce((a, s) => a + f(s) * s.rate, 0));
  return finishSec(
    {
      ccy: 'USD',
      rate: 1,
      pos: [],
      bb: c((s) => s.bb),
      comm: c((s) => s.comm),
      fees: c((s) => s.fees),
      realized: c((s) => s.realized),
      eb: 0,
      ote: 0,
      te: 0,
      im: c((s) => s.im),
      mm: c((s) => s.mm),
      exc: 0,
    },
    c((s) => s.ote),
  );
}

async function build(rng: Rng, variant: number): Promise<Built> {
  const day = businessDay(rng);
  const ccys: Ccy[] = [
    ['USD', 'EUR', 'GBP'],
    ['EUR', 'USD'],
    ['JPY', 'USD'],
  ][variant] as Ccy[];
  const rates: Record<Ccy, number> = {
    USD: 1,
    EUR: Number(rng.range(1.03, 1.17).toFixed(6)),
    GBP: Number(rng.range(1.22, 1.36).toFixed(6)),
    JPY: Number(rng.range(0.0064, 0.0071).toFixed(6)),
  };
  const scale = rng.pick([150_000, 600_000, 2_000_000]);
  const secs = ccys.map((c) => section(rng, c, rates[c], day, c === 'JPY' ? scale * 150 : scale));
  let conv = converted(secs);
  const deficit = variant === 2;
  if (deficit) {
    // pull the USD ledger down so the converted total equity sits below maintenance
    const usd = secs.find((s) => s.ccy === 'USD')!;
    usd.bb = r2(usd.bb - (conv.te - conv.mm * rng.range(0.86, 0.95)));
    finishSec(usd);
    conv = converted(secs);
  }
  // the converted ote/ledger are converted line by line; ending balance follows from its components
  const call = deficit ? r2(conv.im - conv.te) : 0;
  const acct = variant === 1 ? `F${rng.digits(2)}-${rng.digits(5)}` : `${rng.digits(3)} ${rng.digits(5)}`;
  const who = person(rng);
  const dateLine = [
    `STATEMENT DATE:  ${fmt.monDY(day)}`,
    `BUSINESS DATE ${fmt.dmonY(day)}`,
    `STATEMENT DATE:  ${fmt.mdyShort(day)}`,
  ][variant]!;
  const ledger = variant === 1 ? 'LEDGER BALANCE' : 'ENDING BALANCE';

  const pdf = await newPdf({
    title: `DAILY STATEMENT ${acct}`,
    author: 'RIDGEWAY FUTURES LLC',
    creator: 'GMI STATEMENT PRINT',
    producer: 'AFP2PDF',
    created: nextBusinessDay(day),
  });
  const size = 7.6;
  const lead = 9.6;
  const W = 104;
  let pageNo = 0;
  let s!: Sheet;
  let y = 0;
  const header = () => {
    pageNo++;
    s = new Sheet(pdf, LETTER);
    y = 40;
    const head = [
      `RIDGEWAY FUTURES LLC${' '.repeat(40)}*** DAILY STATEMENT ***`,
      `141 W. JACKSON BLVD, SUITE 2200${' '.repeat(29)}${dateLine}`,
      `CHICAGO, IL 60604   (312) 555-0199${' '.repeat(26)}ACCOUNT NUMBER:  ${acct}`,
      `${' '.repeat(60)}OFFICE: 44  SALES: R07  PAGE ${pageNo}`,
      '',
      who.name.toUpperCase(),
      ...who.address.map((a) => a.toUpperCase()),
      '',
    ];
    for (const l of head) line(l, pageNo === 1 && (l.startsWith('RIDGEWAY') || l.includes('***')));
  };
  const line = (t: string, bold = false) => {
    s.text(36, y, t, { size, font: bold ? 'monoB' : 'mono' });
    y += lead;
  };
  const rule = (ch = '-') => line(ch.repeat(W));
  const center = (t: string) => line(`${' '.repeat(Math.max(0, Math.floor((W - t.length) / 2)))}${t}`, true);

  header();
  rule();
  center('CONFIRMATIONS / PURCHASES AND SALES');
  line('TRADE DATE  AT  LONG/BUY  SHORT/SELL  CONTRACT DESCRIPTION              EX       PRICE   CC      DEBIT/CREDIT');
  const todays = secs.flatMap((x) => x.pos).filter((_, i) => i % 2 === 0);
  for (const p of todays) {
    const q = Math.max(1, Math.floor(Math.abs(p.qty) / 2));
    line(
      `${fmt.mdyShort(day)}    1  ${(p.qty > 0 ? String(q) : '').padStart(8)}  ${(p.qty < 0 ? String(q) : '').padStart(10)}  ${`${p.month} ${p.c.desc}`.padEnd(32)}  ${p.c.ex.padEnd(3)}  ${dec(p.settle, 2).padStart(11)}   ${secs.find((x) => x.pos.includes(p))!.ccy.slice(0, 2)}  ${''.padStart(14)}`,
    );
  }
  line('');
  center('OPEN POSITIONS');
  line(
    'TRADE DATE  AT      LONG     SHORT  CONTRACT DESCRIPTION              EX  TRADE PRICE SETTLE PRICE CC OPEN TRADE EQ',
  );
  for (const sec of secs) {
    for (const p of sec.pos) {
      line(
        `${fmt.mdyShort(p.date)}    1  ${(p.qty > 0 ? String(p.qty) : '').padStart(8)}  ${(p.qty < 0 ? String(-p.qty) : '').padStart(8)}  ${`${p.month} ${p.c.desc}`.padEnd(32)}  ${p.c.ex.padEnd(3)} ${dec(p.trade, 3).padStart(12)} ${dec(p.settle, 3).padStart(12)} ${sec.ccy.slice(0, 2)} ${dr(p.ote).padStart(14)}`,
      );
    }
    line(`${' '.repeat(50)}* ${sec.ccy} OPEN TRADE EQUITY TOTAL ${dr(sec.ote).padStart(26)}`);
  }
  line('');
  rule('=');

  header();
  rule();
  center('ACCOUNT BALANCES');
  rule();
  const rows: [string, (x: Sec) => string][] = [
    ['BEGINNING BALANCE', (x) => dr(x.bb)],
    ['COMMISSIONS', (x) => dr(x.comm)],
    ['CLEARING & EXCHANGE FEES', (x) => dr(x.fees)],
    ['REALIZED PROFIT/LOSS', (x) => dr(x.realized)],
    [ledger, (x) => dr(x.eb)],
    ['OPEN TRADE EQUITY', (x) => dr(x.ote)],
    ['TOTAL EQUITY', (x) => dr(x.te)],
    ['NET OPTION VALUE', () => dr(0)],
    ['NET LIQUIDATING VALUE', (x) => dr(x.te)],
    ['INITIAL MARGIN REQUIREMENT', (x) => dr(x.im)],
    ['MAINTENANCE MARGIN REQUIREMENT', (x) => dr(x.mm)],
    ['EXCESS/DEFICIT', (x) => dr(x.exc)],
  ];
  if (variant === 1) {
    // columnar: one column per currency, converted total last
    const cw = 19;
    line(
      `${''.padEnd(33)}${[...secs.map((x) => NAMES[x.ccy].split(' ').slice(0, 2).join(' ')), 'CONVERTED TO USD'].map((h) => h.padStart(cw)).join('')}`,
      true,
    );
    line(`${''.padEnd(33)}${[...secs.map((x) => `(${x.ccy})`), '(USD)'].map((h) => h.padStart(cw)).join('')}`);
    line('');
    for (const [label, f] of rows)
      line(
        `${label.padEnd(33)}${[...secs, conv].map((x) => f(x).padStart(cw)).join('')}`,
        label === 'NET LIQUIDATING VALUE',
      );
    line(`${'EXCHANGE RATE TO USD'.padEnd(33)}${secs.map((x) => `${x.rate.toFixed(6)}  `.padStart(cw)).join('')}`);
  } else {
    for (const sec of [...secs, conv]) {
      line('');
      center(sec === conv ? '*** CONVERTED TO USD - ALL CURRENCIES ***' : `*** ${NAMES[sec.ccy]} ***`);
      for (const [label, f] of rows)
        line(`${label.padEnd(40)}${f(sec).padStart(40)}`, sec === conv && label === 'NET LIQUIDATING VALUE');
      if (sec !== conv) line(`${'EXCHANGE RATE TO USD'.padEnd(40)}${`${sec.rate.toFixed(6)}  `.padStart(40)}`);
    }
  }
  line('');
  if (deficit) {
    rule('*');
    center('*** MARGIN CALL ***');
    line(
      `YOUR ACCOUNT IS UNDERMARGINED. MARGIN CALL AMOUNT (USD): ${dr(call).trim()}   DUE BY ${fmt.mdyShort(nextBusinessDay(day))}`,
    );
    line('PLEASE WIRE FUNDS OR REDUCE POSITIONS TO RESTORE INITIAL MARGIN.');
    rule('*');
  }
  line('');
  line('EXCESS/DEFICIT IS TOTAL EQUITY LESS INITIAL MARGIN REQUIREMENT. ALL AMOUNTS CONVERTED AT SETTLEMENT RATES.');
  line('PLEASE EXAMINE THIS STATEMENT AND REPORT ANY DIFFERENCES IMMEDIATELY TO THE COMPLIANCE DEPARTMENT.');

  const fields: Fields = {
    total_equity: conv.te,
    cash_balance: conv.eb,
    initial_requirement: conv.im,
    maintenance_requirement: conv.mm,
    excess_liquidity: conv.exc,
  };
  if (deficit) fields.margin_call = call;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct.replace(/\s+/g, ''), report_date: fmt.iso(day), currency: 'USD', fields }],
    notes: [
      `${ccys.join(' + ')} sections then the converted USD total (truth = converted)`,
      variant === 1 ? 'columnar currency sections, LEDGER BALANCE' : 'stacked currency sections',
      variant === 2 ? '2-digit-year statement date; deficit with MARGIN CALL amount' : '',
      'TOTAL EQUITY = NET LIQUIDATING VALUE (no options); excess measured against initial; DR suffix negatives',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const fcmDaily: Layout = {
  name: 'fcm-daily',
  tests:
    'FCM daily statement in fixed-width Courier: confirmations and open positions (trade dates, prices, OTE per contract) before the balances; one section per currency (EUR or JPY first in some) then "CONVERTED TO USD" (truth = converted figures); DR-suffixed negatives and ".00" zeros; EXCESS/DEFICIT against initial; "BUSINESS DATE 27-NOV-2026" or 2-digit-year dates; a margin call in the deficit variant.',
  variants: 3,
  build,
};
