// A margin-call e-mail printed to PDF from webmail: every figure sits inside a sentence. The as-of date is the
// close-of-business date in the body, not the sent date, the print date or the due date.

import { makeBook, scaleOf } from '../lib/book.ts';
import { businessDay, clock, fmt, nextBusinessDay } from '../lib/dates.ts';
import { pct, r2, usd } from '../lib/money.ts';
import { person } from '../lib/people.ts';
import type { Rng } from '../lib/prng.ts';
import { finish, LETTER, newPdf, Sheet } from '../lib/sheet.ts';
import type { Built, Fields, Layout } from '../lib/types.ts';

async function build(rng: Rng, variant: number): Promise<Built> {
  const cob = businessDay(rng, Date.UTC(2025, 0, 2), Date.UTC(2026, 10, 20));
  const sent = nextBusinessDay(cob);
  const printed = variant === 1 ? nextBusinessDay(sent) : sent;
  const b = makeBook(rng, { scale: scaleOf(rng), deficit: variant !== 2 });
  if (variant === 2) {
    // a thin cushion: equity 4-12 % above the requirement
    b.maint = r2(b.equity / rng.range(1.04, 1.12));
    b.excess = r2(b.equity - b.maint);
    b.bp = r2(2 * Math.min(b.sma, b.excess));
  }
  const acct = `${rng.digits(4)}-${rng.digits(4)}`;
  const who = person(rng);
  const first = who.name.split(' ')[0]!;
  const subject = [
    `MARGIN CALL NOTICE - Account ${acct}`,
    `Action required: Regulation T and house calls on account ${acct}`,
    `Margin warning - account ${acct}`,
  ][variant]!;

  const body: string[] = [];
  const fields: Fields = {};
  if (variant === 0) {
    const due = nextBusinessDay(cob, 3);
    body.push(`Dear ${first},`);
    body.push(
      `As of the close of business on ${fmt.long(cob)}, your account ${acct} has a maintenance call of ${usd(b.houseCall)} due by ${fmt.long(due)}.`,
    );
    body.push(
      `On that date the equity in your account was ${usd(b.equity)}, against a house maintenance requirement of ${usd(b.maint)}, a deficit of ${usd(b.houseCall)}. Your long positions had a market value of ${usd(b.lmv)} and your cash balance was a debit of ${usd(-b.cash)}.`,
    );
    body.push(
      `To meet the call, deposit cash or fully paid marginable securities, or sell positions. Because each dollar of stock sold also lowers the requirement, covering the call by sales alone would take roughly ${usd(r2(b.houseCall / 0.3))} of sales.`,
    );
    body.push(
      'If the call is not met by the due date, Northbeam may sell securities in your account without further notice, and you remain responsible for any resulting loss.',
    );
    Object.assign(fields, {
      margin_call: b.houseCall,
      total_equity: b.equity,
      maintenance_requirement: b.maint,
      excess_liquidity: b.excess,
      long_market_value: b.lmv,
      cash_balance: b.cash,
    });
  } else if (variant === 1) {
    const trade = new Date(cob.getTime());
    body.push(`Dear ${who.name},`);
    body.push(
      `As of the close of business on ${fmt.longDay(cob)}, your account ${acct} has a Regulation T (Fed) call of ${usd(b.fedCall)} and a house maintenance call of ${usd(b.houseCall)}.`,
    );
    body.push(
      `The Fed call arises from purchases made on ${fmt.mdy(trade)} that were not covered by initial margin and must be met by ${fmt.mdy(nextBusinessDay(cob, 4))}. The house call must be met by ${fmt.mdy(nextBusinessDay(cob, 2))}.`,
    );
    body.push(
      `Account equity stood at ${usd(b.equity)}. The house maintenance requirement was ${usd(b.maint)}, leaving a maintenance deficit of ${usd(b.houseCall)}, and the Regulation T initial requirement was ${usd(b.initial)}.`,
    );
    body.push(
      'Meeting the house call does not satisfy the Fed call; both amounts are due. Please contact the margin desk if you intend to meet either call by a transfer of securities.',
    );
    Object.assign(fields, {
      margin_call: b.houseCall,
      total_equity: b.equity,
      maintenance_requirement: b.maint,
      excess_liquidity: b.excess,
      initial_requirement: b.initial,
    });
  } else {
    const drop = (b.excess / (b.lmv * 0.75)) * 100;
    body.push(`Hello ${first},`);
    body.push(
      `We are writing because the margin cushion in your account is getting thin. As of the close of business on ${fmt.long(cob)}, the equity in your account ${acct} was ${usd(b.equity)} against a maintenance requirement of ${usd(b.maint)}, leaving a maintenance excess of only ${usd(b.excess)}.`,
    );
    body.push(
      `No margin call has been issued at this time. However, a decline of about ${pct(drop, 1)} in the value of your holdings would put the account into a house call. Your margin buying power is currently ${usd(b.bp)}.`,
    );
    body.push('You may wish to deposit funds or reduce your margin balance. No action is required today.');
    Object.assign(fields, {
      margin_call: 0,
      total_equity: b.equity,
      maintenance_requirement: b.maint,
      excess_liquidity: b.excess,
      buying_power: b.bp,
    });
  }
  body.push('Sincerely,');
  body.push('Margin Department | Northbeam Securities LLC | 1-800-555-0177 | margin.dept@northbeam.example');

  const pdf = await newPdf({
    title: `Mail - ${who.name} - Outlook`,
    author: '',
    creator:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    producer: 'macOS Version 15.1 (Build 24B83) Quartz PDFContext',
    created: printed,
  });
  const s = new Sheet(pdf, LETTER);
  s.text(24, 22, `${fmt.mdyShort(printed)}, ${clock(rng, 8, 17)}`, { size: 7.5 });
  s.text(306, 22, `Mail - ${who.name} - Outlook`, { size: 7.5, align: 'center' });
  s.text(48, 72, subject, { size: 15, font: 'sansB' });
  s.box(48, 90, 28, 28, { fill: [0.2, 0.35, 0.6] });
  s.text(62, 108, 'MD', { size: 10, font: 'sansB', color: 1, align: 'center' });
  s.text(86, 100, 'Northbeam Margin Department <margin.dept@northbeam.example>', { size: 9, font: 'sansB' });
  s.text(86, 113, `To: ${who.name}`, { size: 8.5, color: 0.35 });
  s.text(564, 100, `${fmt.longDay(sent).replace(/^(\w{3})\w*/, '$1')} ${clock(rng, 6, 8)}`, {
    size: 8.5,
    color: 0.35,
    align: 'right',
  });
  s.hline(48, 564, 132, 0.4, 0.8);
  let y = 158;
  for (const p of body) y = s.para(48, y, p, 500, { size: 10.5, font: 'serif', leading: 14 }) + 9;
  s.para(
    48,
    y + 16,
    'This message was sent from an unmonitored mailbox. Northbeam Securities LLC, member FINRA/SIPC. Margin trading involves risk; you can lose more funds than you deposit.',
    500,
    { size: 7.5, color: 0.45, leading: 10 },
  );
  s.text(24, 775, `https://outlook.office.com/mail/inbox/id/AAQkADk${rng.digits(6)}ZmQ2LTRjNDk`, { size: 7.5 });
  s.text(588, 775, '1/1', { size: 7.5, align: 'right' });

  return {
    pdf: await finish(pdf),
    reports: [{ account_number: acct, report_date: fmt.iso(cob), currency: 'USD', fields }],
    notes: [
      'figures only inside sentences; report date = close-of-business date in the body, not sent/print/due date',
      variant === 0 ? 'cash printed as "a debit of $X" -> negative; a "roughly $X of sales" figure is not a field' : '',
      variant === 1 ? 'Fed call printed before the house call: truth = house call; trade date equals the COB date' : '',
      variant === 2 ? '"No margin call has been issued" -> 0; a percentage decline is not a field' : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

export const callEmail: Layout = {
  name: 'call-email',
  tests:
    'Margin-call e-mail printed from webmail: figures inside sentences ("As of the close of business on ..., your account ... has a maintenance call of $X due by ..."), a sent date, a print date and due dates that are not the as-of date; Fed call and house call in one sentence (truth = house); a warning e-mail that says no call has been issued (0); a "debit of $X" cash balance.',
  variants: 3,
  build,
};
