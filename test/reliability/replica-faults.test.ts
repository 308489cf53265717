import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventEnvelope, fileShareMessage, slackSender } from '../slack/slack.requests.ts';
import { freePort, startCli } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';
import { startSlackDouble } from '../support/slack-double.ts';

const SECRET = 'kill-test-signing-secret';
const SCAN = path.resolve(import.meta.dirname, '../fixtures/reports/scan-ib-account-summary-01.pdf');

const waitFor = async <T>(what: () => Promise<T | undefined | false>, ms: number): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe.runIf(process.env.TEST_DATABASE_URL)('a replica stopped or killed in the middle of OCR', () => {
  it('on SIGTERM stops taking requests, finishes the job in hand, posts its summary and exits 0', async () => {
    const t = await freshPostgres();
    const slack = await startSlackDouble();
    const a = await startCli('start', {
      PORT: String(await freePort()),
      DATABASE_URL: t.url!,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'marginiq-term-')),
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OCR_WORKERS: '1',
    });
    try {
      const file = slack.addFile({
        name: 'scanned.pdf',
        bytes: new Uint8Array(readFileSync(SCAN)),
        channel: 'C2',
        ts: '1700000000.000200',
      });
      await slackSender(a.url, SECRET).send(
        JSON.stringify(
          eventEnvelope(fileShareMessage({ channel: 'C2', user: 'U1', ts: '1700000000.000200', files: [file] })),
        ),
        'application/json',
      );
      await waitFor(
        async () =>
          (await t.db.query<{ status: string }>('select status from analytics.ingestions'))[0]?.status === 'processing',
        60_000,
      );
      const exited = a.stop('SIGTERM');
      // No new requests once shutdown has begun.
      await waitFor(async () => {
        try {
          await fetch(`${a.url}/health`);
          return false;
        } catch {
          return true;
        }
      }, 10_000);
      expect(await exited).toBe(0);
      const rows = await t.db.query<{ status: string }>('select status from analytics.ingestions');
      expect(rows[0]?.status).toBe('processed');
      const thread = slack.thread('C2', '1700000000.000200');
      expect(thread).toHaveLength(1);
      expect(thread[0]?.text).toContain('scanned.pdf: 1 report');
    } finally {
      if (a.child.exitCode === null) a.child.kill('SIGKILL');
      await slack.close();
      await t.drop();
    }
  }, 180_000);

  it('loses nothing: another replica finishes the job and the thread gets exactly one summary', async () => {
    const t = await freshPostgres();
    const slack = await startSlackDouble();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'marginiq-kill-'));
    const env = (port: number, replica: string) => ({
      PORT: String(port),
      DATABASE_URL: t.url!,
      // Shared files stand in for Supabase Storage, which several replicas share in production.
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OCR_WORKERS: '1',
      REPLICA_ID: replica,
    });
    const a = await startCli('start', env(await freePort(), 'a'));
    let b: Awaited<ReturnType<typeof startCli>> | undefined;
    try {
      const file = slack.addFile({
        name: 'scanned.pdf',
        bytes: new Uint8Array(readFileSync(SCAN)),
        channel: 'C1',
        ts: '1700000000.000100',
      });
      const res = await slackSender(a.url, SECRET).send(
        JSON.stringify(
          eventEnvelope(fileShareMessage({ channel: 'C1', user: 'U1', ts: '1700000000.000100', files: [file] })),
        ),
        'application/json',
      );
      expect(res.status).toBe(200);
      // Kill A while it is reading the scan.
      await waitFor(
        async () =>
          (await t.db.query<{ status: string }>('select status from analytics.ingestions'))[0]?.status === 'processing',
        60_000,
      );
      a.child.kill('SIGKILL');
      await new Promise((r) => a.child.once('exit', r));
      expect(await t.db.query('select id from analytics.margin_reports')).toHaveLength(0);

      b = await startCli('worker', env(await freePort(), 'b'));
      const done = await waitFor(async () => {
        const rows = await t.db.query<{ status: string; attempts: number }>(
          'select status, attempts from analytics.ingestions',
        );
        return rows[0]?.status === 'processed' ? rows[0] : undefined;
      }, 150_000);
      expect(done.attempts).toBe(2);
      const reports = await t.db.query<{ account_number: string }>(
        'select account_number from analytics.margin_reports',
      );
      expect(reports.map((r) => r.account_number)).toEqual(['U8841207']);
      // One reply in the thread: "reading…" posted by A, updated into the summary by B. The summary is
      // posted after the transaction that marks the upload processed commits, so wait for it.
      await waitFor(
        async () => slack.thread('C1', '1700000000.000100').some((m) => m.text?.includes('scanned.pdf: 1 report')),
        30_000,
      );
      const thread = slack.thread('C1', '1700000000.000100');
      expect(thread).toHaveLength(1);
      expect(thread[0]?.text).toContain('scanned.pdf: 1 report');
    } finally {
      await b?.stop();
      if (a.child.exitCode === null) a.child.kill('SIGKILL');
      await slack.close();
      await t.drop();
    }
  }, 300_000);
});
