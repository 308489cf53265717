import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../../src/store/data-dir.lock.ts';
import { freePort, runCli, startCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'marginiq-lock-'));

describe('the DATA_DIR lock', () => {
  it('lets one holder at a time, names it to the next, and frees the directory on release', () => {
    const dir = tmp();
    const first = lockDataDir(dir, { command: 'marginiq start' });
    const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, command: 'marginiq start', host: hostname() });
    expect(() => lockDataDir(dir, { command: 'marginiq migrate' })).toThrow(
      new RegExp(`in use by \`marginiq start\` \\(pid ${process.pid}, since .*\\); stop it first`),
    );
    first.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir, { command: 'marginiq migrate' }).release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = tmp();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: gone, host: hostname(), command: 'marginiq start', since: 'earlier' }),
    );
    const lock = lockDataDir(dir, { command: 'marginiq worker' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an unreadable lock left by a crash between create and write', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, LOCK_FILE), '');
    lockDataDir(dir).release();
  });
});

describe('one process per embedded database', () => {
  it('stops a second start, worker, migrate or digest at once with one line naming the running process', async () => {
    const dataDir = tmp();
    const port = await freePort();
    const svc = await startCli('start', { PORT: String(port), DATA_DIR: dataDir }, { timeoutMs: 120_000 });
    try {
      // The first start says what the long silence is.
      expect(svc.output()).toContain('creating the embedded database');
      const other = String(await freePort());
      for (const args of [['start'], ['worker'], ['migrate'], ['digest', '--dry-run']]) {
        const r = await runCli(args, { DATA_DIR: dataDir, PORT: other });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.trim().split('\n'), args.join(' ')).toEqual([
          expect.stringMatching(
            new RegExp(
              `^marginiq: DATA_DIR: the embedded database in .* is in use by \`marginiq start\` \\(pid ${svc.child.pid}, since `,
            ),
          ),
        ]);
      }
      // Still the only one, still healthy.
      expect((await fetch(`${svc.url}/health`)).status).toBe(200);
    } finally {
      expect(await svc.stop()).toBe(0);
    }
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const after = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(after.code).toBe(0);
  }, 300_000);

  it('checks the port before it opens (or creates) the database', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = tmp();
    try {
      const r = await runCli(['start'], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`marginiq: PORT: ${port} cannot be used (already in use)`);
      expect(existsSync(path.join(dataDir, 'db', 'PG_VERSION'))).toBe(false);
      expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 120_000);
});
