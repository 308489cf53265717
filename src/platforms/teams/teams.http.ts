import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import type { Route } from '../platform.ts';

// Activities are small; a card-heavy invoke stays well under this.
const MAX_BODY_BYTES = 1024 * 1024;

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined || body === null) {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The address Teams reached us on, for links in messages when PUBLIC_URL is not set. */
export function requestBase(req: IncomingMessage): string | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const host = first(req.headers['x-forwarded-host']) ?? first(req.headers.host);
  if (!host) return undefined;
  const proto =
    first(req.headers['x-forwarded-proto']) ?? ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  return `${proto}://${host}`;
}

/**
 * The Teams SDK keeps the protocol (JWT validation, activity routing, invoke responses) apart from
 * the HTTP framework: it registers pure `{ body, headers } → { status, body }` handlers on an
 * adapter. This adapter hands them to MarginIQ's one node:http server as routes, instead of the
 * SDK's own Express server on a second port.
 */
export function createRouteAdapter(opts: { onRequest?: (req: IncomingMessage) => void } = {}) {
  const handlers = new Map<string, HttpRouteHandler>();
  const adapter: IHttpServerAdapter = {
    registerRoute(method, path, handler) {
      handlers.set(`${method} ${path}`, handler);
    },
  };

  function route(path: string): Route {
    return {
      method: 'POST',
      path,
      async handler(req, res) {
        const handler = handlers.get(`POST ${path}`);
        if (!handler) {
          reply(res, 503, { error: 'not_ready' });
          return;
        }
        const raw = await readBody(req);
        if (!raw) {
          reply(res, 413, { error: 'too_large' });
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          reply(res, 400, { error: 'bad_json' });
          return;
        }
        if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
          reply(res, 400, { error: 'not_an_activity' });
          return;
        }
        opts.onRequest?.(req);
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
        const out = await handler({ body, headers });
        reply(res, out.status, out.body);
      },
    };
  }

  return { adapter, route };
}
