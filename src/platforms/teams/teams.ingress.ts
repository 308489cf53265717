import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import { toAppError } from '../../core/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import { type AckGate, oweUntilAnswered } from '../ack.gate.ts';
import type { Route } from '../platform.ts';
import type { WireActivity } from './teams.activity.ts';
import { answeredAfterFailure, invokeResponse } from './teams.boundary.ts';

/** The tenant an activity comes from: Teams puts it on the conversation and in channelData. */
export const tenantOf = (a: WireActivity): string | undefined => a.conversation?.tenantId ?? a.channelData?.tenant?.id;

interface MiddlewareApp {
  use(mw: (ctx: { activity: unknown; next: () => unknown }) => Promise<unknown>): unknown;
}

/** What the ingress gives the app: handlers' work that outlives the HTTP answer, held under the activity's claim. */
export interface TeamsIngress {
  /**
   * Runs `work` after the activity's answer (Teams wants a message acknowledged at once). Called from
   * a handler, the activity's claim is marked done only when `work` succeeded and released when it
   * fails, so Teams's redelivery of a message whose handling failed is handled (issue 18), as an
   * invoke's is. A failure is logged at error.
   */
  background(activity: unknown, work: () => Promise<void>): void;
  /** Resolves when all background work has ended (shutdown). */
  idle(): Promise<void>;
}

/**
 * Teams SDK middleware, registered before every handler: one tenant (TEAMS_TENANT_ID plus any in
 * TEAMS_ALLOWED_TENANTS; a multi-tenant bot registration would otherwise accept any organisation),
 * refused and logged at warn; and each activity taken once by its id, across replicas (Teams
 * redelivers when an answer is slow). Without credentials (TEAMS_ENABLED, local clients) there is no
 * tenant to hold to, so only the deduplication applies.
 */
export function installTeamsIngress(
  app: MiddlewareApp,
  deps: {
    allowedTenants: readonly string[];
    /** Runs the handlers once per activity across replicas; a failure lets Teams's redelivery through. */
    onceEvent: <T>(key: string, handle: () => Promise<T>) => Promise<{ taken: false } | { taken: true; value: T }>;
    /** Resolves when the requests of a burst are answered: background work starts after (ack.gate.ts). */
    afterAck?: () => Promise<void>;
    logger: Logger;
  },
): TeamsIngress {
  const allowed = new Set(deps.allowedTenants);
  const inflight = new Set<Promise<unknown>>();
  const hold = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => {});
    return p;
  };
  // The background work each claimed activity's handlers started, by the activity object the SDK
  // hands both the middleware and the handlers.
  const laterOf = new WeakMap<object, Promise<void>[]>();
  const failedInBackground = (err: unknown, a: WireActivity) =>
    deps.logger.error(
      { err: toAppError(err), teams: { id: a.id, type: a.type } },
      'Teams background work failed; its claim is released for a redelivery',
    );

  app.use(async ({ activity, next }) => {
    const a = activity as WireActivity;
    if (allowed.size > 0) {
      const tenant = tenantOf(a);
      if (!tenant || !allowed.has(tenant)) {
        deps.logger.warn(
          { teams: { tenant, type: a.type, conversation: a.conversation?.id } },
          'teams activity refused: not the installed tenant',
        );
        return a.type === 'invoke'
          ? invokeResponse({ notice: 'MarginIQ is not installed for this organisation.' })
          : undefined;
      }
    }
    if (!a.id || !a.conversation?.id) return next();
    // A handler that failed but still answered (an invoke's "something went wrong") gives its claim
    // back like one that threw, so Teams's redelivery of the same activity is handled.
    let failed: { answer: unknown } | undefined;
    let answered: ((answer: unknown) => void) | undefined;
    let answeredEarly = false;
    const answer = new Promise<unknown>((resolve) => {
      answered = resolve;
    });
    const later: Promise<void>[] = [];
    const run = deps
      .onceEvent(`teams:activity:${a.conversation.id}:${a.id}`, async () => {
        laterOf.set(activity as object, later);
        let value: unknown;
        try {
          value = await next();
        } finally {
          laterOf.delete(activity as object);
        }
        if (answeredAfterFailure(value)) {
          failed = { answer: value };
          throw new Error('teams handler failed; claim released');
        }
        if (later.length === 0) return value;
        // Answered now; the claim stays until the background work has ended.
        answeredEarly = true;
        answered?.(value);
        for (const r of await Promise.allSettled(later)) if (r.status === 'rejected') throw r.reason;
        return value;
      })
      .then(
        (r): { taken: boolean; value?: unknown } => r,
        (err: unknown) => {
          if (failed) return { taken: true, value: failed.answer };
          if (answeredEarly) {
            failedInBackground(err, a);
            return { taken: true, value: undefined };
          }
          throw err;
        },
      );
    hold(run);
    const first = await Promise.race([run, answer.then((value) => ({ taken: true, value }))]);
    if (first.taken) return first.value;
    deps.logger.debug({ teams: { id: a.id, type: a.type } }, 'teams activity already taken; redelivery ignored');
    return a.type === 'invoke'
      ? invokeResponse({ notice: 'Already received; the summary shows the result.' })
      : undefined;
  });

  return {
    background(activity, work) {
      const p = (deps.afterAck?.() ?? Promise.resolve()).then(work);
      p.catch(() => {}); // handled where it is awaited; never an unhandled rejection meanwhile
      const claimed = laterOf.get(activity as object);
      if (claimed) claimed.push(p);
      else hold(p.catch((err: unknown) => failedInBackground(err, activity as WireActivity)));
    },
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
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
export function createRouteAdapter(opts: { onRequest?: (req: IncomingMessage) => void; acks?: AckGate } = {}) {
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
        // Owed while its body is read; the SDK's handler then answers with the activity's own work or at once.
        const dispatched = opts.acks ? oweUntilAnswered(opts.acks, res) : () => {};
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
        dispatched();
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
        const out = await handler({ body, headers });
        reply(res, out.status, out.body);
      },
    };
  }

  return { adapter, route };
}
