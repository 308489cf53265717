import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyDigestCard } from '../../src/core/digest/digest.cards.ts';
import { collectWeeklyDigest } from '../../src/core/digest/digest.data.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { seedReport } from '../digest/fixtures.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';

/** Issue 14's columns and tables on PGlite (and Postgres when TEST_DATABASE_URL is set). */
describe.each(DATABASES)('trust store on %s', (_name, open) => {
  let t: TestDb;
  let repos: Repositories;
  beforeAll(async () => {
    t = await open();
    repos = createRepositories(t.db);
  });
  afterAll(() => t?.drop());

  it('stores the reject reason code beside the comment, refuses an unknown code, and counts reasons', async () => {
    const a = await seedReport(t.db, repos, { account: 'RJ1', date: '2026-11-27', equity: 1, requirement: 1 });
    const b = await seedReport(t.db, repos, { account: 'RJ2', date: '2026-11-27', equity: 1, requirement: 1 });
    const c = await seedReport(t.db, repos, { account: 'RJ3', date: '2026-11-27', equity: 1, requirement: 1 });
    const d = await seedReport(t.db, repos, { account: 'RJ4', date: '2026-11-27', equity: 1, requirement: 1 });
    await expect(
      repos.reports.decide({ id: a.id, status: 'rejected', by: 'slack:U1', reason: null, code: 'bogus' }),
    ).rejects.toThrow();
    const ra = await repos.reports.decide({
      id: a.id,
      status: 'rejected',
      by: 'slack:U1',
      reason: 'x',
      code: 'wrong_value',
    });
    expect([ra?.decisionReasonCode, ra?.decisionReason]).toEqual(['wrong_value', 'x']);
    await repos.reports.decide({ id: b.id, status: 'rejected', by: 'slack:U1', reason: null, code: 'wrong_value' });
    await repos.reports.decide({ id: c.id, status: 'rejected', by: 'slack:U1', reason: null, code: 'duplicate' });
    await repos.reports.decide({ id: d.id, status: 'approved', by: 'slack:U1', reason: null });
    const analytics = createAnalyticsRepository(t.db);
    const w = { since: new Date(Date.now() - 3_600_000), until: new Date(Date.now() + 3_600_000) };
    expect(await analytics.rejectReasons(w)).toEqual([
      { key: 'wrong_value', n: 2 },
      { key: 'duplicate', n: 1 },
    ]);
    const weekly = await collectWeeklyDigest({ analytics, tz: 'UTC', now: () => new Date(Date.now() + 60_000) });
    const table = weeklyDigestCard(weekly).blocks.find((b) => b.type === 'table' && b.columns[0] === 'Reject reason');
    expect(table).toEqual({
      type: 'table',
      columns: ['Reject reason', 'Reports'],
      rows: [
        ['Wrong value (wrong_value)', '2'],
        ['Duplicate (duplicate)', '1'],
      ],
    });
  });

  it('counts each approver once, and finds the approved predecessor by date, not by arrival', async () => {
    const r = await seedReport(t.db, repos, { account: 'AP1', date: '2026-11-27', equity: 1, requirement: 1 });
    expect(await repos.approvals.add(r.id, 'slack:U1')).toBe(true);
    expect(await repos.approvals.add(r.id, 'slack:U1')).toBe(false);
    expect(await repos.approvals.add(r.id, 'slack:U2')).toBe(true);
    expect((await repos.approvals.byReports([r.id])).get(r.id)?.map((a) => a.approver)).toEqual([
      'slack:U1',
      'slack:U2',
    ]);
    // An edit takes them back (issue 14): who had approved, then nothing.
    expect(await repos.approvals.clear(r.id)).toEqual(['slack:U1', 'slack:U2']);
    expect((await repos.approvals.byReports([r.id])).get(r.id)).toBeUndefined();
    expect(await repos.approvals.add(r.id, 'slack:U1')).toBe(true);
    await seedReport(t.db, repos, {
      account: 'PR1',
      date: '2026-11-26',
      equity: 1,
      requirement: 1,
      status: 'approved',
    });
    await seedReport(t.db, repos, {
      account: 'PR1',
      date: '2026-11-24',
      equity: 1,
      requirement: 1,
      status: 'approved',
    });
    await seedReport(t.db, repos, {
      account: 'PR1',
      date: '2026-11-23',
      equity: 1,
      requirement: 1,
      status: 'rejected',
    });
    expect((await repos.reports.lastApprovedBefore('PR1', '2026-11-25'))?.reportDate).toBe('2026-11-24');
    expect((await repos.reports.lastApprovedBefore('PR1', '2026-11-27'))?.reportDate).toBe('2026-11-26');
    expect(await repos.reports.lastApprovedBefore('PR1', '2026-11-24')).toBeUndefined();
  });

  it('keeps an admin setting and claims a reminder once', async () => {
    expect(await repos.settings.get('four_eyes')).toBeUndefined();
    await repos.settings.set('four_eyes', false, 'slack:UADMIN');
    expect(await repos.settings.get('four_eyes')).toBe(false);
    const r = await seedReport(t.db, repos, { account: 'RM1', date: '2026-11-27', equity: 1, requirement: 1 });
    const at = new Date();
    expect(await repos.reminders.claim(r.id, 'remind', at)).toBe(true);
    expect(await repos.reminders.claim(r.id, 'remind', at)).toBe(false);
    expect(await repos.reminders.claim(r.id, 'escalate', at)).toBe(true);
  });
});
