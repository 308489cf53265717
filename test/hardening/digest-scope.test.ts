import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { createDigests } from '../../src/core/digest/digest.usecases.ts';
import type { HealthSource } from '../../src/core/ports/health.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { recordingGateway, seedReport, silentLogger } from '../digest/fixtures.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../digest/test-db.ts';

const health: HealthSource = {
  async check() {
    return { status: 'ok', checks: {}, version: 'test', uptime_s: 1, platforms: ['slack'] };
  },
};
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Issue 18 item 4: a digest posted into a channel holds the whole book only in a risk channel. */
describe.each(DB_KINDS)('digests scoped to where reports were shared, on %s', (kind) => {
  let t: TestDb;
  let repos: Repositories;
  beforeAll(async () => {
    t = await openTestDb(kind, 'digest-scope');
    repos = createRepositories(t.db);
    // Both in deficit and pending, so each shows in the pending list, the calls and the cushions.
    for (const [account, channelId] of [
      ['PRIVACCT', 'CPRIVATE'],
      ['SHRDACCT', 'CSHARED'],
    ] as const)
      await seedReport(t.db, repos, {
        account,
        date: yesterday,
        equity: 1_000,
        requirement: 2_000,
        excess: -1_000,
        thread: { platform: 'slack', channelId, threadRef: `17000000${channelId.length}.0001` },
      });
    await repos.riskChannels.mark('slack', 'CMARKED', 'slack:UADMIN');
  });
  afterAll(() => t?.close());

  it('posts the whole book to DIGEST_CHANNELS and marked risk channels, and elsewhere only the channel’s own', async () => {
    const rec = recordingGateway();
    const digests = createDigests({
      analytics: createAnalyticsRepository(t.db),
      repos,
      health,
      queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
      gateways: { slack: rec.gateway },
      renderChart: async () => new Uint8Array([1]),
      channels: ['slack:CRISKENV'],
      tz: 'UTC',
      logger: silentLogger,
    });
    const to = ['CSHARED', 'CRISKENV', 'CMARKED', 'CEMPTY'].map((channelId) => ({
      platform: 'slack' as const,
      channelId,
    }));
    const { delivery } = await digests.postDaily(to, { scope: 'subscribers' });
    expect(delivery.posted.map((p) => p.channelId).sort()).toEqual(['CEMPTY', 'CMARKED', 'CRISKENV', 'CSHARED']);
    const textTo = (channelId: string) => cardToText(rec.posts.find((p) => p.to.channelId === channelId)!.card);
    for (const risk of ['CRISKENV', 'CMARKED']) {
      expect(textTo(risk)).toContain('PRIVACCT');
      expect(textTo(risk)).toContain('SHRDACCT');
    }
    expect(textTo('CSHARED')).toContain('SHRDACCT');
    expect(textTo('CSHARED')).not.toContain('PRIVACCT');
    expect(textTo('CEMPTY')).not.toMatch(/PRIVACCT|SHRDACCT/);

    const weekly = await digests.postWeekly(to);
    expect(weekly.delivery.posted).toHaveLength(4);
    const weeklyTo = (channelId: string) =>
      cardToText(rec.posts.filter((p) => p.to.channelId === channelId).at(-1)!.card);
    expect(weeklyTo('CMARKED')).toContain('PRIVACCT');
    expect(weeklyTo('CSHARED')).not.toContain('PRIVACCT');
  });
});
