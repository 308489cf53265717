import type { Platform } from '../../core/ports/chat.ports.ts';
import type { OutgoingFile, OutgoingFilesRepository } from '../../core/ports/files.ports.ts';
import type { Queryable } from '../db.ts';

interface Row {
  token: string;
  platform: string;
  channel_id: string;
  thread_ref: string | null;
  file_key: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  title: string | null;
  comment: string | null;
  expires_at: Date | string;
}

const COLUMNS =
  'token, platform, channel_id, thread_ref, file_key, file_name, content_type, size_bytes, title, comment, expires_at';

const toFile = (r: Row): OutgoingFile => ({
  token: r.token,
  to: { platform: r.platform as Platform, channelId: r.channel_id, threadRef: r.thread_ref ?? undefined },
  fileKey: r.file_key,
  name: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  title: r.title ?? undefined,
  comment: r.comment ?? undefined,
  expiresAt: new Date(r.expires_at),
});

export function createOutgoingFilesRepository(db: Queryable): OutgoingFilesRepository {
  return {
    async save(f) {
      await db.query(
        `insert into analytics.outgoing_files (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          f.token,
          f.to.platform,
          f.to.channelId,
          f.to.threadRef ?? null,
          f.fileKey,
          f.name,
          f.contentType,
          f.sizeBytes,
          f.title ?? null,
          f.comment ?? null,
          f.expiresAt.toISOString(),
        ],
      );
    },
    async get(token, now = new Date()) {
      const rows = await db.query<Row>(
        `select ${COLUMNS} from analytics.outgoing_files where token = $1 and expires_at > $2`,
        [token, now.toISOString()],
      );
      return rows[0] ? toFile(rows[0]) : null;
    },
    async take(token, now = new Date()) {
      const rows = await db.query<Row>(`delete from analytics.outgoing_files where token = $1 returning ${COLUMNS}`, [
        token,
      ]);
      const f = rows[0] ? toFile(rows[0]) : null;
      return f && f.expiresAt > now ? f : null;
    },
    async prune(now = new Date()) {
      const rows = await db.query('delete from analytics.outgoing_files where expires_at <= $1 returning token', [
        now.toISOString(),
      ]);
      return rows.length;
    },
  };
}
