import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toAppError } from '../core/errors.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Route } from '../platforms/platform.ts';

export interface HttpServer {
  server: Server;
  url: string;
  /** Stop taking requests; in-flight ones finish. */
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function match(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find(
    (r) =>
      (r.method === method || (method === 'HEAD' && r.method === 'GET')) &&
      (r.path === path || (r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)))),
  );
}

/** One node:http server for every platform route, health, metrics and the console. */
export async function startHttpServer(opts: {
  host: string;
  port: number;
  routes: Route[];
  logger: Logger;
  metrics: Metrics;
}): Promise<HttpServer> {
  const requests = opts.metrics.counter('http_requests_total', 'HTTP requests by route and status');
  const duration = opts.metrics.histogram('http_request_duration_seconds', 'HTTP request duration by route');
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = match(opts.routes, req.method ?? 'GET', path);
    const label = route?.path ?? 'unmatched';
    const log = opts.logger.child({ reqId: randomUUID(), method: req.method, path });
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      requests.inc({ route: label, status: res.statusCode });
      duration.observe({ route: label }, seconds);
      log.debug({ status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    if (!route) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    // The error boundary of every HTTP entry point.
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        const e = toAppError(err);
        log.error({ err: e, code: e.code }, 'request failed');
        if (res.headersSent) {
          res.end();
          return;
        }
        const status = e.code === 'store.unavailable' ? 503 : e.permanent ? 400 : 500;
        sendJson(res, status, {
          error: e.code,
          message: e.code === 'internal' ? 'Something went wrong on our side; it has been logged.' : e.message,
        });
      });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Long-lived streams (console SSE) would hold the close open forever.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
