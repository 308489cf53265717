import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Card } from '../../core/cards/card.model.ts';
import { isAppError } from '../../core/errors.ts';
import type { ChatGateway, ConversationRef, PostedMessage } from '../../core/ports/chat.ports.ts';
import type { ConsoleMessagesRepository, ConsoleRecord } from '../../core/ports/conversation.ports.ts';
import type { FileStorage } from '../../core/ports/files.ports.ts';
import { renderCard, renderFile, renderText } from './console.cards.ts';
import { createConsoleStream } from './console.stream.ts';

/** One message of the console's channel, as the page receives it (and as the database keeps it). */
export type ConsoleMessage = ConsoleRecord;

interface OutgoingFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  title?: string;
  comment?: string;
}

interface StoredFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ConsoleGateway extends ChatGateway {
  /** postEphemeral that returns the message, for its id (a home message, drawn again in place: issue 17). */
  postPrivately(to: ConversationRef, userId: string, card: Card): ConsoleMessage;
  /** A message written by a console user (an upload, a command they typed). */
  postFromUser(
    user: string,
    to: ConversationRef,
    text: string,
    opts?: { visibleTo?: string; html?: string },
  ): ConsoleMessage;
  /**
   * A file in the channel (or for one user), served at /console/files/<id>: from memory while this
   * process holds it, and (issue 17) from file storage once its message is in the database, so the
   * link still works after a restart or when another process (a worker) posted it.
   */
  attachFile(to: ConversationRef, file: OutgoingFile, visibleTo?: string): ConsoleMessage;
  list(user: string): ConsoleMessage[];
  file(id: string): Promise<StoredFile | undefined>;
  /** Streams the user's view of the channel to one browser: a snapshot, then every change. */
  attach(user: string, res: ServerResponse, hello: Record<string, unknown>): void;
  closeAll(): void;
  /** Issue 17: reads the channel's history back from the database (on start, after a restart). */
  load(channelId: string): Promise<void>;
  /** Issue 17: takes in what other processes (a `marginiq worker`) wrote since the last look, and shows it. */
  sync(): Promise<void>;
  /** Waits for every message written so far to be in the database. */
  flush(): Promise<void>;
}

// Enough history for a demo session; older messages and files fall off so memory stays bounded.
const MAX_MESSAGES = 500;
const MAX_FILE_BYTES_TOTAL = 64 * 1024 * 1024;

/**
 * The console's chat "platform": messages reach browsers over Server-Sent Events; a page reload gets
 * the whole channel again from the snapshot. Issue 17: with a history (the database), every message
 * is also written there, in order, so a restart reads the channel back and a worker process's
 * summary reaches the page (`sync`); the process keeps the last messages in memory for the page.
 */
export function createConsoleGateway(
  opts: {
    now?: () => Date;
    history?: ConsoleMessagesRepository | undefined;
    /** Issue 17: where files' bytes are kept (DATA_DIR/files or Supabase), beside the uploaded PDFs. */
    storage?: FileStorage | undefined;
    logger?: { warn(o: object, m?: string): void } | undefined;
  } = {},
): ConsoleGateway {
  const now = () => (opts.now ?? (() => new Date()))().toISOString();
  const { history } = opts;
  const messages: ConsoleMessage[] = [];
  /** The rev this process wrote each message at: its own writes are not shown twice by `sync`. */
  const written = new Map<string, number>();
  let seenRev = 0;
  // One write at a time, in the order the messages were made: an update never lands before its post.
  let writes: Promise<unknown> = Promise.resolve();
  const persist = (what: string, write: (h: ConsoleMessagesRepository) => Promise<void>) => {
    if (!history) return Promise.resolve();
    const next = writes.then(() =>
      write(history).catch((err: unknown) => opts.logger?.warn({ err }, `console message not stored (${what})`)),
    );
    writes = next;
    return next;
  };
  const remember = (id: string, rev: number | undefined) => {
    if (rev === undefined) return;
    written.set(id, rev);
    if (written.size > MAX_MESSAGES * 2) written.delete(written.keys().next().value as string);
  };
  const files = new Map<string, StoredFile>();
  let fileBytes = 0;
  const { visible, publish, attach, closeAll } = createConsoleStream(messages);

  const keep = (m: ConsoleMessage) => {
    messages.push(m);
    if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
  };
  const add = (m: ConsoleMessage) => {
    keep(m);
    publish(m);
    void persist('add', async (h) => remember(m.id, await h.add(m)));
    return m;
  };
  /** A message as stored: its card drawn again by this process's renderer. */
  const drawn = (r: ConsoleRecord & { rev?: number }): ConsoleMessage => {
    const { rev: _rev, ...m } = r;
    return m.card ? { ...m, html: renderCard(m.card) } : m;
  };

  const storeFile = (f: StoredFile) => {
    const id = randomUUID();
    files.set(id, f);
    fileBytes += f.bytes.byteLength;
    for (const [key, old] of files) {
      if (fileBytes <= MAX_FILE_BYTES_TOTAL || key === id) break;
      files.delete(key);
      fileBytes -= old.bytes.byteLength;
    }
    return { url: `/console/files/${id}`, name: f.name, contentType: f.contentType, size: f.bytes.byteLength };
  };

  const botMessage = (to: ConversationRef, card: Card, extra: Partial<ConsoleMessage> = {}): ConsoleMessage => ({
    id: randomUUID(),
    at: now(),
    from: 'bot',
    channelId: to.channelId,
    ...(to.threadRef ? { threadRef: to.threadRef } : {}),
    card,
    html: renderCard(card),
    ...extra,
  });

  const attachFile = (to: ConversationRef, file: OutgoingFile, visibleTo?: string): ConsoleMessage => {
    const link = storeFile({ name: file.name, contentType: file.contentType, bytes: file.bytes });
    const title = file.title ?? file.name;
    const text = file.comment ? `${title} — ${file.comment}` : title;
    const m: ConsoleMessage = {
      id: randomUUID(),
      at: now(),
      from: 'bot',
      channelId: to.channelId,
      ...(to.threadRef ? { threadRef: to.threadRef } : {}),
      ...(visibleTo ? { visibleTo } : {}),
      text,
      file: link,
      html: renderText(text) + renderFile(link),
    };
    const { storage } = opts;
    if (!history || !storage) return add(m);
    keep(m);
    publish(m);
    // The bytes go to file storage first, then the message with their key: whoever reads the message
    // from the database (this process after a restart, the page's process for a worker) can serve it.
    void persist('file', async (h) => {
      const extension = /\.([a-z0-9]{1,8})$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'bin';
      try {
        const { key } = await storage.put(file.bytes, { contentType: file.contentType, extension });
        if (m.file) m.file.key = key;
      } catch (err) {
        opts.logger?.warn({ err, file: file.name }, 'console file not stored: its link lasts while this process runs');
      }
      remember(m.id, await h.add(m));
    });
    return m;
  };

  return {
    platform: 'console',
    async post(to, card): Promise<PostedMessage> {
      const m = add(botMessage(to, card));
      // In the database before anyone (a worker) may update it.
      await writes;
      return { messageRef: m.id };
    },
    async update(to, messageRef, card) {
      const i = messages.findIndex((m) => m.id === messageRef);
      const existing = messages[i];
      const at = now();
      const html = renderCard(card);
      if (i < 0 || !existing) {
        // Not in this process's memory (a worker process, or an old message): the database has it, or
        // it is shown as a new message under the same id.
        const fresh: ConsoleMessage = { ...botMessage(to, card), id: messageRef, updatedAt: at };
        if (!history) {
          add(fresh);
          return;
        }
        keep(fresh);
        publish(fresh);
        await persist('update', async (h) =>
          remember(messageRef, (await h.update(messageRef, { card, html, updatedAt: at })) ?? (await h.add(fresh))),
        );
        return;
      }
      const updated: ConsoleMessage = { ...existing, card, html, updatedAt: at };
      messages[i] = updated;
      publish(updated);
      await persist('update', async (h) =>
        remember(messageRef, await h.update(messageRef, { card, html, updatedAt: at })),
      );
    },
    async postEphemeral(to, userId, card) {
      add(botMessage(to, card, { visibleTo: userId }));
    },
    postPrivately: (to, userId, card) => add(botMessage(to, card, { visibleTo: userId })),
    /**
     * Issue 17: a person's home message, drawn again in place. Held here: updated as any message (it
     * keeps who may see it). Not held (a worker, an old message): changed in the database only, where
     * it keeps its reader, and the page's process shows it on its next sync.
     */
    async refreshHome(home, card) {
      if (!home.messageRef) return 'gone';
      const to: ConversationRef = { platform: 'console', channelId: home.channelId };
      if (messages.some((m) => m.id === home.messageRef)) {
        await this.update(to, home.messageRef, card);
        return 'drawn';
      }
      if (!history) return 'gone';
      const rev = await history.update(home.messageRef, { card, html: renderCard(card), updatedAt: now() });
      return rev === undefined ? 'gone' : 'drawn';
    },
    async uploadFile(to, file) {
      attachFile(to, file);
    },
    attachFile,
    postFromUser(user, to, text, o = {}) {
      return add({
        id: randomUUID(),
        at: now(),
        from: user,
        channelId: to.channelId,
        ...(o.visibleTo ? { visibleTo: o.visibleTo } : {}),
        text,
        html: o.html ?? renderText(text),
      });
    },
    list: (user) => messages.filter((m) => visible(m, user)),
    async file(id) {
      const held = files.get(id);
      if (held) return held;
      const url = `/console/files/${id}`;
      const f = messages.find((m) => m.file?.url === url)?.file;
      if (!f?.key || !opts.storage) return undefined;
      try {
        return { name: f.name, contentType: f.contentType, bytes: await opts.storage.get(f.key) };
      } catch (err) {
        if (isAppError(err) && err.code === 'storage.not_found') return undefined;
        throw err;
      }
    },
    attach,
    closeAll,
    async load(channelId) {
      if (!history) return;
      const { messages: stored, rev } = await history.recent(channelId, MAX_MESSAGES);
      const here = new Set(messages.map((m) => m.id));
      messages.unshift(...stored.filter((m) => !here.has(m.id)).map(drawn));
      if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
      seenRev = Math.max(seenRev, rev);
    },
    async sync() {
      if (!history) return;
      for (;;) {
        const changed = await history.changedSince(seenRev, 200);
        for (const r of changed) {
          seenRev = Math.max(seenRev, r.rev);
          if (written.get(r.id) === r.rev) continue;
          const m = drawn(r);
          const i = messages.findIndex((x) => x.id === m.id);
          if (i >= 0) messages[i] = m;
          else keep(m);
          publish(m);
        }
        if (changed.length < 200) return;
      }
    },
    flush: async () => {
      await writes;
    },
  };
}
