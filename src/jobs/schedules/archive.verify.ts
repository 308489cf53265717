import { archiveAlertCard } from '../../core/ops/archive.cards.ts';
import { type ArchiveCheckDeps, archiveFailed, verifyArchive } from '../../core/ops/archive.check.ts';
import type { SubscriptionsRepository } from '../../core/ports/access.ports.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../../core/ports/chat.ports.ts';
import type { EventsRepository } from '../../core/ports/conversation.ports.ts';

/** Mondays 06:00 (DIGEST_TZ): before the weekly digest at 08:00, which reports the result. */
export const ARCHIVE_CHECK_CRON = '0 6 * * 1';

export interface ArchiveVerifyDeps extends ArchiveCheckDeps {
  events: Pick<EventsRepository, 'claim'>;
  subscriptions: Pick<SubscriptionsRepository, 'list'>;
  gateways: GatewayRegistry;
  logger: { warn(o: object, m?: string): void };
}

/**
 * The weekly archive verification: checks every stored PDF, records the result, and posts a failure
 * to the alert channels. The run coordinator gives each fire to one replica; the claim on (check,
 * channel) keeps a re-run of the posting from alerting a channel twice.
 */
export async function runArchiveVerify(deps: ArchiveVerifyDeps) {
  const check = await verifyArchive(deps);
  const result = {
    check: check.id,
    checked: check.checked,
    missing: check.missing.length,
    changed: check.changed.length,
  };
  if (!archiveFailed(check)) return { ...result, alerted: 0 };
  const card = archiveAlertCard(check);
  let alerted = 0;
  for (const s of await deps.subscriptions.list('alerts')) {
    const to: ConversationRef = { platform: s.platform as Platform, channelId: s.channelId };
    const gateway = deps.gateways[to.platform];
    if (!gateway) continue;
    if (!(await deps.events.claim(`archive-check:${check.id}:${to.platform}:${to.channelId}`))) continue;
    try {
      await gateway.post(to, card);
      alerted++;
    } catch (err) {
      deps.logger.warn({ err, to: `${to.platform}:${to.channelId}` }, 'archive check alert not delivered');
    }
  }
  return { ...result, alerted };
}
