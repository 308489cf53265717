import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openPglite, openPostgres } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations.runner.ts';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; real Postgres too when TEST_DATABASE_URL is set. */
export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Db;
  kind: DbKind;
  /** Postgres only: the throwaway database's URL, for a second pool (a second replica). */
  url?: string;
  close(): Promise<void>;
}

/** A migrated database of its own: in-memory PGlite, or a throwaway Postgres database dropped on close. */
export async function openTestDb(kind: DbKind, label: string): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, kind, close: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `marginiq_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  await migrate(db);
  return {
    db,
    kind,
    url: url.toString(),
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
