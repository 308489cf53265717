import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { startService } from '../../src/main.ts';
import { freshPostgres } from '../support/databases.ts';
import { sampleReport, scriptedExtractor } from '../support/fakes.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const waitFor = async (what: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await what().catch(() => false))) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe.runIf(process.env.TEST_DATABASE_URL)('when the database goes away mid-run', () => {
  it('health turns down, requests say temporarily unavailable, and work resumes when it returns', async () => {
    const t = await freshPostgres();
    const target = new URL(t.url!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(t.url!);
    viaProxy.port = String(proxy.port);
    const loaded = loadConfig({
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'marginiq-outage-')),
      PORT: '0',
    });
    if (!loaded.ok) throw new Error('config');
    const extractor = scriptedExtractor(() => ({
      reports: [sampleReport({ account_number: 'OUT1' })],
      method: 'text',
      pages: 1,
      processing_time_ms: 5,
    }));
    const service = await startService(loaded.config, pino({ level: 'silent' }), 'start', { extractor });
    try {
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
      proxy.cut();
      const down = await fetch(`${service.url}/health`);
      expect(down.status).toBe(503);
      expect((await down.json()).checks.database.status).toBe('down');
      const upload = await fetch(`${service.url}/console/action`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-marginiq': '1', 'x-marginiq-user': 'approver' },
        body: JSON.stringify({ kind: 'approve', value: '33333333-3333-4333-8333-333333333333' }),
      });
      expect(upload.status).toBe(503);
      expect(JSON.stringify(await upload.json())).toMatch(/temporarily unavailable/i);

      proxy.restore();
      await waitFor(async () => (await fetch(`${service.url}/health`)).status === 200);
      // Work resumes: an upload now goes through the queue and is stored.
      await service.chat.upload({
        platform: 'console',
        sourceRef: 'after-outage',
        fileName: 'after.pdf',
        bytes: new TextEncoder().encode('%PDF-1.7 after'),
        channelId: 'local',
        uploadedBy: 'console:analyst',
      });
      await waitFor(async () => (await service.repos.reports.findByAccountDate('OUT1', '2026-11-27')) !== undefined);
    } finally {
      await service.stop();
      await proxy.close();
      await t.drop();
    }
  });
});
