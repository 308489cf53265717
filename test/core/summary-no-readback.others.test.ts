import { describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { DATABASES } from '../support/databases.ts';
import { readbackSuite } from '../support/readback.harness.ts';

/**
 * Issue 19, the other writers of a summary card: Replace / Keep, a margin call's form, and the cards
 * of other uploads an approval changes. Each builds its card from the state it read inside its own
 * transaction before writing plus its writes, through the one refreshSummary path, never read back.
 */
const WRITES = /\.(append|resolve|replace|reset|clear|decide|move|addEvent|open|add|updateData|claim|setReply)$/;
/** The reads made after the last write (the commit follows it): what a click reads back. */
const readsAfterWriting = (log: string[]) => {
  const last = log.findLastIndex((m) => WRITES.test(m));
  return log.slice(last + 1).filter((m) => !WRITES.test(m));
};

describe.each(DATABASES)('other writers build the summary from what they wrote, on %s', (_name, fresh) => {
  const { h, share, reread, approve, shown } = readbackSuite(fresh);
  const both = async (id: string) => {
    await approve('console:jane', 'Jane Doe', id);
    await approve('console:omar', 'Omar Haddad', id);
  };

  it('Replace moves the existing report onto the card, pending, and re-reads nothing', async () => {
    const oldest = await share('rp0', 'acct=RP1 date=2026-11-10 eq=900000');
    await approve('console:jane', 'Jane Doe', oldest.reports[0]!.id);
    const first = await share('rp1', 'acct=RP1 date=2026-11-20 eq=1000000');
    await approve('console:jane', 'Jane Doe', first.reports[0]!.id);
    // The same account and date again, and a later date whose predecessor is the report replaced.
    const { ingestion } = await share('rp2', 'acct=RP1 date=2026-11-20 eq=700000;acct=RP1 date=2026-11-25 eq=650000');
    const [conflict] = await h.repos.conflicts.byIngestion(ingestion.id);
    const out = await h.chat.action({
      user: 'console:omar',
      name: 'Omar Haddad',
      kind: 'replace',
      value: conflict!.id,
    });
    const text = cardToText(out.summary!);
    expect(text).toMatch(/Replaced the existing report — Omar Haddad at/);
    // The later report's predecessor is now the oldest approved one: the replaced one is pending again.
    expect(text).toContain('since 2026-11-10');
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    expect(await shown(ingestion.id)).toEqual(out.summary);
    // Before writing: the conflict, its upload, the card as it stands and the replaced report's own
    // predecessor (it joins the card). After: nothing.
    expect(h.log.slice(0, h.log.indexOf('conflicts.resolve'))).toEqual([
      'conflicts.findById',
      'ingestions.findById',
      'reports.byIngestion',
      'conflicts.byIngestion',
      'reports.findById',
      'approvals.byReports',
      'reports.lastApprovedBefore',
      'reports.lastApprovedBefore',
    ]);
    expect(readsAfterWriting(h.log)).toEqual([]);
  });

  it('Keep shows the conflict as kept without a re-read', async () => {
    const first = await share('kp1', 'acct=KP1 date=2026-11-20');
    await approve('console:jane', 'Jane Doe', first.reports[0]!.id);
    const { ingestion } = await share('kp2', 'acct=KP1 date=2026-11-20 eq=700000;acct=KP1 date=2026-11-24');
    const [conflict] = await h.repos.conflicts.byIngestion(ingestion.id);
    const out = await h.chat.action({ user: 'console:omar', name: 'Omar Haddad', kind: 'keep', value: conflict!.id });
    expect(cardToText(out.summary!)).toMatch(/Kept the existing report — Omar Haddad at/);
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(ingestion.id)));
    expect(readsAfterWriting(h.log)).toEqual([]);
    expect(h.log.filter((m) => m === 'ingestions.findById')).toHaveLength(1);
  });

  it('a margin call marked partly met shows the moved call without a re-read', async () => {
    const { ingestion, reports } = await share('cm', 'acct=CM1 date=2026-11-27 call');
    await both(reports[0]!.id);
    const call = await h.repos.calls.byReport(reports[0]!.id);
    h.log = [];
    const res = await h.chat.submitEdit({
      user: 'console:jane',
      name: 'Jane Doe',
      reportId: call!.id,
      values: { amount: '40,000' },
      reason: 'wire received',
      expectedVersion: 1, // the Mark met form
    });
    expect(res.ok).toBe(true);
    const card = res.ok ? res.outcome.summary : undefined;
    expect(cardToText(card!)).toMatch(/partially met/i);
    expect(JSON.stringify(card)).toBe(JSON.stringify(await reread(ingestion.id)));
    expect(await shown(ingestion.id)).toEqual(card);
    // Read before the move: the call's report, its upload and the card; after it, the other deciders'
    // name (Omar gave the second approval; the submitter's name came with the form).
    expect(readsAfterWriting(h.log)).toEqual(['people.names']);
    expect(h.log.filter((m) => m === 'reports.byIngestion')).toHaveLength(1);
  });

  it('an approval that meets an earlier upload’s call updates that card from what it wrote', async () => {
    const early = await share('ea', 'acct=EA1 date=2026-11-20 call');
    await both(early.reports[0]!.id);
    const later = await share('eb', 'acct=EA1 date=2026-11-24 eq=1000000');
    const out = await approve('console:jane', 'Jane Doe', later.reports[0]!.id);
    expect(JSON.stringify(out.summary)).toBe(JSON.stringify(await reread(later.ingestion.id)));
    const earlier = await shown(early.ingestion.id);
    expect(cardToText(earlier!)).toMatch(/\bmet\b/i);
    expect(JSON.stringify(earlier)).toBe(JSON.stringify(await reread(early.ingestion.id)));
    // The earlier card's state is read inside the approval's transaction before the call moves. After
    // the last write: the later pending reports the approval may re-flag (none), and, after the commit,
    // the names of the earlier card's other deciders (Omar's; the clicker's came with the click).
    expect(h.log.indexOf('reports.byIngestion', 1)).toBeLessThan(h.log.indexOf('calls.move'));
    expect(readsAfterWriting(h.log)).toEqual(['reports.pendingAfter', 'people.names']);
  });

  it('an approval that re-flags a later report on another upload updates that card from what it wrote', async () => {
    const first = await share('fa', 'acct=FA1 date=2026-11-20 eq=1000000');
    await approve('console:jane', 'Jane Doe', first.reports[0]!.id);
    const last = await share('fc', 'acct=FA1 date=2026-11-26 eq=450000');
    const mid = await share('fb', 'acct=FA1 date=2026-11-23 eq=2000000');
    await approve('console:jane', 'Jane Doe', mid.reports[0]!.id);
    const card = await shown(last.ingestion.id);
    expect(cardToText(card!)).toContain('Equity fell 77.5% since 2026-11-23');
    expect(JSON.stringify(card)).toBe(JSON.stringify(await reread(last.ingestion.id)));
    expect(h.log.lastIndexOf('reports.byIngestion')).toBeLessThan(h.log.indexOf('reports.updateData'));
    expect(readsAfterWriting(h.log)).toEqual([]);
  });
});
