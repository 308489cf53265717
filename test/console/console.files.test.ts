import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNEL } from '../../src/platforms/console/console.handlers.ts';
import { reportData } from '../digest/fixtures.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

// Issue 17: the console's files (exports, Show-source crops, the digest chart) are kept in file
// storage (DATA_DIR/files here) with their message in the database, so after a restart the message
// and its link both still work. Real `marginiq start` console on a PGlite DATA_DIR, over HTTP.
interface Posted {
  text?: string;
  file?: { url: string; name: string; contentType: string };
}

describe('console files across a restart', () => {
  let svc: (ConsoleService & { dataDir: string }) | undefined;
  let dataDir = '';

  afterAll(async () => {
    await svc?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (user: string) => ({ 'X-MarginIQ': '1', 'X-MarginIQ-User': user, 'content-type': 'application/json' });
  const messages = async (user: string): Promise<Posted[]> => {
    if (!svc) throw new Error('no service');
    return (await (await fetch(`${svc.url}/console/messages?user=${user}`)).json()).messages;
  };
  const bytesAt = async (url: string) => {
    if (!svc) throw new Error('no service');
    const res = await fetch(`${svc.url}${url}`);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };

  it('still serves an export and a posted image from their links after the console restarts', async () => {
    svc = await startConsoleService({ keepData: true });
    dataDir = svc.dataDir;
    await svc.repos.reports.insertOrGetExisting({
      report: reportData({ account: 'ACC-1001', date: new Date().toISOString().slice(0, 10), excess: 1250.5 }),
      createdBy: 'console:analyst',
      ingestionId: null,
    });
    // An export asked for in the composer, the way a person does it.
    const asked = await fetch(`${svc.url}/console/command`, {
      method: 'POST',
      headers: as('admin'),
      body: JSON.stringify({ text: '/margin export 30d csv' }),
    });
    expect(asked.status).toBe(200);
    await expect
      .poll(async () => (await messages('admin')).find((m) => m.file?.name.endsWith('.csv'))?.file?.url)
      .toBeTruthy();
    const exported = (await messages('admin')).find((m) => m.file?.name.endsWith('.csv'))?.file;
    if (!exported) throw new Error('no export posted');
    // A picture posted by the core (a Show-source crop or the digest chart) goes the same way.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await svc.gateway.uploadFile(CHANNEL, { name: 'crop.png', bytes: png, contentType: 'image/png', title: 'Source' });
    const crop = (await messages('admin')).find((m) => m.file?.name === 'crop.png')?.file;
    if (!crop) throw new Error('no crop posted');
    const csvBefore = await bytesAt(exported.url);
    expect(csvBefore.status).toBe(200);
    expect(new TextDecoder().decode(csvBefore.bytes)).toMatch(/,/);
    await svc.stop();
    svc = undefined;

    // A new process on the same DATA_DIR: nothing of the files is in its memory.
    svc = await startConsoleService({ dataDir });
    const after = await messages('admin');
    expect(after.find((m) => m.file?.url === exported.url)).toBeTruthy();
    const csvAfter = await bytesAt(exported.url);
    expect(csvAfter.status).toBe(200);
    expect(csvAfter.type).toBe(exported.contentType);
    expect(csvAfter.bytes).toEqual(csvBefore.bytes);
    const cropAfter = await bytesAt(crop.url);
    expect(cropAfter.status).toBe(200);
    expect(cropAfter.type).toBe('image/png');
    expect(cropAfter.bytes).toEqual(png);
    expect((await bytesAt('/console/files/nope')).status).toBe(404);
  });
});
