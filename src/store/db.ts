import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../core/errors.ts';
import { lockDataDir } from './data-dir.lock.ts';

/** What repositories need: parameterised statements. The same SQL runs on Postgres and PGlite. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Transaction extends Queryable {
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  ping(): Promise<number>;
  close(): Promise<void>;
  /** The driver underneath, for pg-boss's adapter. */
  readonly raw: { kind: 'postgres'; url: string; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
}

// Postgres returns NUMERIC and BIGINT as strings to keep precision; money figures are below 2^53 cents.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** Turns "the database is not there" into one stable error; everything else passes through. */
function translate(err: unknown): never {
  const code = (err as { code?: string } | null)?.code;
  const msg = err instanceof Error ? err.message : String(err);
  if (
    (code && CONNECTION_CODES.has(code)) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(msg)
  ) {
    throw new AppError('store.unavailable', 'The database is temporarily unavailable.', { cause: err });
  }
  throw err;
}

export async function openPostgres(url: string, opts: { max?: number; applicationName?: string } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'marginiq',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const run: Queryable = {
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await pool.query(sql, params)).rows as T[];
      } catch (err) {
        return translate(err);
      }
    },
  };
  return {
    kind: 'postgres',
    raw: { kind: 'postgres', url, pool },
    query: run.query,
    async exec(sql) {
      try {
        await pool.query(sql);
      } catch (err) {
        translate(err);
      }
    },
    async transaction(fn) {
      const client = await pool.connect().catch(translate);
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params = []) => (await client.query(sql, params)).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async ping() {
      const started = performance.now();
      await run.query('select 1');
      return performance.now() - started;
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Start-up settings of the embedded database. PGlite's Postgres keeps shared_buffers at 128 MB and
 * touches all of it at start (WebAssembly memory never shrinks), which alone held 151 MB of the idle
 * service's RSS (issue 18 item 2). 16 MB is plenty for one desk's reports: pages beyond it come from
 * the OS file cache. Measured: resident WebAssembly memory 151 → 29 MB, process idle 321 → 183 MB.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

export async function openPglite(dir: string | undefined): Promise<Db> {
  if (dir) mkdirSync(dir, { recursive: true });
  const options = { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] };
  const pglite = dir ? await PGlite.create(dir, options) : await PGlite.create(options);
  await pglite.exec(`set datestyle = 'ISO'`);
  return fromPglite(pglite);
}

function fromPglite(pglite: PGlite): Db {
  const parse = { [1082]: (v: string) => v, [1700]: (v: string) => Number(v), [20]: (v: string) => Number(v) };
  return {
    kind: 'pglite',
    raw: { kind: 'pglite', pglite },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pglite.query<T>(sql, params, { parsers: parse })).rows;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    // PGlite is one session: a raw BEGIN would capture other callers' statements, its transaction API queues them.
    async transaction(fn) {
      return pglite.transaction(async (tx) =>
        fn({
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await tx.query<T>(sql, params, { parsers: parse })).rows,
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async ping() {
      const started = performance.now();
      await pglite.query('select 1');
      return performance.now() - started;
    },
    async close() {
      await pglite.close();
    },
  };
}

export interface OpenDbOptions {
  /** Runs before the database is opened (with the embedded one, after its lock is taken): `start` checks its port. */
  beforeOpen?: () => Promise<void>;
  /** Told when the embedded database is created, which takes a while on first start. */
  onCreate?: (message: string) => void;
}

/**
 * The configured database. The embedded one holds the lock on DATA_DIR (the parent of its
 * directory) until it is closed: one process per embedded database.
 */
export async function openDb(
  target: { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string },
  opts: OpenDbOptions = {},
): Promise<Db> {
  if (target.kind === 'postgres') {
    await opts.beforeOpen?.();
    return openPostgres(target.url);
  }
  const lock = lockDataDir(path.dirname(target.dir));
  try {
    await opts.beforeOpen?.();
    if (!existsSync(path.join(target.dir, 'PG_VERSION')))
      opts.onCreate?.(`creating the embedded database in ${target.dir} (first start only, about 10 s)…`);
    const db = await openPglite(target.dir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
