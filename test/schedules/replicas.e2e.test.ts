import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULES } from '../../src/jobs/schedules/schedule.names.ts';
import { freePort, startCli } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';
import { startSlackDouble } from '../support/slack-double.ts';

/**
 * What one replica's log says it did with each daily-digest fire (by fire time): ran it, lost the
 * election to another replica, or missed the tick (node-cron's warning on a blocked event loop).
 */
function decisions(output: string) {
  const ran = new Set<string>();
  const lost = new Set<string>();
  const missed = new Set<string>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let e: { msg?: string; schedule?: string; fireTime?: string };
    try {
      e = JSON.parse(line);
    } catch {
      continue; // a line still being written
    }
    const at = /^missed execution at (.+?)!/.exec(e.msg ?? '')?.[1];
    if (at) missed.add(new Date(at).toISOString());
    if (e.schedule !== SCHEDULES.dailyDigest || !e.fireTime) continue;
    if (e.msg === 'schedule ran') ran.add(e.fireTime);
    if (e.msg === 'schedule fire taken by another replica') lost.add(e.fireTime);
  }
  return {
    ran,
    lost,
    decided: (f: string) => ran.has(f) || lost.has(f),
    accounted: (f: string) => ran.has(f) || lost.has(f) || missed.has(f),
  };
}

describe.runIf(process.env.TEST_DATABASE_URL)('two marginiq start replicas with a digest every ten seconds', () => {
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
      // A seconds field: each fire is recorded under its own second, so two fires take 20 s, not 2 minutes.
      DIGEST_CRON: '*/10 * * * * *',
      DIGEST_CHANNELS: 'slack:CDIGEST',
      REPLICA_ID: replica,
      // The losing replica says so at debug: each replica's decision about each fire is then on record.
      LOG_LEVEL: 'debug',
    });
    const [a, b] = await Promise.all([startCli('start', await env('a')), startCli('start', await env('b'))]);
    // Both replicas' schedules run from here on: every later fire is contested by both.
    const since = new Date().toISOString();
    try {
      const claims = async () =>
        (
          await t.db.query<{ fire_time: Date | string; replica: string; outcome: string }>(
            'select fire_time, replica, outcome from analytics.schedule_runs where name = $1 order by fire_time',
            [SCHEDULES.dailyDigest],
          )
        ).map((r) => ({ ...r, fire: new Date(r.fire_time).toISOString() }));
      const digests = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CDIGEST').length;
      // Wait for events, not for time: every fire claimed so far has finished (its digest is posted
      // before its outcome is recorded), at least two fires since both started were decided by both
      // replicas (one ran it, the other logged that it lost it), and every fire since then is on
      // record in both logs — so no replica is still about to post for a fire already counted.
      const deadline = Date.now() + 150_000;
      let settled: { runs: Awaited<ReturnType<typeof claims>>; posts: number } | undefined;
      while (!settled) {
        const [da, db] = [decisions(a.output()), decisions(b.output())];
        const runs = await claims();
        const contested = runs.filter((r) => r.fire > since).map((r) => r.fire);
        if (
          runs.every((r) => r.outcome !== 'running') &&
          contested.filter((f) => da.decided(f) && db.decided(f)).length >= 2 &&
          contested.every((f) => da.accounted(f) && db.accounted(f))
        ) {
          const posts = digests();
          // No fire was claimed while the digests were counted: the count belongs to these fires.
          if ((await claims()).length === runs.length) settled = { runs, posts };
        }
        if (!settled) {
          if (Date.now() > deadline)
            throw new Error(`fires never settled: ${JSON.stringify(runs)}\n--- a\n${a.output()}\n--- b\n${b.output()}`);
          await new Promise((r) => setTimeout(r, 250)); // polling for the events above
        }
      }
      const { runs, posts } = settled;
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.every((r) => r.outcome === 'ok')).toBe(true);
      expect(posts).toBe(runs.length);
      // Each contested fire: exactly one replica ran it and the other lost it, and the row names the runner.
      const [da, db] = [decisions(a.output()), decisions(b.output())];
      for (const r of runs.filter((x) => x.fire > since && da.decided(x.fire) && db.decided(x.fire))) {
        const runner = da.ran.has(r.fire) ? 'a' : 'b';
        expect([da.ran.has(r.fire), db.ran.has(r.fire)].filter(Boolean)).toHaveLength(1);
        expect((runner === 'a' ? db : da).lost.has(r.fire)).toBe(true);
        expect(r.replica).toBe(runner);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await slack.close();
      await t.drop();
    }
  }, 240_000);
});
