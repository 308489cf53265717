import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../core/access/roles.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import { toAppError } from '../../core/errors.ts';
import type { RolesRepository } from '../../core/ports/access.ports.ts';
import type { ConsoleMessagesRepository } from '../../core/ports/conversation.ports.ts';
import type { FileStorage } from '../../core/ports/files.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { PlatformAdapter, Route } from '../platform.ts';
import { createConsoleAuth, refuse } from './console.auth.ts';
import { createConsoleGateway } from './console.gateway.ts';
import { CHANNEL, createConsoleHandlers } from './console.handlers.ts';
import { BadRequest, PAGE_HEADERS, sendJson } from './console.http.ts';
import { type StatusSource, statusHandler } from './console.status.ts';

/** The people of the console's user switcher, and the role each one is given on start. */
export const CONSOLE_USERS = { analyst: 'analyst', approver: 'approver', admin: 'admin' } as const satisfies Record<
  string,
  Role
>;
export type ConsoleUserName = keyof typeof CONSOLE_USERS;
export const USER_HEADER = 'x-marginiq-user';
/** The generated statement that ships with the project (`npm run fixtures` writes it). */
export const DEFAULT_SAMPLE_PATH = fileURLToPath(
  new URL('../../../samples/sample-margin-statement.pdf', import.meta.url),
);

export interface ConsoleDeps {
  chat: ChatCore;
  logger: Logger;
  limits: { maxFileBytes: number };
  /** When set, every console route needs it (see console.auth.ts). */
  token?: string | undefined;
  /** Slack or Teams is configured: the console opens only with the token. */
  platformConfigured?: boolean;
  samplePath: string;
  /** False in `marginiq worker`: the gateway exists for the core, but no route is served. */
  serveHttp: boolean;
  /**
   * Where the switcher's approver and admin get their roles on start. Only a user with no role
   * yet is seeded, so `/margin role` changes made later stick.
   */
  roles?: Pick<RolesRepository, 'get' | 'set'>;
  /** The status page's cards (issue 15): health, scoreboard, and for admins the recent problems. */
  status?: StatusSource | undefined;
  /** Issue 17: the conversation in the database: read back on start, shared with worker processes. */
  history?: ConsoleMessagesRepository | undefined;
  /** Issue 17: the files the console posts are kept here (with the history), so links outlive the process. */
  storage?: FileStorage | undefined;
  /** How often the page's process looks for messages other processes wrote (default 1 s). */
  syncEveryMs?: number;
}

const asset = (name: string) => readFileSync(new URL(name, import.meta.url));

/** `console:<name>` from the switcher's name; an unknown name is an analyst, never a privilege. */
export function consoleUser(name: string | null | undefined): string {
  return `console:${name && Object.hasOwn(CONSOLE_USERS, name) ? name : 'analyst'}`;
}

export async function createConsolePlatform(deps: ConsoleDeps): Promise<PlatformAdapter> {
  const gateway = createConsoleGateway({ history: deps.history, storage: deps.storage, logger: deps.logger });
  let syncing: NodeJS.Timeout | undefined;
  const auth = createConsoleAuth(deps.token, { platformConfigured: Boolean(deps.platformConfigured) });
  const handlers = createConsoleHandlers({ ...deps, gateway });
  const page = asset('./console.page.html');
  const client = asset('./console.client.js');
  const styles = asset('./console.styles.css');

  type Handler = (req: IncomingMessage, res: ServerResponse, user: string, url: URL) => Promise<void> | void;

  /** One error boundary and one gate for every console route. */
  const guarded =
    (handler: Handler, opts: { html?: boolean } = {}) =>
    async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://console.local');
      const verdict = auth.check(req, url);
      if (!verdict.ok) {
        if (req.method === 'POST') req.resume();
        refuse(res, verdict.status, verdict.reason, Boolean(opts.html));
        return;
      }
      if (verdict.setCookie) res.setHeader('set-cookie', verdict.setCookie);
      if (verdict.fromQuery && opts.html) {
        // Keeps the token out of the address bar and history once the cookie carries it.
        res.writeHead(303, { location: url.pathname, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        res.end();
        return;
      }
      const user = consoleUser(
        req.method === 'POST' ? (req.headers[USER_HEADER] as string | undefined) : url.searchParams.get('user'),
      );
      try {
        await handler(req, res, user, url);
      } catch (err) {
        if (err instanceof BadRequest) {
          if (req.method === 'POST') req.resume();
          sendJson(res, err.status, { error: err.message });
          return;
        }
        const e = toAppError(err);
        deps.logger.error({ err, path: url.pathname, user }, 'console request failed');
        sendJson(res, e.permanent ? 400 : e.code === 'store.unavailable' ? 503 : 500, {
          error:
            e.permanent || e.code === 'store.unavailable' ? e.message : 'Something went wrong. Try again in a moment.',
        });
      }
    };

  const staticFile = (body: Buffer, type: string) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...PAGE_HEADERS });
    res.end(body);
  };

  const routes: Route[] = [
    { method: 'GET', path: '/', handler: guarded(staticFile(page, 'text/html; charset=utf-8'), { html: true }) },
    {
      method: 'GET',
      path: '/console/client.js',
      handler: guarded(staticFile(client, 'text/javascript; charset=utf-8')),
    },
    { method: 'GET', path: '/console/styles.css', handler: guarded(staticFile(styles, 'text/css; charset=utf-8')) },
    {
      method: 'GET',
      path: '/console/events',
      handler: guarded(async (_req, res, user) => {
        const role = await deps.chat.roleOf(user);
        gateway.attach(user, res, { user, role, maxFileBytes: deps.limits.maxFileBytes });
      }),
    },
    { method: 'GET', path: '/console/status', handler: guarded(statusHandler(deps.status), { html: true }) },
    {
      method: 'GET',
      path: '/console/messages',
      handler: guarded((_req, res, user) => sendJson(res, 200, { user, messages: gateway.list(user) })),
    },
    {
      method: 'GET',
      path: '/console/files/*',
      handler: guarded(async (_req, res, _user, url) => {
        const file = await gateway.file(url.pathname.slice('/console/files/'.length));
        if (!file) return sendJson(res, 404, { error: 'That file is no longer available.' });
        const inline = /^image\/(png|jpeg|gif|webp)$/.test(file.contentType);
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-length': String(file.bytes.byteLength),
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'cache-control': 'private, max-age=3600',
          'content-security-policy': "default-src 'none'; sandbox",
          'x-content-type-options': 'nosniff',
        });
        res.end(file.bytes);
      }),
    },
    { method: 'POST', path: '/console/upload', handler: guarded(handlers.upload) },
    { method: 'POST', path: '/console/sample', handler: guarded(handlers.sample) },
    { method: 'POST', path: '/console/command', handler: guarded(handlers.command) },
    { method: 'POST', path: '/console/action', handler: guarded(handlers.action) },
    { method: 'POST', path: '/console/edit', handler: guarded(handlers.edit) },
  ];

  return {
    name: 'console',
    gateway,
    routes: deps.serveHttp ? routes : [],
    async start() {
      if (deps.serveHttp && deps.history) {
        // Issue 17: the channel as it was before a restart, then what workers post meanwhile.
        await gateway.load(CHANNEL.channelId);
        let busy = false;
        syncing = setInterval(() => {
          if (busy) return;
          busy = true;
          gateway
            .sync()
            .catch((err: unknown) => deps.logger.warn({ err }, 'console history not read'))
            .finally(() => {
              busy = false;
            });
        }, deps.syncEveryMs ?? 1_000);
        syncing.unref();
      }
      if (!deps.roles) return;
      for (const [name, role] of Object.entries(CONSOLE_USERS)) {
        const user = consoleUser(name);
        if (role !== 'analyst' && !(await deps.roles.get(user))) await deps.roles.set(user, role, 'console');
      }
    },
    async stop() {
      clearInterval(syncing);
      gateway.closeAll();
      await gateway.flush();
    },
  };
}
