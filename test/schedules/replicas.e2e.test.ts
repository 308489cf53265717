import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULES } from '../../src/jobs/schedules/schedule.names.ts';
import { freePort, startCli } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';
import { startSlackDouble } from '../support/slack-double.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('two marginiq start replicas with a digest every minute', () => {
  it('post exactly one digest per fire between them', async () => {
    const t = await freshPostgres();
    const slack = await startSlackDouble();
    const env = async (replica: string) => ({
      PORT: String(await freePort()),
      DATABASE_URL: t.url!,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'marginiq-replica-')),
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: 'replica-secret',
      SLACK_API_URL: slack.apiUrl,
      DIGEST_CRON: '* * * * *',
      DIGEST_CHANNELS: 'slack:CDIGEST',
      REPLICA_ID: replica,
    });
    const [a, b] = await Promise.all([startCli('start', await env('a')), startCli('start', await env('b'))]);
    try {
      const fires = async () =>
        t.db.query<{ fire_time: string; replica: string; outcome: string }>(
          `select fire_time, replica, outcome from analytics.schedule_runs where name = $1 and outcome <> 'running' order by fire_time`,
          [SCHEDULES.dailyDigest],
        );
      const end = Date.now() + 150_000;
      while ((await fires()).length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 1000));
      // Let a late second replica have its chance to post twice, if it were going to.
      await new Promise((r) => setTimeout(r, 3000));
      const runs = await fires();
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.every((r) => r.outcome === 'ok')).toBe(true);
      const posts = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CDIGEST');
      expect(posts).toHaveLength(runs.length);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await slack.close();
      await t.drop();
    }
  }, 240_000);
});
