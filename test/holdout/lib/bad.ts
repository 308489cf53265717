// Inputs the product must refuse with exit code 2 and one stderr line.

import { fmt } from './dates.ts';
import type { Rng } from './prng.ts';
import { randomScan, scanPdf } from './scan.ts';
import { finish, LETTER, newPdf, Sheet } from './sheet.ts';

/** a broker's web page saved with a .pdf name ("Save as..." on a session-expired page) */
export function htmlSavedAsPdf(): Uint8Array {
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Session expired | Harbor Point Brokerage</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/css/app.4f1c2b.css">
<script>window.__HP_CONFIG__ = {"env":"prod","statementsEndpoint":"/api/v2/statements","marginEndpoint":"/api/v2/margin/details"};</script>
</head>
<body class="hp-login">
  <header><a href="/" class="logo">Harbor Point</a></header>
  <main>
    <h1>Your session has expired</h1>
    <p>For your security you were signed out after 15 minutes of inactivity. Please log in again to view
       your Margin Details, account balances and statements.</p>
    <form method="post" action="/login">
      <label>Login ID <input name="loginId"></label>
      <label>Password <input type="password" name="password"></label>
      <button type="submit">Log in</button>
    </form>
    <p class="small">Statement for account ending 2290 is available under Documents &gt; Statements.</p>
  </main>
  <footer>&copy; 2026 Harbor Point Brokerage, member SIPC.</footer>
</body>
</html>
`;
  return new TextEncoder().encode(html);
}

/** a byte-order mark and junk before a PDF header, and a body cut off before any page object */
export async function bomGarbage(rng: Rng): Promise<Uint8Array> {
  const head = new Uint8Array([0xef, 0xbb, 0xbf]);
  const junk = new Uint8Array(700);
  for (let i = 0; i < junk.length; i++) junk[i] = rng.int(0, 255);
  const pdf = await newPdf({
    title: 'Statement',
    author: '',
    creator: '',
    producer: '',
    created: new Date(Date.UTC(2026, 9, 30)),
  });
  const s = new Sheet(pdf, LETTER);
  s.text(40, 60, 'Account Statement', { size: 14 });
  const full = await finish(pdf);
  const cut = full.slice(0, 900); // header and the first objects only: no page tree, no xref, no trailer
  const out = new Uint8Array(head.length + junk.length + cut.length);
  out.set(head, 0);
  out.set(junk, head.length);
  out.set(cut, head.length + junk.length);
  return out;
}

/** a scanned letter that has nothing to do with margin: dates, amounts and an account-like member number */
export async function scannedLetter(rng: Rng): Promise<Uint8Array> {
  const date = new Date(Date.UTC(2026, 1, 9));
  const pdf = await newPdf({ title: '', author: '', creator: '', producer: '', created: date });
  const s = new Sheet(pdf, LETTER);
  s.text(306, 70, 'MAPLE GROVE COMMUNITY GARDEN ASSOCIATION', { size: 13, font: 'serifB', align: 'center' });
  s.text(306, 86, '42 Orchard Lane  \u00b7  Evanston, IL 60201  \u00b7  (847) 555-0110', {
    size: 9,
    font: 'serif',
    align: 'center',
  });
  s.hline(72, 540, 96, 0.6);
  let y = 130;
  y = s.lines(
    72,
    y,
    [fmt.long(date), '', 'Ms. Helen Hartley', '1682 Orchard Lane', 'Evanston, IL 60201', '', 'Member No. 2026-0417'],
    {
      size: 11,
      font: 'serif',
      leading: 14,
    },
  );
  y += 14;
  const paras = [
    'Dear Ms. Hartley,',
    'Thank you for another wonderful season at Maple Grove. It is time to renew your plot for the 2026 growing season. Your current plot, B-14 (10 ft x 20 ft), is reserved for you until March 15, 2026.',
    'The annual plot fee remains $45.00, and the optional water-access fee is $12.50. Members who volunteer at least 6 hours during the season receive a $10.00 credit toward next year. Please return the enclosed form with your payment by March 15, 2026.',
    'Our spring work day will be held on Saturday, April 11, 2026, from 9:00 AM to 1:00 PM. We will be repairing the compost bins, laying 120 feet of new wood-chip paths and planting the pollinator border. Coffee and donuts will be provided.',
    'If you have questions, please call me at the number above or speak with any member of the committee at the tool shed on Saturday mornings.',
    'Warm regards,',
    '',
    'Ruth Brennan',
    'Membership Secretary',
  ];
  for (const p of paras) y = s.para(72, y, p, 468, { size: 11, font: 'serif', leading: 14 }) + 8;
  const text = await finish(pdf);
  return scanPdf(text, rng, { ...randomScan(rng, date), dpi: 150 });
}
