import type { ServerResponse } from 'node:http';
import type { ConsoleMessage } from './console.gateway.ts';

const HEARTBEAT_MS = 20_000;

/**
 * The page's live view of the console's channel: each browser gets a snapshot of what its user may
 * see, then every new or changed message, over Server-Sent Events.
 */
export function createConsoleStream(messages: ConsoleMessage[]) {
  const streams = new Set<{ user: string; res: ServerResponse }>();

  const visible = (m: ConsoleMessage, user: string) => !m.visibleTo || m.visibleTo === user;

  const send = (res: ServerResponse, event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const publish = (m: ConsoleMessage) => {
    for (const s of streams) if (visible(m, s.user)) send(s.res, 'message', m);
  };

  return {
    visible,
    publish,
    attach(user: string, res: ServerResponse, hello: Record<string, unknown>): void {
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
    closeAll(): void {
      for (const s of streams) s.res.end();
      streams.clear();
    },
  };
}
