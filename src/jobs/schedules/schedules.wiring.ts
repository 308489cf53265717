import type { Config } from '../../config/config.ts';
import type { Digests } from '../../core/digest/digest.usecases.ts';
import type { GatewayRegistry } from '../../core/ports/chat.ports.ts';
import type { JobQueue } from '../../core/ports/extraction.ports.ts';
import type { HealthSource } from '../../core/ports/health.ports.ts';
import { sha256 } from '../../store/files/local.storage.ts';
import type { Store } from '../../store/store.open.ts';
import { type ScheduleDeps, type Schedules, startSchedules } from './schedules.ts';

/**
 * The service's schedules, wired from its configuration and the store: the daily digest on DIGEST_CRON,
 * the archive check over file storage, pending-report reminders on REMIND_AFTER / ESCALATE_AFTER.
 */
export function startServiceSchedules(
  config: Pick<Config, 'digest' | 'admins' | 'reminders'>,
  deps: Pick<Store, 'repos' | 'ops' | 'storage'> & {
    replica: string;
    digests: Pick<Digests, 'targets' | 'postDaily' | 'postWeekly'>;
    health: HealthSource;
    queue: Pick<JobQueue, 'enqueueIngestion'>;
    gateways: GatewayRegistry;
    logger: ScheduleDeps['logger'];
  },
): Schedules {
  const { repos, ops, storage } = deps;
  return startSchedules({
    replica: deps.replica,
    digest: config.digest,
    digests: deps.digests,
    health: deps.health,
    repos,
    calls: repos,
    archive: { ops, storage, hash: sha256, events: repos.events },
    reminders: { repos, admins: config.admins, policy: config.reminders },
    queue: deps.queue,
    gateways: deps.gateways,
    logger: deps.logger,
  });
}
