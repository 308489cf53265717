import type { ScheduleRunsRepository } from '../../core/ports/health.ports.ts';

/** Schedules fire every 5 minutes; a replica that won none of the last three is taken as gone. */
export const REPLICA_SEEN_WITHIN_MS = 15 * 60_000;

/**
 * Issue 18 item 10: uploaded PDFs on local storage are on one replica's disk, so a job retried on
 * another replica cannot read them. Replicas show themselves in schedule_runs (each claims fires);
 * `start` warns when it sees another one while its own files are local.
 */
export async function warnOnLocalStorageWithReplicas(deps: {
  runs: Pick<ScheduleRunsRepository, 'otherReplicasSince'>;
  replica: string;
  storage: 'local' | 'supabase';
  logger: { warn(o: object, m?: string): void };
  now?: Date;
}): Promise<string[]> {
  if (deps.storage !== 'local') return [];
  const since = new Date((deps.now ?? new Date()).getTime() - REPLICA_SEEN_WITHIN_MS);
  const others = await deps.runs.otherReplicasSince(deps.replica, since);
  if (others.length > 0)
    deps.logger.warn(
      { replica: deps.replica, others },
      'another replica uses this database while uploaded files are on local storage: a job retried there cannot read them. Several replicas need shared file storage (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_BUCKET). After a redeploy this can be the replica it replaced.',
    );
  return others;
}
