import type { Role } from '../../core/access/roles.ts';
import type {
  RiskChannelsRepository,
  RoleGrant,
  RolesRepository,
  Subscription,
  SubscriptionsRepository,
} from '../../core/ports/access.ports.ts';
import type { ConversationsRepository, EventsRepository } from '../../core/ports/conversation.ports.ts';
import type { Queryable } from '../db.ts';

interface RoleRow {
  platform_user: string;
  role: Role;
}

/** A user_roles row as core's RoleGrant. */
const toRoleGrant = (r: RoleRow): RoleGrant => ({ user: r.platform_user, role: r.role });

interface SubscriptionRow {
  platform: string;
  channel_id: string;
}

/** A subscriptions row as core's Subscription. */
const toSubscription = (r: SubscriptionRow): Subscription => ({ platform: r.platform, channelId: r.channel_id });

export function createRolesRepository(db: Queryable): RolesRepository {
  return {
    async get(user: string) {
      const rows = await db.query<{ role: Role }>('select role from analytics.user_roles where platform_user = $1', [
        user,
      ]);
      return rows[0]?.role;
    },
    async set(user: string, role: Role, by: string) {
      await db.query(
        `insert into analytics.user_roles (platform_user, role, granted_by) values ($1, $2, $3)
         on conflict (platform_user) do update set role = excluded.role, granted_by = excluded.granted_by, granted_at = now()`,
        [user, role, by],
      );
    },
    async list() {
      const rows = await db.query<RoleRow>(
        'select platform_user, role from analytics.user_roles order by platform_user',
      );
      return rows.map(toRoleGrant);
    },
  };
}

export function createSubscriptionsRepository(db: Queryable): SubscriptionsRepository {
  return {
    async subscribe(platform, channelId, kind, by) {
      const rows = await db.query(
        `insert into analytics.subscriptions (platform, channel_id, kind, created_by) values ($1, $2, $3, $4)
         on conflict (platform, channel_id, kind) do nothing returning id`,
        [platform, channelId, kind, by],
      );
      return rows.length > 0;
    },
    async unsubscribe(platform, channelId, kind) {
      const rows = await db.query(
        'delete from analytics.subscriptions where platform = $1 and channel_id = $2 and kind = $3 returning id',
        [platform, channelId, kind],
      );
      return rows.length > 0;
    },
    async list(kind) {
      const rows = await db.query<SubscriptionRow>(
        'select platform, channel_id from analytics.subscriptions where kind = $1 order by created_at',
        [kind],
      );
      return rows.map(toSubscription);
    },
  };
}

export function createRiskChannelsRepository(db: Queryable): RiskChannelsRepository {
  return {
    async isRisk(platform, channelId) {
      const rows = await db.query('select 1 from analytics.risk_channels where platform = $1 and channel_id = $2', [
        platform,
        channelId,
      ]);
      return rows.length > 0;
    },
    async mark(platform, channelId, by) {
      const rows = await db.query(
        `insert into analytics.risk_channels (platform, channel_id, marked_by) values ($1, $2, $3)
         on conflict (platform, channel_id) do nothing returning platform`,
        [platform, channelId, by],
      );
      return rows.length > 0;
    },
    async unmark(platform, channelId) {
      const rows = await db.query(
        'delete from analytics.risk_channels where platform = $1 and channel_id = $2 returning platform',
        [platform, channelId],
      );
      return rows.length > 0;
    },
  };
}

export function createEventsRepository(db: Queryable): EventsRepository {
  return {
    /** True the first time a key is seen; false for a retry or a double click. */
    async claim(key: string) {
      const rows = await db.query(
        'insert into analytics.processed_events (key) values ($1) on conflict do nothing returning key',
        [key],
      );
      return rows.length > 0;
    },
    async begin(key: string, leaseSeconds: number) {
      const rows = await db.query(
        `insert into analytics.processed_events (key, state) values ($1, 'claimed')
         on conflict (key) do update set state = 'claimed', at = now()
           where analytics.processed_events.state = 'claimed'
             and analytics.processed_events.at < now() - ($2::int * interval '1 second')
         returning key`,
        [key, Math.max(1, Math.round(leaseSeconds))],
      );
      return rows.length > 0;
    },
    async finish(key: string) {
      await db.query(`update analytics.processed_events set state = 'done', at = now() where key = $1`, [key]);
    },
    async release(key: string) {
      await db.query(`delete from analytics.processed_events where key = $1 and state = 'claimed'`, [key]);
    },
    async prune(before: Date) {
      const rows = await db.query('delete from analytics.processed_events where at < $1 returning key', [
        before.toISOString(),
      ]);
      return rows.length;
    },
  };
}

export function createConversationsRepository(db: Queryable): ConversationsRepository {
  return {
    async save(platform, conversationId, reference) {
      await db.query(
        `insert into analytics.conversations (platform, conversation_id, reference) values ($1, $2, $3)
         on conflict (platform, conversation_id) do update set reference = excluded.reference, updated_at = now()`,
        [platform, conversationId, JSON.stringify(reference)],
      );
    },
    async get(platform, conversationId) {
      const rows = await db.query<{ reference: unknown }>(
        'select reference from analytics.conversations where platform = $1 and conversation_id = $2',
        [platform, conversationId],
      );
      return rows[0]?.reference;
    },
  };
}
