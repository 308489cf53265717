import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CloudEnvironment, PUBLIC, withOverrides } from '@microsoft/teams.api';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import { App } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type { Config } from '../../config/config.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { ConversationsRepository, FileStorage, OutgoingFilesRepository } from '../../core/ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import type { PlatformAdapter, Route } from '../platform.ts';
import { referenceOf, userOf, type WireActivity } from './teams.activity.ts';
import {
  createGraph,
  createTeamsFetcher,
  createTokenSource,
  DEFAULT_AUTHORITY,
  DEFAULT_GRAPH_URL,
} from './teams.files.ts';
import { createTeamsGateway } from './teams.gateway.ts';
import { createHandlers } from './teams.handlers.ts';
import { installTeamsIngress } from './teams.ingress.ts';
import { createOutbox } from './teams.outbox.ts';

export const MESSAGES_PATH = '/api/messages';

export interface TeamsPlatformDeps {
  teams: NonNullable<Config['teams']>;
  chat: ChatCore;
  logger: Logger;
  metrics?: Metrics;
  limits: { maxFileBytes: number };
  serveHttp: boolean;
  fetch?: typeof fetch;
  /** Where stored conversation references are read back after a restart (proactive digests, alerts). */
  conversations?: Pick<ConversationsRepository, 'save' | 'get'>;
  /** Files handed to users (exports, charts): tokens in the database, bytes in file storage, any replica serves them. */
  outgoingFiles: OutgoingFilesRepository;
  storage: FileStorage;
  /** config.publicUrl: the base of download links; without it, the host Teams called us on. */
  publicUrl?: string | undefined;
  /** How the gateway waits out a connector 429's Retry-After (tests record it instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
  /** Microsoft endpoints, overridable for loopback doubles in tests. */
  endpoints?: { authority?: string; graph?: string; openIdMetadata?: string; tokenIssuer?: string; files?: string };
}

/**
 * MarginIQ in Microsoft Teams on Teams SDK v2: the SDK validates inbound tokens and routes
 * activities; MarginIQ's core decides everything; this folder translates between them.
 */
export async function createTeamsPlatform(deps: TeamsPlatformDeps): Promise<PlatformAdapter> {
  const log = deps.logger;
  const doFetch = deps.fetch ?? fetch;
  const { clientId, clientSecret, tenantId, unauthenticated } = deps.teams;
  const credentials =
    !unauthenticated && clientId && clientSecret && tenantId ? { clientId, clientSecret, tenantId } : undefined;
  if (!credentials) {
    log.warn(
      'Teams is running WITHOUT authentication (TEAMS_ENABLED=true and no TEAMS_CLIENT_ID/SECRET/TENANT_ID): anyone who can reach /api/messages can act as any user. For local clients and tests only.',
    );
  }
  const tokens = credentials
    ? createTokenSource({ ...credentials, authority: deps.endpoints?.authority ?? DEFAULT_AUTHORITY, fetch: doFetch })
    : undefined;
  const graphBaseUrl = (deps.endpoints?.graph ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  const cloud: CloudEnvironment = withOverrides(PUBLIC, {
    ...(deps.endpoints?.authority ? { loginEndpoint: deps.endpoints.authority } : {}),
    ...(deps.endpoints?.openIdMetadata ? { openIdMetadataUrl: deps.endpoints.openIdMetadata } : {}),
    ...(deps.endpoints?.tokenIssuer ? { tokenIssuer: deps.endpoints.tokenIssuer } : {}),
  });

  let lastBase: string | undefined;
  const http = createRouteAdapter({
    onRequest: (req) => {
      lastBase = requestBase(req) ?? lastBase;
    },
  });
  // Every option the SDK would otherwise read from process.env is given explicitly: config owns the environment.
  const app = new App({
    httpServerAdapter: http.adapter,
    logger: sdkLogger(log.child({ component: 'teams-sdk' })),
    cloud,
    serviceUrl: 'https://smba.trafficmanager.net/teams',
    dangerouslyAllowUnauthenticatedRequests: !credentials,
    messagingEndpoint: MESSAGES_PATH,
    state: false,
    telemetry: { agent365: false },
    ...(credentials
      ? {
          clientId: credentials.clientId,
          tenantId: credentials.tenantId,
          // Our own client-credentials source: one token cache for the connector and Graph, and an authority tests can point at a double.
          token: (scope: string | string[]) =>
            (tokens as NonNullable<typeof tokens>).get(Array.isArray(scope) ? scope.join(' ') : scope),
        }
      : {}),
  });

  const counters = new Map<string, ReturnType<Metrics['counter']>>();
  const count = (name: string, labels: Record<string, string> = {}) => {
    if (!deps.metrics) return;
    let c = counters.get(name);
    if (!c) {
      c = deps.metrics.counter(name.replace(/^marginiq_/, ''), `Teams: ${name.replace(/_/g, ' ')}`);
      counters.set(name, c);
    }
    c.inc(labels);
  };

  // PUBLIC_URL (config.publicUrl) wins; else the host Teams called /api/messages on.
  const publicBase = () => deps.publicUrl?.replace(/\/+$/, '') ?? lastBase;
  const outbox = createOutbox({
    logger: log,
    fetch: doFetch,
    publicBase,
    files: deps.outgoingFiles,
    storage: deps.storage,
  });
  const gateway = createTeamsGateway({
    api: app.api,
    logger: log,
    conversations: deps.conversations,
    uploadFile: outbox.deliver,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const graph = tokens ? createGraph({ baseUrl: graphBaseUrl, tokens, fetch: doFetch }) : undefined;
  const handlers = createHandlers({ chat: deps.chat, gateway, outbox, graph, logger: log, count });

  const wire = (a: unknown) => a as WireActivity;
  const ingress = installTeamsIngress(app as never, {
    allowedTenants: credentials ? [credentials.tenantId, ...deps.teams.allowedTenants] : [],
    onceEvent: deps.chat.onceEvent,
    logger: log,
  });
  app.use(async ({ activity, next }) => {
    count('teams_activities_total', { type: activity.type });
    const ref = referenceOf(wire(activity));
    // Teams names the sender on every activity: cards then say who decided by name.
    if (wire(activity).from?.aadObjectId)
      await deps.chat.rememberName(userOf(wire(activity)), wire(activity).from?.name);
    // Stored on install and on every message, so proactive posts know where the conversation lives.
    if (ref)
      await gateway
        .remember(ref)
        .catch((err: unknown) => log.warn({ err }, 'could not store the Teams conversation reference'));
    return next();
  });
  // Messages are acknowledged at once and handled after; the ingress holds their claim until then.
  app.on('message', async ({ activity }) => {
    ingress.background(activity, () => handlers.onMessage(wire(activity)));
  });
  app.on('card.action', async ({ activity }) => handlers.onCardAction(wire(activity)) as never);
  app.on('file.consent', async ({ activity }) => handlers.onFileConsent(wire(activity)) as never);
  app.on('install.add', async ({ activity }) => {
    ingress.background(activity, () => handlers.onInstalled(wire(activity)));
  });
  app.on('conversationUpdate', async ({ activity }) => {
    const a = wire(activity);
    if (a.membersAdded?.some((m) => m.id === a.recipient?.id))
      ingress.background(activity, () => handlers.onInstalled(a));
  });
  await app.initialize();

  const routes: Route[] = deps.serveHttp ? [http.route(MESSAGES_PATH), outbox.route] : [];
  return {
    name: 'teams',
    gateway,
    fetcher: createTeamsFetcher({
      fetch: doFetch,
      graphBaseUrl,
      tokens,
      ...(deps.endpoints?.files ? { fileOrigins: [new URL(deps.endpoints.files).origin] } : {}),
    }),
    routes,
    async start() {},
    async stop() {
      await ingress.idle();
    },
  };
}

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

const text = (msg: unknown[]) =>
  msg
    .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m)))
    .join(' ')
    .slice(0, 2000);

/**
 * The SDK logs through its own console logger unless given one: this sends its lines to pino.
 * Its info lines are per-activity chatter, so they go out at debug.
 */
export function sdkLogger(log: Logger, name = 'teams'): ILogger {
  const errOf = (msg: unknown[]) => msg.find((m): m is Error => m instanceof Error);
  return {
    debug: (...msg) => log.debug({ sdk: name }, text(msg)),
    info: (...msg) => log.debug({ sdk: name }, text(msg)),
    warn: (...msg) => log.warn({ sdk: name }, text(msg)),
    error: (...msg) => log.error({ sdk: name, err: errOf(msg) }, text(msg)),
    trace: (...msg) => log.trace({ sdk: name }, text(msg)),
    log: (level, ...msg) => log[level === 'trace' ? 'trace' : level]({ sdk: name }, text(msg)),
    child: (child) => sdkLogger(log, `${name}/${child}`),
  };
}
