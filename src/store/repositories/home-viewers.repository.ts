import type { HomeViewer, HomeViewerKey, HomeViewersRepository } from '../../core/home/home.port.ts';
import type { Platform } from '../../core/ports/chat.ports.ts';
import type { Queryable } from '../db.ts';

interface Row {
  platform: string;
  user_id: string;
  channel_id: string;
  surface: 'private' | 'conversation';
  message_ref: string | null;
  seen_at: Date | string;
}

const COLUMNS = 'platform, user_id, channel_id, surface, message_ref, seen_at';

const viewerOf = (r: Row): HomeViewer => ({
  platform: r.platform as Platform,
  user: r.user_id,
  channelId: r.channel_id,
  surface: r.surface,
  messageRef: r.message_ref,
  seenAt: r.seen_at instanceof Date ? r.seen_at.toISOString() : String(r.seen_at),
});

/** Issue 17: where homes were drawn, and which wait to be drawn again (analytics.home_viewers). */
export function createHomeViewersRepository(db: Queryable): HomeViewersRepository {
  return {
    async seen(v) {
      await db.query(
        `insert into analytics.home_viewers (platform, user_id, channel_id, surface, message_ref, seen_at)
         values ($1, $2, $3, $4, $5, now())
         on conflict (platform, user_id, channel_id) do update
           set surface = excluded.surface, message_ref = excluded.message_ref, seen_at = now()`,
        [v.platform, v.user, v.channelId, v.surface, v.messageRef],
      );
    },
    async recent(since, limit) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.home_viewers where seen_at >= $1 order by seen_at desc limit $2`,
        [since, limit],
      );
      return rows.map(viewerOf);
    },
    async markDue(keys: HomeViewerKey[]) {
      if (keys.length === 0) return 0;
      const rows = await db.query<{ n: number }>(
        `with marked as (
           update analytics.home_viewers h set due_at = coalesce(h.due_at, now())
           from unnest($1::text[], $2::text[], $3::text[]) as k(platform, user_id, channel_id)
           where h.platform = k.platform and h.user_id = k.user_id and h.channel_id = k.channel_id
           returning 1)
         select count(*)::int as n from marked`,
        [keys.map((k) => k.platform), keys.map((k) => k.user), keys.map((k) => k.channelId)],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async takeDue(limit) {
      // One statement: a mark is cleared by exactly one taker, whichever replica it runs on.
      const rows = await db.query<Row>(
        `update analytics.home_viewers h set due_at = null, drawn_at = now()
         from (select platform, user_id, channel_id from analytics.home_viewers
               where due_at is not null order by due_at limit $1 for update skip locked) t
         where h.platform = t.platform and h.user_id = t.user_id and h.channel_id = t.channel_id
         returning h.platform, h.user_id, h.channel_id, h.surface, h.message_ref, h.seen_at`,
        [limit],
      );
      return rows.map(viewerOf);
    },
    async forget(key) {
      await db.query('delete from analytics.home_viewers where platform = $1 and user_id = $2 and channel_id = $3', [
        key.platform,
        key.user,
        key.channelId,
      ]);
    },
  };
}
