import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runCli, startCli } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'marginiq-cli-'));
/** jemalloc where Debian and Ubuntu install it (the Dockerfile's libjemalloc2), if this machine has it. */
const JEMALLOC =
  process.platform === 'linux'
    ? [`/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/libjemalloc.so.2`].find((p) =>
        existsSync(p),
      )
    : undefined;

describe('the marginiq command', () => {
  it('names each bad setting on its own line and exits 2', async () => {
    const r = await runCli(['start'], { PORT: 'eighty', ADMINS: 'U0123' });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'marginiq: PORT: must be a port number from 0 to 65535',
      expect.stringMatching(/^marginiq: ADMINS: must be a comma list/),
    ]);
    expect(r.stdout).toBe('');
  });

  it('refuses a malformed DATABASE_URL with one line and exit 2', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'not a url' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('marginiq: DATABASE_URL: must be a postgres:// or postgresql:// connection string');
  });

  it('says the database cannot be reached in one line, without a stack trace', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('marginiq: DATABASE_URL: the database is not reachable');
  });

  it('answers an unknown command with usage and exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('marginiq: frobnicate: unknown command (try marginiq --help)');
  });

  it('migrates the embedded database and says what it applied', async () => {
    const dir = tmp();
    const first = await runCli(['migrate'], { DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('applied 001_initial.sql');
    const second = await runCli(['migrate'], { DATA_DIR: dir });
    expect(second.stdout.trim()).toBe('no pending migrations');
  });

  it('starts on embedded defaults, serves /health and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const svc = await startCli('start', { PORT: String(port), DATA_DIR: tmp() });
    const health = await (await fetch(`${svc.url}/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.checks.database.status).toBe('ok');
    expect(health.platforms).toEqual(['console']);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toContain('marginiq_http_requests_total{route="/health",status="200"}');
    if (process.platform === 'linux') {
      // The service re-executed itself in place (same pid, so signals still reach it) with glibc's mmap threshold fixed.
      const environ = readFileSync(`/proc/${svc.child.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('MALLOC_MMAP_THRESHOLD_=1048576');
      // Where the system has jemalloc, the service runs on it, with the thread that returns freed memory.
      const maps = readFileSync(`/proc/${svc.child.pid}/maps`, 'utf8');
      expect(maps.includes('libjemalloc.so.2')).toBe(JEMALLOC !== undefined);
      if (JEMALLOC)
        expect(environ).toContain('MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0');
    }
    expect(await svc.stop('SIGTERM')).toBe(0);
  });

  it.runIf(JEMALLOC)('keeps glibc when MARGINIQ_MALLOC=glibc', async () => {
    const svc = await startCli('start', { PORT: String(await freePort()), DATA_DIR: tmp(), MARGINIQ_MALLOC: 'glibc' });
    expect(readFileSync(`/proc/${svc.child.pid}/maps`, 'utf8')).not.toContain('libjemalloc');
    expect(readFileSync(`/proc/${svc.child.pid}/environ`, 'utf8').split('\0')).toContain(
      'MALLOC_MMAP_THRESHOLD_=1048576',
    );
    expect(await svc.stop('SIGTERM')).toBe(0);
  });
});

const MIGRATIONS = readdirSync(path.resolve(import.meta.dirname, '../../migrations')).filter((f) =>
  f.endsWith('.sql'),
).length;

describe.runIf(process.env.TEST_DATABASE_URL)('two replicas on one Postgres', () => {
  it('apply migrations once and both become healthy', async () => {
    const t = await freshPostgres();
    await t.db.exec('drop schema analytics cascade; drop schema if exists pgboss cascade');
    try {
      const [a, b] = await Promise.all(
        [0, 1].map(async (i) =>
          startCli('start', {
            PORT: String(await freePort()),
            DATABASE_URL: t.url!,
            DATA_DIR: tmp(),
            REPLICA_ID: `r${i}`,
          }),
        ),
      );
      const applied = (a!.output() + b!.output()).match(/"applied":\["001_initial.sql"/g) ?? [];
      expect(applied).toHaveLength(1);
      for (const s of [a!, b!]) expect((await fetch(`${s.url}/health`)).status).toBe(200);
      await Promise.all([a!.stop(), b!.stop()]);
      expect(await t.db.query('select version from analytics.schema_migrations')).toHaveLength(MIGRATIONS);
    } finally {
      await t.drop();
    }
  });
});
