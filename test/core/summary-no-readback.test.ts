import { describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { DATABASES } from '../support/databases.ts';
import { readbackSuite } from '../support/readback.harness.ts';

/**
 * Issue 19: a click's summary card is built from what the decision wrote and what it read inside its
 * own transaction, never read back. Every repository call (outside and inside transactions) is
 * recorded in order; each test names the reads a click still makes and why, and checks the card is
 * the one a full re-read would draw. Replace/Keep, call moves and other uploads' cards:
 * summary-no-readback.others.test.ts.
 */
describe.each(DATABASES)('a click builds the summary from what it wrote, on %s', (_name, fresh) => {
  const { h, share, reread, approve } = readbackSuite(fresh);

  it('an Approve on a one-report upload reads back nothing it wrote', async () => {
    const { ingestion, reports } = await share('one', 'acct=NR1 date=2026-11-27');
    const out = await approve('console:jane', 'Jane Doe', reports[0]!.id);
    expect(cardToText(out.summary!)).toMatch(/Approved by @Jane Doe at/);
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    expect(h.chatLog.messages.get(ingestion.replyRef!)?.card).toEqual(out.summary);
    expect(h.log).toEqual([
      // Inside the decision's transaction, before it writes: the report, its upload (once), and the
      // upload's card as it stands — its reports, conflicts, approvals so far, each report's last
      // approved predecessor and the call of the report being decided (a replaced report keeps one).
      'reports.findById',
      'ingestions.findById',
      'reports.byIngestion',
      'conflicts.byIngestion',
      'approvals.byReports',
      'reports.lastApprovedBefore',
      'calls.byReport',
      // The writes.
      'reports.decide',
      'audit.append',
      // What the approval does elsewhere: the account's earlier outstanding calls (met by this report?)
      // and its later pending reports (is this now their predecessor?). Nobody here wrote either.
      'calls.outstandingFor',
      'reports.pendingAfter',
      // Nothing after the commit: the card needs no read, the clicker's name came with the click.
    ]);
  });

  it('two approvals of a call: the approvals so far and the call opened are shown as written', async () => {
    const { ingestion, reports } = await share('dual', 'acct=NR2 date=2026-11-27 call');
    const id = reports[0]!.id;
    const first = await approve('console:jane', 'Jane Doe', id);
    expect(cardToText(first.summary!)).toMatch(/1 of 2 approvals \(@Jane Doe\)/);
    expect(JSON.stringify(first.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterAdd = h.log.slice(h.log.indexOf('approvals.add') + 1);
    // The one approvals read after add(): add() locks the report, and an approval another approver
    // committed while this one waited for the lock must count. It also returns this one.
    expect(afterAdd).toEqual(['approvals.byReports', 'audit.append']);

    h.log = [];
    const second = await approve('console:omar', 'Omar Haddad', id);
    const text = cardToText(second.summary!);
    expect(text).toMatch(/Approved by @Omar Haddad at/);
    expect(text).toMatch(/Margin call/i);
    expect(JSON.stringify(second.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterDecide = h.log.slice(h.log.indexOf('reports.decide') + 1);
    expect(afterDecide.filter((m) => !/\.(append|open|addEvent|add|decide)$/.test(m))).toEqual([
      'calls.outstandingFor',
      'reports.pendingAfter',
    ]);
    expect(h.log.filter((m) => m === 'ingestions.findById')).toHaveLength(1);
    expect(h.log).not.toContain('people.names');
  });

  it('an approval that becomes a later report’s predecessor on the same card shows it without a re-read', async () => {
    const earlier = await share('prior', 'acct=NR3 date=2026-11-20 eq=1000000');
    await approve('console:jane', 'Jane Doe', earlier.reports[0]!.id);
    const { ingestion, reports } = await share(
      'two',
      'acct=NR3 date=2026-11-23 eq=2000000;acct=NR3 date=2026-11-26 eq=450000',
    );
    const [mid, last] = [...reports].sort((a, b) => a.reportDate.localeCompare(b.reportDate));
    const out = await approve('console:jane', 'Jane Doe', mid!.id);
    // The later report's predecessor is now the one just approved, and its stored flags changed.
    expect(cardToText(out.summary!)).toContain('Equity fell 77.5% since 2026-11-23');
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    const afterDecide = h.log.slice(h.log.indexOf('reports.decide') + 1);
    // Re-flagging the later report asks whether another approved report lies between the two; that
    // lookup answers with the report just approved. The card itself reads nothing.
    expect(afterDecide.filter((m) => !/\.(append|updateData|decide)$/.test(m))).toEqual([
      'calls.outstandingFor',
      'reports.pendingAfter',
      'reports.lastApprovedBefore',
    ]);
    expect(h.log).not.toContain('people.names');
    expect(h.log.filter((m) => m === 'reports.byIngestion')).toHaveLength(1);
    expect(last).toBeDefined();
  });

  it('an edit shows the edited report and the approvals it took back without reading them', async () => {
    const { ingestion, reports } = await share('edit', 'acct=NR4 date=2026-11-27 call');
    const id = reports[0]!.id;
    await approve('console:jane', 'Jane Doe', id);
    h.log = [];
    const edited = await h.chat.submitEdit({
      user: 'console:omar',
      name: 'Omar Haddad',
      reportId: id,
      values: {
        account_number: 'NR4',
        report_date: '2026-11-27',
        currency: 'USD',
        total_equity: '320000',
        maintenance_requirement: '400000',
        excess_liquidity: '-80000',
        margin_call: '80000',
      },
      reason: 'reprinted',
    });
    expect(edited.ok).toBe(true);
    const card = edited.ok ? edited.outcome.summary! : undefined;
    expect(cardToText(card!)).toMatch(/reset: the figures were edited after it/);
    // The card before issue 19: everything re-read, with the approvals taken back handed in.
    const taken = { approvalsReset: new Map([[id, ['console:jane']]]) };
    expect(JSON.stringify(card)).toBe(JSON.stringify(await reread(ingestion.id, taken)));
    const afterWrite = h.log.slice(h.log.indexOf('reports.updateData') + 1);
    // The one read after the edit wrote: the name of Jane, whose approval it took back (the editor's
    // came with the submission). events.claim is the call alert's claim, a write.
    expect(afterWrite.filter((m) => !/\.(append|clear|claim)$/.test(m))).toEqual(['people.names']);
  });
});
