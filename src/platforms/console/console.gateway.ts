import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Card } from '../../core/cards/card.model.ts';
import type { ChatGateway, ConversationRef, PostedMessage } from '../../core/ports.ts';
import { renderCard, renderFile, renderText } from './console.cards.ts';

/** One message of the console's channel, as the page receives it. */
export interface ConsoleMessage {
  id: string;
  at: string;
  updatedAt?: string;
  /** 'bot', or the platform-qualified user who wrote it. */
  from: string;
  channelId: string;
  threadRef?: string;
  /** Set for ephemeral messages: only this user receives them. */
  visibleTo?: string;
  card?: Card;
  text?: string;
  file?: { url: string; name: string; contentType: string; size: number };
  html: string;
}

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
  /** A message written by a console user (an upload, a command they typed). */
  postFromUser(
    user: string,
    to: ConversationRef,
    text: string,
    opts?: { visibleTo?: string; html?: string },
  ): ConsoleMessage;
  /** A file in the channel (or for one user): served from memory at /console/files/<id>. */
  attachFile(to: ConversationRef, file: OutgoingFile, visibleTo?: string): ConsoleMessage;
  list(user: string): ConsoleMessage[];
  file(id: string): StoredFile | undefined;
  /** Streams the user's view of the channel to one browser: a snapshot, then every change. */
  attach(user: string, res: ServerResponse, hello: Record<string, unknown>): void;
  closeAll(): void;
}

// Enough history for a demo session; older messages and files fall off so memory stays bounded.
const MAX_MESSAGES = 500;
const MAX_FILE_BYTES_TOTAL = 64 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;

/**
 * The console's chat "platform": messages live in this process and reach browsers over
 * Server-Sent Events. A page reload gets the whole channel again from the snapshot.
 */
export function createConsoleGateway(opts: { now?: () => Date } = {}): ConsoleGateway {
  const now = () => (opts.now ?? (() => new Date()))().toISOString();
  const messages: ConsoleMessage[] = [];
  const files = new Map<string, StoredFile>();
  let fileBytes = 0;
  const streams = new Set<{ user: string; res: ServerResponse }>();

  const visible = (m: ConsoleMessage, user: string) => !m.visibleTo || m.visibleTo === user;

  const send = (res: ServerResponse, event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const publish = (m: ConsoleMessage) => {
    for (const s of streams) if (visible(m, s.user)) send(s.res, 'message', m);
  };

  const add = (m: ConsoleMessage) => {
    messages.push(m);
    if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
    publish(m);
    return m;
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
    return add({
      id: randomUUID(),
      at: now(),
      from: 'bot',
      channelId: to.channelId,
      ...(to.threadRef ? { threadRef: to.threadRef } : {}),
      ...(visibleTo ? { visibleTo } : {}),
      text,
      file: link,
      html: renderText(text) + renderFile(link),
    });
  };

  return {
    platform: 'console',
    async post(to, card): Promise<PostedMessage> {
      return { messageRef: add(botMessage(to, card)).id };
    },
    async update(to, messageRef, card) {
      const i = messages.findIndex((m) => m.id === messageRef);
      const existing = messages[i];
      if (i < 0 || !existing) {
        // Not in memory (the process restarted since "reading…"): show it as a message under the same id.
        add({ ...botMessage(to, card), id: messageRef });
        return;
      }
      const updated: ConsoleMessage = { ...existing, card, html: renderCard(card), updatedAt: now() };
      messages[i] = updated;
      publish(updated);
    },
    async postEphemeral(to, userId, card) {
      add(botMessage(to, card, { visibleTo: userId }));
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
    file: (id) => files.get(id),
    attach(user, res, hello) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Tells EventSource how long to wait before reconnecting after the server goes away.
      res.write('retry: 2000\n\n');
      send(res, 'hello', hello);
      send(
        res,
        'snapshot',
        messages.filter((m) => visible(m, user)),
      );
      const stream = { user, res };
      streams.add(stream);
      const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      beat.unref();
      res.on('close', () => {
        clearInterval(beat);
        streams.delete(stream);
      });
    },
    closeAll() {
      for (const s of streams) s.res.end();
      streams.clear();
    },
  };
}
