import type { LayoutsRepository } from '../../core/memory/layouts.port.ts';
import type { LayoutFingerprint } from '../../extraction/memory/layout.fingerprint.ts';
import type { LayoutRule, LearnedRule } from '../../extraction/memory/layout.rule.ts';
import type { KnownLayout } from '../../extraction/memory/memory.recall.ts';
import type { Queryable } from '../db.ts';

/** The place a rule looks at: a rule taught again there replaces the older one. */
const placeOf = (r: LayoutRule) =>
  [r.block ? `block ${r.anchor}` : r.anchor, r.label ?? '', r.column ?? '', r.ordinal, r.figures, r.sign]
    .join('|')
    .toLowerCase();

interface RuleRow {
  layout_id: string;
  field: string;
  rule: LayoutRule;
  report_id: string | null;
  file_name: string | null;
  taught_by: string;
  taught_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** Issue 16: layouts and their learned rules, per workspace. */
export function createLayoutsRepository(db: Queryable): LayoutsRepository {
  const rules = (workspace: string) =>
    db.query<RuleRow>(
      `select layout_id, field, rule, report_id::text as report_id, file_name, taught_by, taught_at
       from analytics.layout_rules where workspace = $1 order by taught_at desc, id desc`,
      [workspace],
    );
  const layouts = (workspace: string) =>
    db.query<{ id: string; name: string; fingerprint: LayoutFingerprint; created_at: Date | string }>(
      'select id, name, fingerprint, created_at from analytics.layouts where workspace = $1 order by created_at, id',
      [workspace],
    );
  return {
    async known(workspace) {
      const [ls, rs] = await Promise.all([layouts(workspace), rules(workspace)]);
      // Grouped once: thousands of layouts must not scan every rule each.
      const byLayout = new Map<string, RuleRow[]>();
      for (const r of rs) byLayout.set(r.layout_id, [...(byLayout.get(r.layout_id) ?? []), r]);
      return ls.map(
        (l): KnownLayout => ({
          id: l.id,
          fingerprint: l.fingerprint,
          rules: (byLayout.get(l.id) ?? []).map(
            (r): LearnedRule => ({
              ...r.rule,
              reportId: r.report_id,
              fileName: r.file_name,
              taughtBy: r.taught_by,
              taughtAt: iso(r.taught_at),
            }),
          ),
        }),
      );
    },
    async version(workspace) {
      const [row] = await db.query<{ v: string }>(
        `select concat_ws(':',
           (select count(*) from analytics.layouts where workspace = $1),
           (select max(created_at)::text from analytics.layouts where workspace = $1),
           (select count(*) from analytics.layout_rules where workspace = $1),
           (select max(id) from analytics.layout_rules where workspace = $1),
           (select max(taught_at)::text from analytics.layout_rules where workspace = $1)) as v`,
        [workspace],
      );
      return row?.v ?? '';
    },
    async addLayout(workspace, layout) {
      await db.query(
        `insert into analytics.layouts (workspace, id, name, fingerprint, created_by) values ($1, $2, $3, $4, $5)
         on conflict (workspace, id) do nothing`,
        [workspace, layout.id, layout.name, JSON.stringify(layout.fingerprint), layout.by],
      );
    },
    async putRule(workspace, layoutId, rule, source) {
      await db.query(
        `insert into analytics.layout_rules (workspace, layout_id, field, place, rule, report_id, file_name, taught_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (workspace, layout_id, field, place) do update set rule = excluded.rule,
           report_id = excluded.report_id, file_name = excluded.file_name, taught_by = excluded.taught_by, taught_at = now()`,
        [
          workspace,
          layoutId,
          rule.field,
          placeOf(rule),
          JSON.stringify(rule),
          source.reportId,
          source.fileName,
          source.taughtBy,
        ],
      );
    },
    async list(workspace) {
      const [ls, rs] = await Promise.all([layouts(workspace), rules(workspace)]);
      return ls.map((l) => ({
        id: l.id,
        name: l.name,
        createdAt: iso(l.created_at),
        rules: rs
          .filter((r) => r.layout_id === l.id)
          .map((r) => ({
            field: r.field,
            label: r.rule.label,
            column: r.rule.column,
            taughtBy: r.taught_by,
            taughtAt: iso(r.taught_at),
            reportId: r.report_id,
            fileName: r.file_name,
          })),
      }));
    },
    async forget(workspace, layoutId, field) {
      const known = await db.query('select 1 from analytics.layouts where workspace = $1 and id = $2', [
        workspace,
        layoutId,
      ]);
      if (known.length === 0) return null;
      const gone = await db.query(
        `delete from analytics.layout_rules where workspace = $1 and layout_id = $2 and ($3::text is null or field = $3)
         returning id`,
        [workspace, layoutId, field],
      );
      if (field === null)
        await db.query('delete from analytics.layouts where workspace = $1 and id = $2', [workspace, layoutId]);
      return gone.length;
    },
  };
}
