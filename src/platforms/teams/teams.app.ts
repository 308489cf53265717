import { type CloudEnvironment, PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { Config } from '../../config/config.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import { AppError } from '../../core/errors.ts';
import type { ConversationsRepository } from '../../core/ports/conversation.ports.ts';
import type { FileStorage, OutgoingFilesRepository } from '../../core/ports/files.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { type AckGate, createAckGate } from '../ack.gate.ts';
import type { PlatformAdapter, Route } from '../platform.ts';
import { referenceOf, userOf, type WireActivity } from './teams.activity.ts';
import { sdkLogger } from './teams.boundary.ts';
import { createGraph, createTeamsFetcher, DEFAULT_GRAPH_URL, type TokenSource } from './teams.files.ts';
import { createTeamsGateway } from './teams.gateway.ts';
import { createHandlers } from './teams.handlers.ts';
import { createRouteAdapter, installTeamsIngress, requestBase } from './teams.ingress.ts';
import { createOutbox } from './teams.outbox.ts';

export const MESSAGES_PATH = '/api/messages';

export interface TeamsPlatformDeps {
  teams: NonNullable<Config['teams']>;
  chat: ChatCore;
  logger: Logger;
  metrics?: Metrics;
  limits: { maxFileBytes: number };
  serveHttp: boolean;
  /** Work after an answer waits for the requests still owed theirs (ack.gate.ts); one per process. */
  acks?: AckGate;
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
  // One per process (platforms.ts), shared with Slack: a burst is answered before the work of any of it.
  const acks = deps.acks ?? createAckGate();
  const http = createRouteAdapter({
    acks,
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
    afterAck: acks.clear,
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

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
export const BOT_SCOPE = 'https://api.botframework.com/.default';

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
