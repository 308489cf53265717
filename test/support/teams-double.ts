import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCard } from './adaptive-card.schema.ts';

/**
 * A loopback double of the Microsoft side of a Teams bot, speaking the real wire formats:
 * - the Bot Connector (`serviceUrl`): POST/PUT activities, POST /v3/conversations, members;
 * - Entra ID's token endpoint (client credentials) and the Bot Framework's OpenID keys, with a
 *   signer for inbound tokens the real SDK validates;
 * - Microsoft Graph (channel / chat messages, /shares drive items), on its own port;
 * - SharePoint-like storage (pre-authorised download URLs, upload sessions), on a third port,
 *   so a test can tell which host received a bearer token.
 */
export interface RecordedCall {
  server: 'connector' | 'graph' | 'storage';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  bytes: Buffer;
  /** The id the connector gave a posted activity (what a later PUT addresses). */
  responseId?: string;
  /** Answered 429 (issue 17): nothing was posted or updated. */
  throttled?: boolean;
}

export interface DoubleOptions {
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
}

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, bytes: Buffer) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseBody(req: IncomingMessage, bytes: Buffer): unknown {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) return bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(bytes.toString('utf8')));
  return undefined;
}

export async function startTeamsDouble(opts: DoubleOptions = {}) {
  const clientId = opts.clientId ?? '00000000-0000-0000-0000-00000000b07';
  const clientSecret = opts.clientSecret ?? 'double-secret';
  const tenantId = opts.tenantId ?? '11111111-1111-1111-1111-111111111111';
  const calls: RecordedCall[] = [];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'double-key-1';
  let seq = 0;

  /** Files a pre-authorised URL serves: key → bytes (and content type). */
  const storage = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const uploads = new Map<string, Buffer>();
  /** Graph chatMessage resources by their decoded path, e.g. /teams/T/channels/C/messages/M. */
  const graphMessages = new Map<string, unknown>();
  /** Drive items by the sharing URL a message links to. */
  const driveItems = new Map<string, { name: string; size: number; storageKey: string }>();
  const members = new Map<string, { id: string; name: string; aadObjectId: string }>();
  /**
   * Issue 17: Adaptive Card element types this tenant's clients cannot take. An activity whose card
   * holds one is refused as the connector refuses a card it will not deliver: HTTP 400, BadArgument.
   */
  const settings = { refuseElements: new Set<string>() };
  /**
   * Issue 17: rate limits, as the connector answers them: HTTP 429, a `Retry-After` header in seconds
   * and `{"error":{"code":"Throttled","message":"Too many requests."}}` (Teams' "status codes from bot
   * conversational APIs"). Each entry answers the next `times` matching POST/PUT activity calls.
   */
  const throttles: { method: 'POST' | 'PUT'; times: number; retryAfter: string; match?: (body: unknown) => boolean }[] =
    [];
  const throttled: { method: string; path: string; at: number; retryAfter: string }[] = [];
  const throttle = (method: string, path: string, body: unknown): string | undefined => {
    const t = throttles.find((x) => x.method === method && x.times > 0 && (!x.match || x.match(body)));
    if (!t) return undefined;
    t.times -= 1;
    throttled.push({ method, path, at: Date.now(), retryAfter: t.retryAfter });
    return t.retryAfter;
  };
  const refusals: { method: string; path: string; types: string[] }[] = [];
  const typesIn = (v: unknown, out: string[] = []): string[] => {
    if (Array.isArray(v)) for (const x of v) typesIn(x, out);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') out.push(o.type);
      // An element's own fallback is for clients that cannot draw it: not part of what is judged.
      for (const [k, x] of Object.entries(o)) if (k !== 'fallback') typesIn(x, out);
    }
    return out;
  };
  const refusedActivity = (method: string, path: string, body: unknown) => {
    const attachments = (body as { activity?: { attachments?: unknown }; attachments?: unknown } | undefined) ?? {};
    const types = typesIn(attachments.attachments ?? attachments.activity?.attachments ?? []);
    const no = types.some((t) => settings.refuseElements.has(t));
    if (no) refusals.push({ method, path, types });
    return no;
  };

  /**
   * Issue 17 item 8: every Adaptive Card MarginIQ posts or updates is checked against the schema
   * and Microsoft's Adaptive Cards SDK (test/support/adaptive-card.schema.ts). The connector would
   * deliver a broken card and the client would show "this card can't be displayed", so the double
   * delivers it too, but keeps the problems, and close() fails the suite that left any.
   */
  const cardProblems: { path: string; problems: string[] }[] = [];
  const checkCards = (path: string, body: unknown) => {
    const b = (body as { activity?: { attachments?: unknown }; attachments?: unknown } | undefined) ?? {};
    const attachments = (b.attachments ?? b.activity?.attachments ?? []) as {
      contentType?: string;
      content?: unknown;
    }[];
    if (!Array.isArray(attachments)) return;
    for (const a of attachments) {
      if (a?.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      const problems = checkCard(a.content);
      if (problems.length > 0) cardProblems.push({ path, problems });
    }
  };

  const record = (server: RecordedCall['server'], req: IncomingMessage, bytes: Buffer): RecordedCall => {
    const call = {
      server,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: parseBody(req, bytes),
      bytes,
    };
    calls.push(call);
    return call;
  };

  // Storage first: the others link to it.
  const store = await listen((req, res, bytes) => {
    record('storage', req, bytes);
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path.startsWith('/dl/')) {
      const f = storage.get(decodeURIComponent(path.slice(4)));
      if (!f) return json(res, 404, { error: 'itemNotFound' });
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': f.bytes.byteLength });
      return res.end(Buffer.from(f.bytes));
    }
    if (req.method === 'PUT' && path.startsWith('/upload/')) {
      uploads.set(decodeURIComponent(path.slice(8)), bytes);
      return json(res, 201, { id: randomUUID(), name: path.slice(8), size: bytes.length });
    }
    json(res, 404, { error: 'not found' });
  });

  const graph = await listen((req, res, bytes) => {
    record('graph', req, bytes);
    if (!/^Bearer .+/.test(req.headers.authorization ?? ''))
      return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/v1\.0/, '');
    const share = /^\/shares\/u!([^/]+)\/driveItem(\/content)?$/.exec(path);
    if (share) {
      const sharingUrl = Buffer.from(share[1] ?? '', 'base64url').toString('utf8');
      const item = driveItems.get(sharingUrl);
      if (!item)
        return json(res, 404, { error: { code: 'itemNotFound', message: 'The resource could not be found.' } });
      if (share[2]) {
        // Graph answers /content with a redirect to a pre-authenticated download URL.
        res.writeHead(302, { location: `${store.url}/dl/${encodeURIComponent(item.storageKey)}` });
        return res.end();
      }
      return json(res, 200, {
        id: `item-${item.storageKey}`,
        name: item.name,
        size: item.size,
        file: { mimeType: 'application/pdf' },
      });
    }
    const message = graphMessages.get(path);
    if (!message) return json(res, 404, { error: { code: 'NotFound', message: 'Message not found.' } });
    json(res, 200, message);
  });

  const connector = await listen((req, res, bytes) => {
    const call = record('connector', req, bytes);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const publicJwk = publicKey.export({ format: 'jwk' });
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: `${connector.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      return json(res, 200, { keys: [{ ...publicJwk, kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === 'POST' && token) {
      const form = call.body as Record<string, string>;
      if (
        token[1] !== tenantId ||
        form.client_id !== clientId ||
        form.client_secret !== clientSecret ||
        form.grant_type !== 'client_credentials'
      ) {
        return json(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      }
      const now = Math.floor(Date.now() / 1000);
      const aud = (form.scope ?? '').replace(/\/\.default$/, '');
      // Unsigned: the SDK decodes outbound tokens but never verifies them.
      const access = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ aud, appid: clientId, tid: tenantId, iat: now, exp: now + 3600 })}.x`;
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: access });
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const m = members.get(member[2] ?? '');
      return m
        ? json(res, 200, { ...m, userPrincipalName: `${m.name}@example.com` })
        : json(res, 404, { error: { code: 'MemberNotFound' } });
    }
    if ((req.method === 'POST' || req.method === 'PUT') && path.startsWith('/v3/conversations')) {
      const wait = throttle(req.method, path, call.body);
      if (wait !== undefined) {
        call.throttled = true;
        const text = JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests.' } });
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
          'retry-after': wait,
        });
        return res.end(text);
      }
      checkCards(path, call.body);
    }
    if (
      (req.method === 'POST' || req.method === 'PUT') &&
      path.startsWith('/v3/conversations') &&
      refusedActivity(req.method, path, call.body)
    )
      return json(res, 400, { error: { code: 'BadArgument', message: 'Unknown element type in the Adaptive Card.' } });
    if (req.method === 'POST' && path === '/v3/conversations') {
      const body = call.body as { channelData?: { channel?: { id?: string } } };
      const activityId = String(1_700_000_000_000 + ++seq);
      call.responseId = activityId;
      return json(res, 201, { id: `${body.channelData?.channel?.id ?? 'conv'};messageid=${activityId}`, activityId });
    }
    if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path)) {
      call.responseId = String(1_700_000_000_000 + ++seq);
      return json(res, 201, { id: call.responseId });
    }
    const put = /^\/v3\/conversations\/[^/]+\/activities\/([^/]+)$/.exec(path);
    if (req.method === 'PUT' && put) return json(res, 200, { id: put[1] });
    json(res, 404, { error: { code: 'NotFound', message: `no route ${req.method} ${path}` } });
  });

  const activityCalls = () =>
    calls.filter(
      (c) =>
        c.server === 'connector' &&
        (/\/activities(\/|$)/.test(c.path) || c.path === '/v3/conversations') &&
        c.method !== 'GET' &&
        !c.throttled,
    );

  return {
    url: connector.url,
    graphUrl: graph.url,
    storageUrl: store.url,
    clientId,
    clientSecret,
    tenantId,
    calls,
    storage,
    uploads,
    graphMessages,
    driveItems,
    members,
    openIdMetadata: `${connector.url}/v1/.well-known/openidconfiguration`,
    settings,
    /** Activities refused with HTTP 400 for an element in `settings.refuseElements` (issue 17). */
    refusals,
    /** Issue 17: the next `times` POSTs or PUTs (matching `match`) are answered 429 with this Retry-After. */
    throttle(
      method: 'POST' | 'PUT',
      opts: { times?: number; retryAfterSeconds: number | string; match?: (body: unknown) => boolean },
    ) {
      throttles.push({
        method,
        times: opts.times ?? 1,
        retryAfter: String(opts.retryAfterSeconds),
        ...(opts.match ? { match: opts.match } : {}),
      });
    },
    /** Calls answered 429, oldest first. */
    throttled,
    /** Adaptive Cards that broke the schema or the Adaptive Cards SDK's reading, by request path. */
    cardProblems,
    /** Every message MarginIQ posted or updated, oldest first. */
    activityCalls,
    /** A pre-authorised download URL on the storage host. */
    host(key: string, bytes: Uint8Array, contentType = 'application/pdf') {
      storage.set(key, { bytes, contentType });
      return `${store.url}/dl/${encodeURIComponent(key)}`;
    },
    /** A token as the Bot Framework signs it for activities it delivers. */
    signInbound(claims: Record<string, unknown> = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: 'https://api.botframework.com',
        aud: clientId,
        serviceurl: connector.url,
        iat: now,
        nbf: now - 5,
        exp: now + 600,
        ...claims,
      };
      const unsigned = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
    },
    async waitFor<T>(find: () => T | undefined | false, what = 'a call', timeoutMs = 10_000): Promise<T> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = find();
        if (hit) return hit;
        if (Date.now() > until)
          throw new Error(
            `timed out waiting for ${what}; saw:\n${calls.map((c) => `${c.server} ${c.method} ${c.path}`).join('\n')}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      for (const s of [connector.server, graph.server, store.server]) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
      if (cardProblems.length > 0)
        throw new Error(
          `MarginIQ sent Adaptive Cards that break the schema: ${JSON.stringify(cardProblems.slice(0, 3))}`,
        );
    },
  };
}

export type TeamsDouble = Awaited<ReturnType<typeof startTeamsDouble>>;

export interface TestActivity {
  id: string;
  text?: string;
  entities?: Record<string, unknown>[];
  conversation: Record<string, unknown>;
  [k: string]: unknown;
}

/** Builds activities as Teams sends them to /api/messages, with the double as their serviceUrl. */
export function teamsActivities(
  double: TeamsDouble,
  bot = { id: '28:marginiq-bot', name: 'MarginIQ' },
  /** Display names by AAD id, as Teams puts them in `from.name`; the AAD id otherwise. */
  names: Record<string, string> = {},
) {
  let n = 0;
  const id = () => String(1_600_000_000_000 + ++n);
  const tenant = double.tenantId;
  const base = (
    from: { aad: string; name?: string },
    conversation: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): TestActivity => ({
    id: id(),
    channelId: 'msteams',
    serviceUrl: double.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${from.aad}`, aadObjectId: from.aad, name: from.name ?? names[from.aad] ?? from.aad },
    recipient: bot,
    conversation: { tenantId: tenant, ...conversation },
    channelData: { tenant: { id: tenant } },
    locale: 'en-US',
    ...extra,
  });
  const personal = (user: string) => ({ id: `a:personal-${user}`, conversationType: 'personal' });
  const channel = { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true };
  const channelData = {
    tenant: { id: tenant },
    team: { id: '19:team@thread.tacv2', aadGroupId: 'team-aad-group' },
    channel: { id: '19:general@thread.tacv2', name: 'General' },
  };
  const mention = { type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot };
  return {
    bot,
    channelId: channel.id,
    personalConversation: (user: string) => personal(user).id,
    message(user: string, text: string, extra: Record<string, unknown> = {}) {
      return base({ aad: user }, personal(user), { type: 'message', text, textFormat: 'plain', ...extra });
    },
    file(user: string, name: string, downloadUrl: string, uniqueId = randomUUID()) {
      return base({ aad: user }, personal(user), {
        type: 'message',
        text: '',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            contentUrl: `https://contoso-my.sharepoint.com/personal/${user}/Documents/Microsoft Teams Chat Files/${name}`,
            name,
            content: { downloadUrl, uniqueId, fileType: name.split('.').pop() },
          },
        ],
      });
    },
    /** A top-level channel post that @mentions the bot; `thread` makes it a reply in that thread. */
    channelMessage(user: string, text: string, extra: Record<string, unknown> = {}, thread?: string) {
      const a = base({ aad: user }, channel, {
        type: 'message',
        textFormat: 'plain',
        channelData,
        entities: [mention],
        ...extra,
      });
      a.text = `<at>${bot.name}</at> ${text}`;
      a.conversation = { ...a.conversation, id: `${channel.id};messageid=${thread ?? a.id}` };
      return a;
    },
    invoke(
      user: string,
      verb: string,
      data: Record<string, unknown>,
      replyToId?: string,
      where: 'personal' | 'channel' = 'personal',
    ) {
      return base({ aad: user }, where === 'personal' ? personal(user) : channel, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
        ...(where === 'channel' ? { channelData } : {}),
      });
    },
    fileConsent(user: string, action: 'accept' | 'decline', token: string, uploadUrl: string, replyToId?: string) {
      return base({ aad: user }, personal(user), {
        type: 'invoke',
        name: 'fileConsent/invoke',
        replyToId,
        value: {
          type: 'fileUpload',
          action,
          context: { token },
          uploadInfo: {
            contentUrl: 'https://contoso-my.sharepoint.com/personal/x/export.csv',
            name: 'export.csv',
            uploadUrl,
            uniqueId: randomUUID(),
            fileType: 'csv',
          },
        },
      });
    },
    installed(user: string) {
      return base({ aad: user }, personal(user), { type: 'installationUpdate', action: 'add' });
    },
  };
}

/** Sends one activity to the app the way the Bot Framework does. */
export async function postActivity(appUrl: string, activity: unknown, token?: string) {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
