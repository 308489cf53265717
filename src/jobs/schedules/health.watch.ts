import { healthChangeCard } from '../../core/digest/health.figures.ts';
import type {
  ConversationRef,
  GatewayRegistry,
  HealthSource,
  HealthStatus,
  Platform,
  SubscriptionsRepository,
} from '../../core/ports.ts';
import type { Queryable } from '../../store/db.ts';
import { SERVICE_HEALTH_KEY } from './schedule.names.ts';

export interface HealthTransition {
  changed: boolean;
  previous: HealthStatus | null;
  previousSince: string | null;
}

/**
 * Records the service state; reports a change only when it differs from the stored one.
 * The conditional upsert makes two watchers racing on one change see it once.
 */
export async function recordHealthState(
  db: Queryable,
  name: string,
  status: HealthStatus,
  detail: unknown,
): Promise<HealthTransition> {
  const rows = await db.query<{ previous: HealthStatus | null; previous_since: Date | string | null }>(
    `with prev as (select status, changed_at from analytics.health_state where name = $1)
     insert into analytics.health_state (name, status, changed_at, detail) values ($1, $2, now(), $3)
     on conflict (name) do update set status = excluded.status, changed_at = excluded.changed_at, detail = excluded.detail
       where analytics.health_state.status is distinct from excluded.status
     returning (select status from prev) as previous, (select changed_at from prev) as previous_since`,
    [name, status, JSON.stringify(detail ?? null)],
  );
  const row = rows[0];
  if (!row) return { changed: false, previous: status, previousSince: null };
  return {
    changed: true,
    previous: row.previous ?? null,
    previousSince: row.previous_since ? new Date(row.previous_since).toISOString() : null,
  };
}

export interface HealthWatchDeps {
  db: Queryable;
  health: HealthSource;
  subscriptions: Pick<SubscriptionsRepository, 'list'>;
  gateways: GatewayRegistry;
  logger: { warn(o: object, m?: string): void; info(o: object, m?: string): void };
}

/** One health-watch tick: alert 'alerts' subscribers when the state changed since the last tick. */
export async function runHealthWatch(deps: HealthWatchDeps) {
  const report = await deps.health.check();
  const t = await recordHealthState(deps.db, SERVICE_HEALTH_KEY, report.status, { checks: report.checks });
  // The first state ever recorded is news only when it is bad.
  const alert = t.changed && !(t.previous === null && report.status === 'ok');
  if (!alert) return { status: report.status, changed: t.changed, alerted: 0 };
  const card = healthChangeCard({ previous: t.previous, report, since: t.previousSince });
  const subs = await deps.subscriptions.list('alerts');
  let alerted = 0;
  for (const s of subs) {
    const to: ConversationRef = { platform: s.platform as Platform, channelId: s.channel_id };
    const gateway = deps.gateways[to.platform];
    if (!gateway) continue;
    try {
      await gateway.post(to, card);
      alerted++;
    } catch (err) {
      deps.logger.warn({ err, to: `${s.platform}:${s.channel_id}` }, 'health alert not delivered');
    }
  }
  deps.logger.info({ from: t.previous, to: report.status, alerted }, 'service health changed');
  return { status: report.status, changed: true, from: t.previous, alerted };
}
