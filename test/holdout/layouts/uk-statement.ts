// UK spread-betting / CFD broker daily statement in GBP: "Valuation date", "Net asset value", "Margin requirement",
// "Available margin", comma thousands, pound signs, UK date formats (DD/MM/YYYY in one variant).

import { businessDay, clock24, fmt, nextBusinessDay } from '../lib/dates.ts';
import { gbp, money, pct, r2 } from '../lib/money.ts';
import { ukPerson } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { A4, finish, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

const MARKETS: [string, number, number, number][] = [
  // name, level, margin rate, point value multiplier
  ['UK 100 Cash (\u00a310)', 8150, 0.05, 10],
  ['Germany 40 Cash (\u00a32)', 19400, 0.05, 2],
  ['Wall Street Cash (\u00a31)', 43100, 0.05, 1],
  ['Vodafone Group PLC', 72.4, 0.2, 0.01],
  ['BP PLC', 462.3, 0.2, 0.01],
  ['Rolls-Royce Holdings PLC', 781.6, 0.2, 0.01],
  ['Barclays PLC', 288.15, 0.2, 0.01],
  ['GBP/USD Mini (\u00a31)', 12745, 0.0333, 1],
  ['Spot Gold (\u00a31)', 2654.3, 0.05, 1],
];

async function build(rng: Rng, variant: number): Promise<Built> {
  let day = businessDay(rng);
  if (variant === 1 && day.getUTCDate() > 12)
    day = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), rng.int(2, 12)));
  if (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = nextBusinessDay(day);
  const produced = nextBusinessDay(day);
  const who = ukPerson(rng);
  const acct = variant === 2 ? `TGM-${rng.digits(7)}` : `${rng.digits(4)} ${rng.digits(4)}`;
  const deficit = variant === 2;
  const big = rng.pick([1, 3, 10]);

  const pos = rng
    .shuffle(MARKETS)
    .slice(0, rng.int(4, 7))
    .map(([name, level, rate, pv]) => {
      const dir = rng.chance(0.65) ? 'Buy' : 'Sell';
      const size = Math.max(1, Math.round(rng.range(1, 25) * big * (pv < 1 ? 400 : 1)));
      const open = Number((level * rng.range(0.94, 1.06)).toFixed(2));
      const cur = Number((level * rng.range(0.97, 1.03)).toFixed(2));
      const notional = r2(size * cur * pv);
      const margin = r2(notional * rate);
      const upl = r2((cur - open) * size * pv * (dir === 'Buy' ? 1 : -1));
      return { name, dir, size, open, cur, notional, margin, upl };
    });
  const upl = r2(pos.reduce((a, p) => a + p.upl, 0));
  const req = r2(pos.reduce((a, p) => a + p.margin, 0));
  const cash = deficit ? r2(req * rng.range(0.8, 0.95) - upl) : r2(req * rng.range(1.6, 5) - upl + rng.money(0, 5000));
  const nav = r2(cash + upl);
  const avail = r2(nav - req);
  const shortfall = deficit ? r2(req - nav) : 0;

  const pdf = await newPdf({
    title: 'Daily Statement',
    author: 'Thamesgate Markets Ltd',
    creator: 'TGM Statements',
    producer: 'Microsoft Reporting Services PDF Rendering Extension 15.0.0.0',
    created: produced,
  });
  const s = new Sheet(pdf, A4);
  const teal: [number, number, number] = [0, 0.4, 0.42];
  s.text(40, 54, 'THAMESGATE', { size: 19, font: 'sansB', color: teal });
  s.text(40, 68, 'MARKETS', { size: 9, font: 'sansB', color: teal });
  s.text(555, 50, 'Daily Statement', { size: 13, font: 'sansB', align: 'right' });
  const valuation = [
    `Valuation date: ${fmt.uk(day)}`,
    `Valuation date ${fmt.dmy(day)}`,
    `Valuation date: ${fmt.ukShort(day)}`,
  ][variant]!;
  s.text(555, 66, valuation, { size: 9.5, align: 'right' });
  s.text(555, 80, `Statement produced ${fmt.dmy(produced)} ${clock24(rng, 5, 7).slice(0, 5)}`, {
    size: 7.5,
    color: 0.4,
    align: 'right',
  });
  s.lines(40, 110, [who.name, ...who.address], { size: 9 });
  s.text(340, 110, 'Account number', { size: 8.5, color: 0.35 });
  s.text(555, 110, acct, { size: 9, font: 'sansB', align: 'right' });
  s.text(340, 123, 'Account type', { size: 8.5, color: 0.35 });
  s.text(555, 123, variant === 1 ? 'Spread betting' : 'CFD', { size: 9, align: 'right' });
  s.text(340, 136, 'Account currency', { size: 8.5, color: 0.35 });
  s.text(555, 136, 'GBP', { size: 9, align: 'right' });

  let y = 176;
  s.text(40, y, 'Account summary', { size: 12, font: 'sansB', color: teal });
  s.hline(40, 555, y + 6, 1, teal);
  y += 24;
  const rows: [string, string, boolean?][] = [
    ['Cash balance', gbp(cash)],
    ['Unrealised profit/loss on open positions', gbp(upl)],
    ['Net asset value', gbp(nav), true],
    ['Margin requirement', gbp(req)],
    ['Available margin', gbp(avail), true],
    ['Margin utilisation', pct((req / nav) * 100)],
  ];
  if (variant === 0) rows.push(['Margin call', 'None']);
  if (deficit) rows.push(['Margin call amount', gbp(shortfall), true]);
  for (const [label, v, bold] of rows) {
    s.text(48, y, label, { size: 9.5, font: bold ? 'sansB' : 'sans' });
    s.text(330, y, v, { size: 9.5, font: bold ? 'sansB' : 'sans', align: 'right' });
    s.hline(44, 336, y + 6, 0.3, 0.8);
    y += 19;
  }
  if (deficit) {
    s.box(360, 196, 195, 78, { stroke: [0.7, 0.1, 0.1], width: 1 });
    s.para(
      368,
      212,
      `Your net asset value is below your margin requirement. Please deposit ${gbp(shortfall)} or reduce your positions by 17:00 UK time on ${fmt.uk(nextBusinessDay(day))}.`,
      180,
      { size: 8.5, color: [0.6, 0.05, 0.05], leading: 11 },
    );
  }

  y += 22;
  s.text(40, y, 'Open positions', { size: 12, font: 'sansB', color: teal });
  s.hline(40, 555, y + 6, 1, teal);
  y += 22;
  const cx = [40, 168, 240, 292, 346, 416, 482, 555];
  const heads = ['Market', 'Direction', 'Size', 'Opening', 'Current', 'Notional', 'Margin', 'Unrealised P/L'];
  heads.forEach((h, i) => {
    s.text(cx[i]!, y, h, { size: 7.8, font: 'sansB', align: i < 2 ? 'left' : 'right' });
  });
  y += 14;
  for (const p of pos) {
    const cells = [
      p.name,
      p.dir,
      money(p.size).replace('.00', ''),
      money(p.open),
      money(p.cur),
      money(p.notional),
      money(p.margin),
      money(p.upl),
    ];
    cells.forEach((c, i) => {
      s.text(cx[i]!, y, c, { size: 7.8, align: i < 2 ? 'left' : 'right' });
    });
    y += 13;
  }
  s.hline(40, 555, y - 8, 0.5);
  s.text(40, y + 3, 'Total', { size: 7.8, font: 'sansB' });
  s.text(cx[6]!, y + 3, money(req), { size: 7.8, font: 'sansB', align: 'right' });
  s.text(cx[7]!, y + 3, money(upl), { size: 7.8, font: 'sansB', align: 'right' });
  y += 34;
  const footer = [
    'Net asset value is your cash balance plus the running profit or loss on your open positions. Available margin is net asset value less the margin requirement for your open positions.',
    variant === 1 ? 'All dates on this statement are shown as DD/MM/YYYY.' : '',
    'Thamesgate Markets Ltd is authorised and regulated by the Financial Conduct Authority (FRN 000000). Registered in England and Wales No. 01234567. Spread bets and CFDs are complex instruments and come with a high risk of losing money rapidly due to leverage.',
  ].filter(Boolean);
  for (const f of footer) y = s.para(40, y, f, 515, { size: 7.5, color: 0.35, leading: 10 }) + 4;
  s.text(555, 810, 'Page 1 of 1', { size: 7.5, color: 0.4, align: 'right' });

  const fields: Fields = {
    total_equity: nav,
    cash_balance: cash,
    maintenance_requirement: req,
    excess_liquidity: avail,
  };
  if (variant === 0) fields.margin_call = 0;
  if (deficit) fields.margin_call = shortfall;
  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct.replace(/\s+/g, ''), report_date: fmt.iso(day), currency: 'GBP', fields }],
    notes: [
      'GBP; single "Margin requirement" taken as maintenance_requirement; "Available margin" = NAV - requirement = excess',
      variant === 1 ? 'date DD/MM/YYYY with the day <= 12 (explained in the footer)' : '',
      variant === 0 ? '"Margin call: None" -> 0' : '',
      deficit ? 'negative available margin, margin call amount; deposit deadline is not the report date' : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const ukStatement: Layout = {
  name: 'uk-statement',
  tests:
    'UK CFD/spread-betting statement in GBP: "Valuation date" (27 November 2026, 05/11/2026 as DD/MM/YYYY, Thu 12 Mar 2026), "Net asset value", "Margin requirement", "Available margin" (negative in deficit), pound signs, "Margin call: None", a produced-on timestamp, and an open-positions table full of levels and notionals.',
  variants: 3,
  build,
};
