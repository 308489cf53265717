import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage, sha256 } from '../../src/store/files/local.storage.ts';
import { createSupabaseStorage } from '../../src/store/files/supabase.storage.ts';
import { startSupabaseDouble } from '../support/supabase-double.ts';

const pdf = new TextEncoder().encode('%PDF-1.7\n% test file\n');

describe('local file storage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores files by content hash and reads them back', async () => {
    const storage = createLocalStorage(dir);
    const a = await storage.put(pdf, { contentType: 'application/pdf', extension: 'pdf' });
    const b = await storage.put(pdf, { contentType: 'application/pdf', extension: 'pdf' });
    expect(a).toEqual(b);
    expect(a.hash).toBe(sha256(pdf));
    expect(a.key).toBe(`${a.hash.slice(0, 2)}/${a.hash}.pdf`);
    expect(Buffer.from(await storage.get(a.key)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses keys that escape the storage folder', async () => {
    await expect(createLocalStorage(dir).get('../../etc/passwd')).rejects.toThrow(/escapes/);
  });
});

describe('Supabase storage', () => {
  it('uploads by content hash, treats an existing object as stored, and downloads', async () => {
    const double = await startSupabaseDouble({ key: 'service-role-key' });
    try {
      const storage = createSupabaseStorage({ url: double.url, key: 'service-role-key', bucket: 'reports' });
      const first = await storage.put(pdf, { contentType: 'application/pdf', extension: 'pdf' });
      const again = await storage.put(pdf, { contentType: 'application/pdf', extension: 'pdf' });
      expect(again.key).toBe(first.key);
      expect(double.objects.has(`reports/${first.key}`)).toBe(true);
      expect(double.objects.get(`reports/${first.key}`)?.contentType).toBe('application/pdf');
      expect(Buffer.from(await storage.get(first.key)).equals(Buffer.from(pdf))).toBe(true);
      await storage.ping();
    } finally {
      await double.close();
    }
  });

  it('reports a storage failure with a plain sentence', async () => {
    const double = await startSupabaseDouble({ key: 'right' });
    try {
      const storage = createSupabaseStorage({ url: double.url, key: 'wrong', bucket: 'reports' });
      await expect(storage.put(pdf, { contentType: 'application/pdf', extension: 'pdf' })).rejects.toMatchObject({
        code: 'storage.failed',
      });
    } finally {
      await double.close();
    }
  });
});
