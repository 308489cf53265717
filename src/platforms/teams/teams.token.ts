import { AppError } from '../../core/errors.ts';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
export const BOT_SCOPE = 'https://api.botframework.com/.default';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface TokenSource {
  /** An app-only access token for `scope`, from the cache while it has more than five minutes left. */
  get(scope: string): Promise<string>;
}

/**
 * Client-credentials tokens from `{authority}/{tenant}/oauth2/v2.0/token`, the single-tenant
 * registration's own directory. One source serves the Bot Connector (bot scope) and Graph.
 * The secret goes to the authority only; nothing else ever sees it.
 */
export function createTokenSource(opts: {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  authority?: string;
  fetch?: typeof fetch;
  now?: () => number;
}): TokenSource {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const authority = (opts.authority ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const inflight = new Map<string, Promise<string>>();

  async function request(scope: string): Promise<string> {
    const res = await doFetch(`${authority}/${encodeURIComponent(opts.tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        scope,
      }).toString(),
      signal: AbortSignal.timeout(15_000),
    }).catch((err: unknown) => {
      throw new AppError('chat.api_failed', 'Could not reach Microsoft sign-in for a Teams token.', { cause: err });
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token) {
      // AADSTS codes name the problem (wrong secret, wrong tenant); the description never holds the secret.
      const why = body.error_description?.split('\n')[0] ?? body.error ?? `HTTP ${res.status}`;
      throw new AppError('chat.api_failed', `Microsoft sign-in refused the Teams app credentials: ${why}`);
    }
    cache.set(scope, { token: body.access_token, expiresAt: now() + (body.expires_in ?? 3600) * 1000 });
    return body.access_token;
  }

  return {
    async get(scope) {
      const hit = cache.get(scope);
      if (hit && hit.expiresAt - now() > 5 * 60_000) return hit.token;
      const pending = inflight.get(scope) ?? request(scope).finally(() => inflight.delete(scope));
      inflight.set(scope, pending);
      return pending;
    },
  };
}
