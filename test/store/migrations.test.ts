import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations.runner.ts';
import { DATABASES, freshPostgres, type TestDb } from '../support/databases.ts';

const TABLES = [
  'margin_reports',
  'ingestions',
  'report_conflicts',
  'audit_events',
  'user_roles',
  'subscriptions',
  'conversations',
  'schedule_runs',
  'health_state',
  'processed_events',
];

describe.each(DATABASES)('migrations on %s', (_name, fresh) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(() => t?.drop());

  it('records what it applied and applies nothing twice', async () => {
    const rows = await t.db.query<{ name: string }>('select name from analytics.schema_migrations order by version');
    expect(rows.map((r) => r.name)[0]).toBe('001_initial.sql');
    expect(await migrate(t.db)).toEqual([]);
  });

  it('creates every table with row level security enabled', async () => {
    const rows = await t.db.query<{ relname: string; relrowsecurity: boolean }>(
      `select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'analytics' and c.relkind = 'r'`,
    );
    const byName = new Map(rows.map((r) => [r.relname, r.relrowsecurity]));
    for (const table of TABLES) expect(byName.get(table), table).toBe(true);
  });

  it('keeps one report per account and date, and the seed checks', async () => {
    const insert = (status: string, conf: number) =>
      t.db.query(
        `insert into analytics.margin_reports (account_number, report_date, extracted_data, extraction_confidence, validation_status)
         values ('U1', '2026-11-27', '{}'::jsonb, $1, $2)`,
        [conf, status],
      );
    await insert('pending', 0.9);
    await expect(insert('pending', 0.9)).rejects.toThrow();
    await expect(
      t.db.query(
        `insert into analytics.margin_reports (account_number, report_date, extracted_data, validation_status) values ('U2', '2026-11-27', '{}', 'maybe')`,
      ),
    ).rejects.toThrow();
    await expect(
      t.db.query(
        `insert into analytics.margin_reports (account_number, report_date, extracted_data, extraction_confidence) values ('U3', '2026-11-27', '{}', 1.5)`,
      ),
    ).rejects.toThrow();
  });

  it('keeps the audit trail append-only', async () => {
    await t.db.query(
      `insert into analytics.audit_events (actor, action, entity_type, entity_id) values ('slack:U1', 'report.approved', 'margin_report', 'x')`,
    );
    await expect(t.db.query(`update analytics.audit_events set actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from analytics.audit_events')).rejects.toThrow(/append-only/);
  });

  it('grants the application role what it needs and no more', async () => {
    const can = async (table: string, privilege: string) =>
      (
        await t.db.query<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [
          'marginiq_app',
          `analytics.${table}`,
          privilege,
        ])
      )[0]?.ok;
    expect(await can('margin_reports', 'SELECT')).toBe(true);
    expect(await can('margin_reports', 'UPDATE')).toBe(true);
    expect(await can('margin_reports', 'DELETE')).toBe(false);
    expect(await can('audit_events', 'INSERT')).toBe(true);
    expect(await can('audit_events', 'UPDATE')).toBe(false);
    expect(await can('audit_events', 'DELETE')).toBe(false);
    // Exports handed out by link are taken and forgotten; old schedule fires are pruned.
    expect(await can('outgoing_files', 'INSERT')).toBe(true);
    expect(await can('outgoing_files', 'DELETE')).toBe(true);
    expect(await can('schedule_runs', 'DELETE')).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrations on Postgres with two replicas', () => {
  it('applies each migration once when two replicas start at the same moment', async () => {
    const t = await freshPostgres();
    try {
      await t.db.exec('drop schema analytics cascade');
      const other = await openPostgres(t.url!);
      const [a, b] = await Promise.all([migrate(t.db), migrate(other)]);
      await other.close();
      expect([...a, ...b].map((m) => m.name).filter((n) => n === '001_initial.sql')).toHaveLength(1);
      const rows = await t.db.query<{ name: string }>('select name from analytics.schema_migrations');
      // Every migration once, though two replicas raced to apply them.
      expect(rows.map((r) => r.name).sort()).toEqual([...new Set([...a, ...b].map((m) => m.name))].sort());
      expect([...a, ...b]).toHaveLength(rows.length);
    } finally {
      await t.drop();
    }
  });

  it('lets the application role read and write through row level security, but not rewrite the audit trail', async () => {
    const t = await freshPostgres();
    try {
      await t.db.transaction(async (tx) => {
        await tx.query('set local role marginiq_app');
        await tx.query(
          `insert into analytics.margin_reports (account_number, report_date, extracted_data) values ('RLS1', '2026-11-27', '{}')`,
        );
        const rows = await tx.query('select account_number from analytics.margin_reports');
        expect(rows).toHaveLength(1);
        await tx.query(
          `insert into analytics.audit_events (actor, action, entity_type, entity_id) values ('a', 'b', 'c', 'd')`,
        );
      });
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query('set local role marginiq_app');
          await tx.query('delete from analytics.margin_reports');
        }),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await t.drop();
    }
  });
});
