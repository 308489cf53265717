import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDb } from '../support/databases.ts';

/** Issue 18 item 2: the embedded database's buffer pool is what held the idle service above 300 MB. */
describe('the embedded database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshPglite();
  });
  afterAll(() => t?.drop());

  it('starts with a 16 MB buffer pool, not PGlite’s 128 MB, and keeps its other start-up settings', async () => {
    const rows = await t.db.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('shared_buffers', 'max_parallel_workers', 'search_path')`,
    );
    const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
    expect(settings.shared_buffers).toBe('2048'); // 8 kB pages
    expect(settings.max_parallel_workers).toBe('0');
    expect(settings.search_path).toBe('public');
  });
});
