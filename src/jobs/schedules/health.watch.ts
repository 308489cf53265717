import { healthChangeCard } from '../../core/digest/health.figures.ts';
import type { SubscriptionsRepository } from '../../core/ports/access.ports.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../../core/ports/chat.ports.ts';
import type { HealthSource, HealthStatesRepository } from '../../core/ports/health.ports.ts';
import { SERVICE_HEALTH_KEY } from './schedule.names.ts';

export interface HealthWatchDeps {
  healthStates: Pick<HealthStatesRepository, 'record'>;
  health: HealthSource;
  subscriptions: Pick<SubscriptionsRepository, 'list'>;
  gateways: GatewayRegistry;
  logger: { warn(o: object, m?: string): void; info(o: object, m?: string): void };
}

/** One health-watch tick: alert 'alerts' subscribers when the state changed since the last tick. */
export async function runHealthWatch(deps: HealthWatchDeps) {
  const report = await deps.health.check();
  const t = await deps.healthStates.record(SERVICE_HEALTH_KEY, report.status, { checks: report.checks });
  // The first state ever recorded is news only when it is bad.
  const alert = t.changed && !(t.previous === null && report.status === 'ok');
  if (!alert) return { status: report.status, changed: t.changed, alerted: 0 };
  const card = healthChangeCard({ previous: t.previous, report, since: t.previousSince });
  const subs = await deps.subscriptions.list('alerts');
  let alerted = 0;
  for (const s of subs) {
    const to: ConversationRef = { platform: s.platform as Platform, channelId: s.channelId };
    const gateway = deps.gateways[to.platform];
    if (!gateway) continue;
    try {
      await gateway.post(to, card);
      alerted++;
    } catch (err) {
      deps.logger.warn({ err, to: `${s.platform}:${s.channelId}` }, 'health alert not delivered');
    }
  }
  deps.logger.info({ from: t.previous, to: report.status, alerted }, 'service health changed');
  return { status: report.status, changed: true, from: t.previous, alerted };
}
