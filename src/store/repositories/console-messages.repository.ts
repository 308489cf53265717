import type { Card } from '../../core/cards/card.model.ts';
import type { ConsoleMessagesRepository, ConsoleRecord } from '../../core/ports/conversation.ports.ts';
import type { Queryable } from '../db.ts';

interface Row {
  id: string;
  channel_id: string;
  thread_ref: string | null;
  from_user: string;
  visible_to: string | null;
  card: Card | string | null;
  body: string | null;
  html: string;
  file: NonNullable<ConsoleRecord['file']> | string | null;
  at: Date | string;
  updated_at: Date | string | null;
  rev: string | number;
}

const COLUMNS = 'id, channel_id, thread_ref, from_user, visible_to, card, body, html, file, at, updated_at, rev';
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const json = <T>(v: T | string | null): T | undefined =>
  v === null ? undefined : typeof v === 'string' ? (JSON.parse(v) as T) : v;

function fromRow(r: Row): ConsoleRecord & { rev: number } {
  const card = json<Card>(r.card);
  const file = json<NonNullable<ConsoleRecord['file']>>(r.file);
  return {
    id: r.id,
    channelId: r.channel_id,
    ...(r.thread_ref ? { threadRef: r.thread_ref } : {}),
    from: r.from_user,
    ...(r.visible_to ? { visibleTo: r.visible_to } : {}),
    ...(card ? { card } : {}),
    ...(r.body !== null ? { text: r.body } : {}),
    html: r.html,
    ...(file ? { file } : {}),
    at: iso(r.at),
    ...(r.updated_at ? { updatedAt: iso(r.updated_at) } : {}),
    rev: Number(r.rev),
  };
}

/** The console's conversation (issue 17, migration 014). */
export function createConsoleMessagesRepository(db: Queryable): ConsoleMessagesRepository {
  return {
    async add(m) {
      const [row] = await db.query<{ rev: string | number }>(
        `insert into analytics.console_messages (id, channel_id, thread_ref, from_user, visible_to, card, body, html, file, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (id) do update set card = excluded.card, body = excluded.body, html = excluded.html,
           updated_at = now(), rev = nextval('analytics.console_messages_rev')
         returning rev`,
        [
          m.id,
          m.channelId,
          m.threadRef ?? null,
          m.from,
          m.visibleTo ?? null,
          m.card ? JSON.stringify(m.card) : null,
          m.text ?? null,
          m.html,
          m.file ? JSON.stringify(m.file) : null,
          m.at,
        ],
      );
      return Number(row?.rev ?? 0);
    },
    async update(id, change) {
      const [row] = await db.query<{ rev: string | number }>(
        `update analytics.console_messages set card = $2, html = $3, updated_at = $4,
           rev = nextval('analytics.console_messages_rev')
         where id = $1 returning rev`,
        [id, JSON.stringify(change.card), change.html, change.updatedAt],
      );
      return row ? Number(row.rev) : undefined;
    },
    async recent(channelId, limit) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from (
           select ${COLUMNS} from analytics.console_messages where channel_id = $1 order by at desc, rev desc limit $2
         ) last order by at, rev`,
        [channelId, limit],
      );
      const [top] = await db.query<{ rev: string | number | null }>(
        'select max(rev) as rev from analytics.console_messages',
      );
      return { messages: rows.map(fromRow), rev: Number(top?.rev ?? 0) };
    },
    async changedSince(rev, limit) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.console_messages where rev > $1 order by rev limit $2`,
        [rev, limit],
      );
      return rows.map(fromRow);
    },
  };
}
