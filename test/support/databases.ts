import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openPglite, openPostgres } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations.runner.ts';

export interface TestDb {
  db: Db;
  /** For Postgres: the connection string of this throwaway database. */
  url?: string;
  dir?: string;
  drop(): Promise<void>;
}

/** A migrated PGlite copied from the template that global setup built. */
export async function freshPglite(): Promise<TestDb> {
  const template = process.env.MARGINIQ_PGLITE_TEMPLATE;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-test-db-'));
  if (template) cpSync(template, dir, { recursive: true });
  const db = await openPglite(dir);
  await migrate(db);
  return {
    db,
    dir,
    async drop() {
      await db.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway database on the server TEST_DATABASE_URL points at, migrated; dropped afterwards. */
export async function freshPostgres(adminUrl = process.env.TEST_DATABASE_URL): Promise<TestDb> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `marginiq_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close().catch(() => {});
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The databases every repository test runs on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export const DATABASES: [string, () => Promise<TestDb>][] = [
  ['pglite', freshPglite],
  ...(process.env.TEST_DATABASE_URL
    ? ([['postgres', () => freshPostgres()]] as [string, () => Promise<TestDb>][])
    : []),
];
