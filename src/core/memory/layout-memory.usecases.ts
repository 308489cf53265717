import type { FieldName } from '../../contract/fields.ts';
import type { LayoutDocument } from '../../extraction/extractor.ts';
import { planTeaching, type TaughtReport } from '../../extraction/memory/layout.teach.ts';
import type { KnownLayout, LayoutMemory } from '../../extraction/memory/memory.recall.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';
import type { LayoutsRepository, RuleSource } from './layouts.port.ts';

/**
 * The workspace layout memory is kept for. One installation serves one Slack workspace and one Teams
 * tenant, and `marginiq teach` teaches the same database: they share one memory.
 */
export const DEFAULT_WORKSPACE = 'default';

/** The layouts last loaded per store and workspace, with the version they were loaded at. */
const loaded = new WeakMap<object, Map<string, { version: string; layouts: Promise<KnownLayout[]> }>>();

/**
 * What extraction reads: the workspace's known layouts and rules. Loaded again only when the store's
 * version token changed (a lesson or a forget, here or in another process): with thousands of
 * layouts, each document costs one small query, and the same list keeps the matching index built on it.
 */
export function layoutMemoryOf(
  layouts: Pick<LayoutsRepository, 'known' | 'version'>,
  workspace = DEFAULT_WORKSPACE,
): LayoutMemory {
  return {
    async layouts() {
      const version = await layouts.version(workspace);
      const per = loaded.get(layouts) ?? new Map();
      loaded.set(layouts, per);
      const had = per.get(workspace);
      if (had && had.version === version) return had.layouts;
      const fresh = layouts.known(workspace);
      per.set(workspace, { version, layouts: fresh });
      // A failed load is not kept: the next document tries again.
      fresh.catch(() => per.get(workspace)?.layouts === fresh && per.delete(workspace));
      return fresh;
    },
  };
}

export interface TeachResult {
  layoutId: string;
  /** The layout's name (its issuer line, as printed first). */
  name: string;
  isNew: boolean;
  learned: { field: FieldName; label: string | null; column: string | null; printed: string }[];
  notLearned: { field: FieldName; account: string | null; reason: string }[];
}

/**
 * Teaches the layout of a document its correct values: a rule per field whose value it prints,
 * stored with who taught it and from which report, and an audit event. A value printed nowhere
 * teaches nothing (it is listed in `notLearned`); if nothing at all is learned, nothing is stored.
 */
export async function teachLayout(
  deps: { uow: UnitOfWork; workspace?: string },
  input: { doc: LayoutDocument; reports: TaughtReport[]; source: RuleSource; accounts?: number },
): Promise<TeachResult> {
  const workspace = deps.workspace ?? DEFAULT_WORKSPACE;
  return deps.uow(async (repos: Repositories) => {
    const known = await repos.layouts.known(workspace);
    const plan = planTeaching(input.doc, input.reports, known, input.accounts);
    const name = plan.fingerprint.issuer || plan.layoutId;
    const result: TeachResult = {
      layoutId: plan.layoutId,
      name,
      isNew: plan.isNew,
      learned: plan.rules.map((r) => ({ field: r.field, label: r.label, column: r.column, printed: r.printed })),
      notLearned: plan.outcomes.flatMap((o) =>
        o.rule ? [] : [{ field: o.field, account: o.account, reason: o.reason }],
      ),
    };
    if (plan.rules.length === 0) return result;
    if (plan.isNew)
      await repos.layouts.addLayout(workspace, {
        id: plan.layoutId,
        name,
        fingerprint: plan.fingerprint,
        by: input.source.taughtBy,
      });
    for (const rule of plan.rules) await repos.layouts.putRule(workspace, plan.layoutId, rule, input.source);
    await repos.audit.append({
      actor: input.source.taughtBy,
      action: 'layout.taught',
      entityType: 'layout',
      entityId: plan.layoutId,
      after: { rules: plan.rules },
      context: {
        workspace,
        report_id: input.source.reportId,
        file_name: input.source.fileName,
        new_layout: plan.isNew,
        not_learned: result.notLearned,
      },
    });
    return result;
  });
}

/** Deletes a layout's rules (one field's, or the whole layout), audited; null when no such layout. */
export async function forgetLayout(
  deps: {
    uow: <T>(fn: (repos: Pick<Repositories, 'layouts' | 'audit'>) => Promise<T>) => Promise<T>;
    workspace?: string;
  },
  input: { layoutId: string; field: FieldName | null; by: string },
): Promise<number | null> {
  const workspace = deps.workspace ?? DEFAULT_WORKSPACE;
  return deps.uow(async (repos) => {
    const before = (await repos.layouts.list(workspace)).find((l) => l.id === input.layoutId);
    const gone = await repos.layouts.forget(workspace, input.layoutId, input.field);
    if (gone === null) return null;
    await repos.audit.append({
      actor: input.by,
      action: 'layout.forgotten',
      entityType: 'layout',
      entityId: input.layoutId,
      before: before
        ? { name: before.name, rules: before.rules.filter((r) => !input.field || r.field === input.field) }
        : null,
      context: { workspace, field: input.field, rules_removed: gone },
    });
    return gone;
  });
}
