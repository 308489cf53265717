import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Card } from '../../src/core/cards/card.model.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { callsWorld, fakeClock, text } from './calls.harness.ts';

/** The call's actions on a summary (the 👍 / 👎 pair is on every summary: test/scoreboard). */
const actionsOf = (c: Card) =>
  c.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])).filter((a) => a.kind.startsWith('call_'));

describe.each(DATABASES)('margin-call lifecycle on %s', (_name, fresh) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof callsWorld>>;
  // Friday 27 November 2026, afternoon: the report date is that Friday.
  const clock = fakeClock('2026-11-27T15:00:00Z');

  beforeAll(async () => {
    t = await fresh();
    w = await callsWorld(t, clock);
  });
  afterAll(() => t?.drop());

  it('opens a call when a deficit report is approved, due on the date the document prints', async () => {
    const { report, message } = await w.share({
      acct: 'A1',
      date: '2026-11-27',
      call: 100_000,
      excess: -100_000,
      due: '2026-12-02',
    });
    expect(await w.repos.calls.byReport(report.id)).toBeUndefined();
    await w.approve(report.id);
    const call = await w.repos.calls.byReport(report.id);
    expect(call).toMatchObject({
      state: 'open',
      amount: 100_000,
      outstanding: 100_000,
      dueDate: '2026-12-02',
      dueSource: 'document',
      openedBy: 'console:approver',
      openedAt: '2026-11-27T15:00:00.000Z',
    });
    // The summary is updated in place with the call and its actions.
    const card = message().card;
    expect(text(card)).toContain(`Margin call #${call!.number}: open · due 2026-12-02`);
    expect(actionsOf(card).map((a) => [a.kind, a.value])).toEqual([
      ['call_met', call!.id],
      ['call_dispute', call!.id],
      ['call_waive', call!.id],
    ]);
    const audit = await w.repos.audit.forEntity('margin_call', call!.id);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['call.opened', 'console:approver']]);
  });

  it('without a printed due date, is due CALL_DUE_DAYS business days after the report date', async () => {
    const { report } = await w.share({ acct: 'B1', date: '2026-11-27', excess: -5_000 });
    await w.approve(report.id);
    // Friday + 1 business day is Monday.
    expect(await w.repos.calls.byReport(report.id)).toMatchObject({
      amount: 5_000,
      dueDate: '2026-11-30',
      dueSource: 'business_days',
    });
  });

  it('does not open a call for a rejected report or a healthy one', async () => {
    const bad = await w.share({ acct: 'C1', date: '2026-11-27', call: 7_000, excess: -7_000 });
    await w.chat.action({ user: 'console:approver', kind: 'reject', value: bad.report.id });
    const ok = await w.share({ acct: 'C2', date: '2026-11-27', excess: 50_000 });
    await w.approve(ok.report.id);
    expect(await w.repos.calls.byReport(bad.report.id)).toBeUndefined();
    expect(await w.repos.calls.byReport(ok.report.id)).toBeUndefined();
  });

  it('is met by the next approved report of the account that shows no call, naming that report', async () => {
    const first = await w.share({ acct: 'D1', date: '2026-11-27', call: 40_000, excess: -40_000 });
    await w.approve(first.report.id);
    clock.set('2026-11-30T10:00:00Z');
    const next = await w.share({ acct: 'D1', date: '2026-11-30', excess: 12_000 });
    expect((await w.repos.calls.byReport(first.report.id))?.state).toBe('open');
    await w.approve(next.report.id);
    const call = await w.repos.calls.byReport(first.report.id);
    expect(call).toMatchObject({
      state: 'met',
      outstanding: 0,
      resolvedByReportId: next.report.id,
      resolvedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(await w.repos.calls.byReport(next.report.id)).toBeUndefined();
    const history = text((await w.command('console:viewer', `call ${call!.number}`)).card);
    expect(history).toContain('open → met');
    expect(history).toContain('report of 2026-11-30 (D1-2026-11-30.pdf)');
    // The closed call's summary has no buttons left.
    expect(actionsOf(first.message().card)).toEqual([]);
  });

  it('is partially met by a later report with a smaller call', async () => {
    clock.set('2026-11-27T15:00:00Z');
    const first = await w.share({ acct: 'E1', date: '2026-11-27', call: 30_000, excess: -30_000 });
    await w.approve(first.report.id);
    const next = await w.share({ acct: 'E1', date: '2026-11-30', call: 10_000, excess: -10_000 });
    await w.approve(next.report.id);
    expect(await w.repos.calls.byReport(first.report.id)).toMatchObject({
      state: 'partially_met',
      outstanding: 10_000,
    });
    // Still one call for the account: the later report does not open a second one.
    expect(await w.repos.calls.byReport(next.report.id)).toBeUndefined();
    const events = await w.repos.calls.events((await w.repos.calls.byReport(first.report.id))!.id);
    expect(events.at(-1)).toMatchObject({ actor: 'system', toState: 'partially_met', amount: 20_000 });
  });

  it('keeps a disputed call in /margin calls, and refuses moves the table does not allow', async () => {
    clock.set('2026-11-27T16:00:00Z');
    const { report, message } = await w.share({ acct: 'F1', date: '2026-11-27', call: 8_000, excess: -8_000 });
    await w.approve(report.id);
    const call = (await w.repos.calls.byReport(report.id))!;
    // Dispute from the card: the form asks for a reason, the submission moves the call.
    const opened = await w.chat.action({ user: 'console:analyst', kind: 'call_dispute', value: call.id });
    expect(opened.form?.reasonLabel).toBe('Reason');
    const noReason = await w.chat.submitEdit({
      user: 'console:analyst',
      reportId: call.id,
      values: {},
      reason: ' ',
      expectedVersion: opened.form!.version,
    });
    expect(noReason).toEqual({ ok: false, errors: { reason: 'A dispute needs a reason.' } });
    const done = await w.chat.submitEdit({
      user: 'console:analyst',
      reportId: call.id,
      values: {},
      reason: 'Positions priced at the wrong close',
      expectedVersion: opened.form!.version,
    });
    expect(done.ok).toBe(true);
    expect((await w.repos.calls.findById(call.id))?.state).toBe('disputed');
    expect(text(message().card)).toContain('disputed');
    expect(actionsOf(message().card).map((a) => a.kind)).toEqual(['call_met', 'call_waive']);

    const list = await w.command('console:viewer', 'calls');
    const table = list.card.blocks.find((b) => b.type === 'table');
    const row = table?.type === 'table' ? table.rows.find((r) => r[0] === `#${call.number}`) : undefined;
    expect(row?.slice(1)).toEqual(['F1', 'disputed', '0 h', '2026-11-30', '8,000.00 USD']);

    const again = await w.command('console:analyst', `call ${call.number} dispute still wrong`);
    expect(text(again.card)).toContain('A disputed call cannot be disputed. From disputed it can be');
    // A viewer cannot chase calls; an analyst cannot waive one.
    expect(text((await w.command('console:viewer', `call ${call.number} met`)).card)).toContain(
      'needs at least the analyst role',
    );
    expect(text((await w.command('console:analyst', `call ${call.number} waive`)).card)).toContain(
      'Only approvers and admins can waive',
    );
    const waive = await w.chat.action({ user: 'console:analyst', kind: 'call_waive', value: call.id });
    expect(waive.notice?.title).toBe('Not allowed');
    expect(text((await w.command('console:approver', `call ${call.number} waive goodwill`)).card)).toContain(
      'is now waived (was disputed)',
    );
    const closed = await w.command('console:approver', `call ${call.number} met`);
    expect(text(closed.card)).toContain('A waived call cannot be marked met. It is closed');
    const audit = await w.repos.audit.forEntity('margin_call', call.id);
    expect(audit.map((e) => [e.action, e.actor, e.reason])).toEqual([
      ['call.opened', 'console:approver', expect.stringContaining('Opened on approval')],
      ['call.disputed', 'console:analyst', 'Positions priced at the wrong close'],
      ['call.waived', 'console:approver', 'goodwill'],
    ]);
  });

  it('marks met with an amount from the card; less than owed is a partial payment', async () => {
    clock.set('2026-11-27T17:00:00Z');
    const { report } = await w.share({ acct: 'G1', date: '2026-11-27', call: 10_000, excess: -10_000 });
    await w.approve(report.id);
    const call = (await w.repos.calls.byReport(report.id))!;
    const form = (await w.chat.action({ user: 'console:analyst', kind: 'call_met', value: call.id })).form!;
    expect(form.inputs).toEqual([{ name: 'amount', label: 'Amount met (USD)', value: '10000', kind: 'number' }]);
    const bad = await w.chat.submitEdit({
      user: 'console:analyst',
      reportId: call.id,
      values: { amount: '1-2-3' },
      reason: 'wire',
      expectedVersion: form.version,
    });
    expect(bad.ok).toBe(false);
    await w.chat.submitEdit({
      user: 'console:analyst',
      reportId: call.id,
      values: { amount: '4,000' },
      reason: 'first wire',
      expectedVersion: form.version,
    });
    expect(await w.repos.calls.findById(call.id)).toMatchObject({ state: 'partially_met', outstanding: 6_000 });
    await w.command('console:analyst', `call ${call.number} met 6000 second wire`);
    expect(await w.repos.calls.findById(call.id)).toMatchObject({ state: 'met', outstanding: 0 });
    const events = await w.repos.calls.events(call.id);
    expect(events.map((e) => [e.toState, e.amount, e.note])).toEqual([
      ['open', 10_000, expect.stringContaining('due 2026-11-30')],
      ['partially_met', 4_000, 'first wire'],
      ['met', 6_000, 'second wire'],
    ]);
  });

  it('lists open calls past their due date as overdue, oldest first', async () => {
    clock.set('2026-12-01T09:00:00Z');
    const list = await w.command('console:viewer', 'calls');
    const table = list.card.blocks.find((b) => b.type === 'table');
    const rows = table?.type === 'table' ? table.rows : [];
    // A1 is due 2 December (printed); B1 was due 30 November.
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['A1', 'open'],
      ['B1', 'OVERDUE (due 2026-11-30)'],
      ['E1', 'partially met'],
    ]);
    expect(list.card.title).toBe('3 outstanding margin calls (1 overdue)');
  });

  it('puts the call an approval opened on the summary as the approval wrote it, without reading it back', async () => {
    clock.set('2026-11-27T15:00:00Z');
    const { report, message } = await w.share({ acct: 'A2', date: '2026-11-27', call: 9_000, excess: -9_000 });
    const byReport = vi.spyOn(w.repos.calls, 'byReport');
    try {
      await w.approve(report.id);
      expect(byReport.mock.calls.map(([id]) => id)).not.toContain(report.id);
    } finally {
      byReport.mockRestore();
    }
    const call = await w.repos.calls.byReport(report.id);
    expect(text(message().card)).toContain(`Margin call #${call!.number}: open · due 2026-11-30`);
  });
});
