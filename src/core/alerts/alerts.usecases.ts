import { marginCallAlertCard } from '../cards/report.cards.ts';
import { hasCall } from '../cards/report.fields.ts';
import type { ConversationRef, GatewayRegistry } from '../ports/chat.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';

export interface AlertDeps {
  repos: Pick<Repositories, 'events'>;
  gateways: GatewayRegistry;
  logger: { warn(o: object, m?: string): void };
  /** Channels subscribed to alerts (`/margin subscribe alerts`), beside the upload's own conversation. */
  alertChannels?: () => Promise<ConversationRef[]>;
}

/**
 * Margin-call alerts: every report that shows a call or a deficit is announced once in the
 * conversation it came from and in each alert channel. Called by ingest (new reports) and by
 * decisions (an edit that turns a report into a call).
 */
export async function alertCalls(deps: AlertDeps, origin: ConversationRef, reports: Report[]): Promise<void> {
  const calls = reports.filter((r) => hasCall(r.extracted));
  if (calls.length === 0) return;
  const targets: ConversationRef[] = [{ platform: origin.platform, channelId: origin.channelId }];
  for (const extra of (await deps.alertChannels?.()) ?? []) {
    if (!targets.some((t) => t.platform === extra.platform && t.channelId === extra.channelId)) targets.push(extra);
  }
  for (const r of calls) {
    for (const to of targets) {
      // Claimed before posting: a rerun after a crash never posts the same alert twice.
      if (!(await deps.repos.events.claim(`alert:${r.id}:${to.platform}:${to.channelId}`))) continue;
      await deps.gateways[to.platform]
        ?.post({ platform: to.platform, channelId: to.channelId }, marginCallAlertCard(r))
        .catch((err: unknown) => {
          deps.logger.warn({ err, reportId: r.id }, 'margin call alert not delivered');
        });
    }
  }
}
