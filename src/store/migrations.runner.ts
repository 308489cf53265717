import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

// Any 64-bit number works; both replicas must use the same one.
const MIGRATION_LOCK_KEY = 4_815_162_342;

export interface AppliedMigration {
  version: number;
  name: string;
}

async function readMigrations(dir: string) {
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8');
      return {
        version: Number(file.split('_')[0]),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two replicas starting
 * at once apply each file exactly once: the second waits, then finds nothing left to do.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<AppliedMigration[]> {
  const migrations = await readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query('create schema if not exists analytics');
    await tx.query(`create table if not exists analytics.schema_migrations (
      version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
    const done = await tx.query<{ version: number; checksum: string; name: string }>(
      'select version, name, checksum from analytics.schema_migrations',
    );
    const byVersion = new Map(done.map((m) => [m.version, m]));
    const applied: AppliedMigration[] = [];
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into analytics.schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      applied.push({ version: m.version, name: m.name });
    }
    return applied;
  });
}
