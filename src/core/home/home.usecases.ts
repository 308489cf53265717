import type { Access, Role } from '../access/roles.ts';
import type { MarginCall } from '../calls/calls.port.ts';
import type { Card } from '../cards/card.model.ts';
import { fourEyesOn, type TrustPolicy } from '../decisions/trust.policy.ts';
import type { AnalyticsRepository, PendingItem, RecentDigest } from '../digest/analytics.port.ts';
import type { ConversationRef } from '../ports/chat.ports.ts';
import type { HealthReport, HealthSource } from '../ports/health.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import { homeCard } from './home.cards.ts';

/** How many reports My queue lists with buttons, and how many calls and digests it shows. */
const QUEUE_LIMIT = 15;
const CALLS_LIMIT = 10;
const DIGESTS_LIMIT = 3;

export interface HomeDeps {
  access: Access;
  repos: Pick<Repositories, 'reports' | 'calls' | 'settings'>;
  analytics: Pick<AnalyticsRepository, 'pendingWithThreads' | 'recentDigests'>;
  health: HealthSource;
  trust?: TrustPolicy | undefined;
  now?: () => Date;
}

export interface HomeRequest {
  user: string;
  /**
   * Where the home is drawn. Slack App Home has no channel (`channelId: ''`); a Teams personal chat is
   * its conversation. `private` unless it is posted where others read it (a Teams channel).
   */
  conversation: Pick<ConversationRef, 'platform' | 'channelId'>;
  surface: 'private' | 'conversation';
  /** A link to a conversation, where the platform has one (Slack channels): the digests link there. */
  linkTo?: ((c: Pick<ConversationRef, 'platform' | 'channelId'>) => string | undefined) | undefined;
}

export interface QueueItem extends PendingItem {
  /** False where four-eyes keeps the viewer from approving their own upload: Open only. */
  mayApprove: boolean;
}

/** What a person's home shows; home.cards.ts draws it, each adapter renders the card. */
export interface HomeModel {
  user: string;
  role: Role;
  decides: boolean;
  queue: { items: QueueItem[]; total: number };
  calls: MarginCall[];
  health: Pick<HealthReport, 'status' | 'checks'> | undefined;
  digests: (RecentDigest & { links: { key: string; url: string | undefined }[] })[];
  now: Date;
}

/**
 * Issue 17 item 4: the viewing user's home (Slack App Home, the Teams personal home card). My queue
 * is the reports waiting for *their* approval, oldest first: only approvers and admins have one; it
 * holds what their scope shows on this surface (issue 18), and under four-eyes their own uploads stay
 * in it with Open but without Approve. Then the outstanding margin calls they may see, the service
 * status and the last digests. A failure of one part leaves that part out, never the whole home.
 */
export async function homeModel(deps: HomeDeps, req: HomeRequest): Promise<HomeModel> {
  const now = (deps.now ?? (() => new Date()))();
  const scope = await deps.access.scopeFor({ user: req.user, conversation: req.conversation, surface: req.surface });
  const [role, decides] = await Promise.all([deps.access.roleOf(req.user), deps.access.can(req.user, 'approve')]);
  const [pending, calls, health, digests, fourEyes] = await Promise.all([
    decides ? deps.analytics.pendingWithThreads(QUEUE_LIMIT, scope) : { items: [], total: 0 },
    deps.repos.calls.outstanding(CALLS_LIMIT, scope).catch(() => []),
    deps.health.check().catch(() => undefined),
    deps.analytics.recentDigests(DIGESTS_LIMIT).catch(() => []),
    fourEyesOn(deps.repos, deps.trust ?? { fourEyes: true }),
  ]);
  const uploaders = await Promise.all(
    pending.items.map(async (i) => (await deps.repos.reports.findById(i.id))?.createdBy ?? null),
  );
  const items = pending.items.map((i, n) => ({ ...i, mayApprove: !(fourEyes && uploaders[n] === req.user) }));
  return {
    user: req.user,
    role,
    decides,
    queue: { items, total: pending.total },
    calls,
    health: health && { status: health.status, checks: health.checks },
    digests: digests.map((d) => ({
      ...d,
      links: d.posted
        .map((key) => {
          const at = key.indexOf(':');
          return { key, platform: key.slice(0, at), channelId: key.slice(at + 1) };
        })
        .filter((c) => c.platform === req.conversation.platform)
        .map((c) => ({
          key: c.key,
          url: req.linkTo?.({ platform: c.platform as ConversationRef['platform'], channelId: c.channelId }),
        })),
    })),
    now,
  };
}

export const buildHome = async (deps: HomeDeps, req: HomeRequest): Promise<Card> =>
  homeCard(await homeModel(deps, req));
