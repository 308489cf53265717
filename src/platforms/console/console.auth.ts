import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COOKIE_NAME = 'marginiq_console';
/** Every console POST carries it: a cross-site form cannot set a custom header, and a cross-origin fetch that does needs a preflight we never answer. */
export const CSRF_HEADER = 'x-marginiq';

export type AuthResult =
  | { ok: true; setCookie?: string; fromQuery: boolean }
  | { ok: false; status: 401 | 403; reason: string };

const digest = (s: string) => createHmac('sha256', 'marginiq-console').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Without a token the console trusts whoever reaches it, so it answers only to names that cannot be
 * rebound by a web page's DNS: localhost and IP literals (a LAN address with HOST=0.0.0.0 works).
 */
export function isLocalHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')
  );
}

const isHttps = (req: IncomingMessage) =>
  Boolean((req.socket as { encrypted?: boolean }).encrypted) || req.headers['x-forwarded-proto'] === 'https';

/**
 * The console's gate. Without a token configured it is open (the local default, bound to
 * localhost by the config) — unless a chat platform is configured, when it is shut. With one, the token comes once as ?token=, then as an HttpOnly
 * cookie holding a keyed hash of it — never the token itself — or as `Authorization: Bearer`.
 */
export function createConsoleAuth(token: string | undefined, opts: { platformConfigured?: boolean } = {}) {
  const session = token ? createHmac('sha256', token).update('console-session-v1').digest('hex') : undefined;
  return {
    required: Boolean(token),
    check(req: IncomingMessage, url: URL): AuthResult {
      if (req.method === 'POST') {
        if (req.headers[CSRF_HEADER] !== '1')
          return { ok: false, status: 403, reason: 'missing the X-MarginIQ header' };
        if (req.headers['sec-fetch-site'] === 'cross-site')
          return { ok: false, status: 403, reason: 'cross-site request' };
      }
      if (!token || !session) {
        // With Slack or Teams configured the service faces the network: no Host header stands in for a token.
        if (opts.platformConfigured) return { ok: false, status: 401, reason: 'a valid console token is required' };
        if (isLocalHost(req.headers.host)) return { ok: true, fromQuery: false };
        return {
          ok: false,
          status: 403,
          reason: 'reach the console at localhost or an IP address, or set CONSOLE_TOKEN',
        };
      }
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
      if (bearer && same(bearer, token)) return { ok: true, fromQuery: false };
      const fromCookie = cookie(req, COOKIE_NAME);
      if (fromCookie && same(fromCookie, session)) return { ok: true, fromQuery: false };
      const fromQuery = url.searchParams.get('token');
      if (fromQuery && same(fromQuery, token)) {
        const secure = isHttps(req) ? '; Secure' : '';
        return {
          ok: true,
          fromQuery: true,
          setCookie: `${COOKIE_NAME}=${session}; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000${secure}`,
        };
      }
      return { ok: false, status: 401, reason: 'a valid console token is required' };
    },
  };
}

export type ConsoleAuth = ReturnType<typeof createConsoleAuth>;

export function refuse(res: ServerResponse, status: 401 | 403, reason: string, html: boolean): void {
  const challenge: Record<string, string> =
    status === 401 ? { 'www-authenticate': 'Bearer realm="marginiq-console"' } : {};
  if (html) {
    // `reason` is one of this file's fixed sentences, never request text.
    const text =
      status === 401
        ? 'This console needs its token. Open it once with <code>?token=…</code> (the value of CONSOLE_TOKEN).'
        : `This console refused the request: ${reason}.`;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...challenge });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>MarginIQ console</title><body style="font:15px system-ui;margin:3rem">` +
        `<h1>MarginIQ console</h1><p>${text}</p></body>`,
    );
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...challenge });
  res.end(JSON.stringify({ error: reason }));
}
