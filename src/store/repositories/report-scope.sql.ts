import type { ReportScope } from '../../core/access/scope.ts';

/**
 * The one SQL form of a ReportScope (issue 18). A report is shared in a conversation when one of its
 * uploads was: the upload that made it, an upload found to be the same file (`duplicate_of`), or one
 * that raised a conflict with it. `uploader` adds the reports of the asker's own uploads, anywhere.
 * Returns a boolean SQL expression over the given report id and ingestion id expressions, and the
 * parameters it numbers from `next`.
 */
export function reportScopeSql(
  scope: ReportScope | undefined,
  at: { reportId: string; ingestionId: string; next: number },
): { sql: string; params: unknown[] } {
  if (!scope || scope.kind === 'book') return { sql: 'true', params: [] };
  const [p, c, u] = [at.next, at.next + 1, at.next + 2];
  const seen = `((si.platform = $${p} and si.channel_id = $${c}) or si.uploaded_by = $${u}::text)`;
  // Three exists, one per way an upload belongs to the report, so each probes its own index
  // (ingestions by id, by duplicate_of, report_conflicts by existing_report_id). One exists with
  // the three joined by `or` cannot use them and scans every upload per row: /margin calls took
  // 4.5 s of Postgres CPU on 100k reports that way (bench/scoreboard.bench.ts).
  return {
    sql: `(exists (select 1 from analytics.ingestions si where si.id = ${at.ingestionId} and ${seen})
      or exists (select 1 from analytics.ingestions si where si.duplicate_of = ${at.ingestionId} and ${seen})
      or exists (select 1 from analytics.report_conflicts sc join analytics.ingestions si on si.id = sc.ingestion_id
                 where sc.existing_report_id = ${at.reportId} and ${seen}))`,
    params: [scope.platform, scope.channelId, scope.uploader],
  };
}

/** The same rule for an upload itself (its failures, its summary's votes). */
export function ingestionScopeSql(
  scope: ReportScope | undefined,
  at: { alias: string; next: number },
): { sql: string; params: unknown[] } {
  if (!scope || scope.kind === 'book') return { sql: 'true', params: [] };
  const [p, c, u] = [at.next, at.next + 1, at.next + 2];
  return {
    sql: `((${at.alias}.platform = $${p} and ${at.alias}.channel_id = $${c}) or ${at.alias}.uploaded_by = $${u}::text)`,
    params: [scope.platform, scope.channelId, scope.uploader],
  };
}
