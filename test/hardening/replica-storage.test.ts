import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestDeps } from '../../src/core/ingest/ingest.deps.ts';
import { processIngestion } from '../../src/core/ingest/ingest.usecases.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { warnOnLocalStorageWithReplicas } from '../../src/jobs/schedules/replica.check.ts';
import { createSlackFileFetcher } from '../../src/platforms/slack/slack.files.ts';
import { createLocalStorage } from '../../src/store/files/local.storage.ts';
import { createRepositories, createUnitOfWork } from '../../src/store/repositories.ts';
import { recordingGateway } from '../digest/fixtures.ts';
import { DATABASES, type TestDb } from '../support/databases.ts';
import { collectingQueue, sampleReport, scriptedExtractor } from '../support/fakes.ts';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.ts';

/**
 * Issue 18 item 10: a job retried on a replica whose local file storage lacks the stored PDF found
 * ENOENT four times and dead-lettered. Now it downloads the file again from the platform, or ends at
 * once with a sentence in the thread when the platform cannot give it again.
 */
describe.each(DATABASES)('a retried ingestion on another replica, on %s', (_name, open) => {
  let t: TestDb;
  let repos: Repositories;
  let slack: SlackDouble;
  const dirs: string[] = [];
  const storageOf = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-replica-'));
    dirs.push(dir);
    return createLocalStorage(dir);
  };
  const chat = recordingGateway('slack');
  const logs: string[] = [];
  const extractor = scriptedExtractor((bytes) => {
    const account = new TextDecoder().decode(bytes).match(/acct=(\S+)/)?.[1] ?? 'X';
    return { reports: [sampleReport({ account_number: account })], method: 'text', pages: 1, processing_time_ms: 3 };
  });
  const replica = (storage: ReturnType<typeof storageOf>): IngestDeps => ({
    repos,
    uow: createUnitOfWork(t.db),
    storage,
    queue: collectingQueue(),
    extractor,
    gateways: { slack: chat.gateway as never, console: chat.gateway as never },
    fetchers: { slack: createSlackFileFetcher({ botToken: slack.token, apiUrl: slack.apiUrl }) },
    limits: { maxFileBytes: 1_000_000 },
    logger: { info() {}, warn: (o: object, m?: string) => void logs.push(`${m} ${JSON.stringify(o)}`) },
  });

  beforeAll(async () => {
    t = await open();
    repos = createRepositories(t.db);
    slack = await startSlackDouble();
  });
  afterAll(async () => {
    await slack?.close();
    await t?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('downloads the PDF again from Slack when this replica’s storage lacks it', async () => {
    const file = slack.addFile({ name: 'r1.pdf', bytes: new TextEncoder().encode('%PDF-1.7 acct=RPL1') });
    const { ingestion } = await repos.ingestions.record({
      platform: 'slack',
      sourceRef: file.id,
      fileName: 'r1.pdf',
      sourceUrl: file.url_private_download ?? null,
      channelId: 'CREPLICA',
      uploadedBy: 'slack:UANA',
    });
    // Replica A downloaded and stored it, then crashed before the report was written.
    const a = replica(storageOf());
    const downloaded = slack.downloads.length;
    const stored = await a.storage.put(new TextEncoder().encode('%PDF-1.7 acct=RPL1'), {
      contentType: 'application/pdf',
      extension: 'pdf',
    });
    await repos.ingestions.setFile(ingestion.id, { hash: stored.hash, storageKey: stored.key, size: 18 });
    // The retry runs on replica B, whose disk has never seen the file.
    const outcome = await processIngestion(replica(storageOf()), ingestion.id);
    expect(outcome).toBe('processed');
    expect(slack.downloads.length).toBe(downloaded + 1);
    expect((await repos.reports.byIngestion(ingestion.id)).map((r) => r.accountNumber)).toEqual(['RPL1']);
    expect(logs.some((l) => l.includes('downloading it again'))).toBe(true);
  });

  it('ends at once with a plain sentence when the platform cannot give the file again', async () => {
    // A console upload: its bytes came with the request and were stored on replica A only.
    const a = replica(storageOf());
    const stored = await a.storage.put(new TextEncoder().encode('%PDF-1.7 acct=RPL2'), {
      contentType: 'application/pdf',
      extension: 'pdf',
    });
    const { ingestion } = await repos.ingestions.record({
      platform: 'console',
      sourceRef: 'console-upload-rpl2',
      fileName: 'r2.pdf',
      storageKey: stored.key,
      fileHash: stored.hash,
      channelId: 'local',
      uploadedBy: 'console:ana',
    });
    const posts = chat.posts.length;
    // Not thrown (which would mean four retries and a dead letter): answered.
    await expect(processIngestion(replica(storageOf()), ingestion.id)).resolves.toBe('failed');
    const row = await repos.ingestions.findById(ingestion.id);
    expect(row?.status).toBe('failed');
    expect(row?.errorCode).toBe('input.file_unavailable');
    const said = JSON.stringify(chat.posts.slice(posts).map((p) => p.card));
    expect(said).toContain('Share the PDF again');
    expect(said).not.toMatch(/ENOENT|no such file/i);
  });

  it('has start warn when another replica claimed schedule fires while files are on local storage', async () => {
    const warned: string[] = [];
    const logger = { warn: (_o: object, m?: string) => void warned.push(m ?? '') };
    const now = new Date();
    await repos.scheduleRuns.claim('marginiq.health-watch', new Date(now.getTime() - 60_000), 'replica-b');
    // A replica last seen an hour ago (a redeploy's predecessor) is gone.
    await t.db.query(
      `insert into analytics.schedule_runs (name, fire_time, replica, started_at) values ('marginiq.sweeper', $1, 'replica-old', $1)`,
      [new Date(now.getTime() - 3_600_000).toISOString()],
    );
    const others = await warnOnLocalStorageWithReplicas({
      runs: repos.scheduleRuns,
      replica: 'replica-a',
      storage: 'local',
      logger,
      now,
    });
    expect(others).toEqual(['replica-b']);
    expect(warned.join('\n')).toContain('shared file storage (SUPABASE_URL');
    // With shared storage there is nothing to warn about; alone, neither.
    warned.length = 0;
    await warnOnLocalStorageWithReplicas({
      runs: repos.scheduleRuns,
      replica: 'replica-a',
      storage: 'supabase',
      logger,
      now,
    });
    await warnOnLocalStorageWithReplicas({
      runs: repos.scheduleRuns,
      replica: 'replica-b',
      storage: 'local',
      logger,
      now,
    });
    expect(warned).toEqual([]);
  });
});
