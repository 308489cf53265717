import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../observability/logger.ts';

/** Slack's replay window: Bolt refuses requests older than this; a signed one dated later is refused here. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Checks what Bolt's HTTP receiver does not, before it reads the body: a request dated more than five
 * minutes in the future (a signature captured for later replay, or a clock set to help one). Answers
 * 401 and returns false when refused.
 */
export function admitTimestamp(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { logger: Logger; now?: () => number },
): boolean {
  const raw = req.headers['x-slack-request-timestamp'];
  const ts = Number(Array.isArray(raw) ? raw[0] : raw);
  const now = Math.floor((deps.now?.() ?? Date.now()) / 1000);
  if (!Number.isFinite(ts) || ts - now <= MAX_CLOCK_SKEW_S) return true;
  deps.logger.warn({ slack: { timestamp: ts, now } }, 'slack request refused: timestamp in the future');
  req.resume();
  res.writeHead(401, { 'content-type': 'text/plain' }).end('timestamp outside the allowed window');
  return false;
}

/** The workspace a request comes from, as Slack's payloads name it (events, commands, clicks, modals). */
export function workspaceOf(body: unknown): { teamId?: string; enterpriseId?: string } {
  const b = (body ?? {}) as {
    team_id?: unknown;
    enterprise_id?: unknown;
    team?: { id?: unknown; enterprise_id?: unknown } | null;
    enterprise?: { id?: unknown } | null;
    user?: { team_id?: unknown } | null;
    view?: { team_id?: unknown } | null;
  };
  const str = (...vs: unknown[]) => vs.find((v): v is string => typeof v === 'string' && v !== '');
  const teamId = str(b.team_id, b.team?.id, b.view?.team_id, b.user?.team_id);
  const enterpriseId = str(b.enterprise_id, b.enterprise?.id, b.team?.enterprise_id);
  return { ...(teamId ? { teamId } : {}), ...(enterpriseId ? { enterpriseId } : {}) };
}

export interface InstalledWorkspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  /** An org-wide (Enterprise Grid) install: any workspace of the enterprise is home. */
  enterpriseInstall?: boolean | undefined;
}

/**
 * One workspace (or one Enterprise Grid org): the bot token's own, from auth.test, plus any listed in
 * SLACK_ALLOWED_TEAMS. A request naming no workspace, or another one, is refused.
 */
export function workspaceAdmitted(
  from: { teamId?: string; enterpriseId?: string },
  home: InstalledWorkspace,
  allowed: readonly string[],
): boolean {
  const ok = new Set([
    ...allowed,
    ...(home.teamId ? [home.teamId] : []),
    ...(home.enterpriseId ? [home.enterpriseId] : []),
  ]);
  if (home.enterpriseInstall) return Boolean(from.enterpriseId && ok.has(from.enterpriseId));
  if (!from.teamId || !ok.has(from.teamId)) return false;
  return !from.enterpriseId || ok.has(from.enterpriseId) || from.enterpriseId === home.enterpriseId;
}

/** The context key under which the HTTP route hands Bolt the end of a request's debt to the ack gate. */
export const DISPATCHED = 'marginiqDispatched';

interface GuardedApp {
  use(
    mw: (args: {
      body: unknown;
      context: Record<string, unknown>;
      next: () => Promise<void>;
      ack?: ((...a: unknown[]) => Promise<void>) | undefined;
    }) => Promise<void>,
  ): unknown;
}

/**
 * Bolt global middleware, so it runs before any listener: refuses requests from another workspace
 * (logged at warn) and takes each Events API delivery once by its event_id, across replicas (Slack
 * redelivers with X-Slack-Retry-Num when an answer is slow; every kind of event, not only files).
 */
export function installIngressGuards(
  app: GuardedApp,
  deps: {
    /** The bot token's workspace (auth.test); undefined while it cannot be learned, which refuses. */
    installed: () => Promise<InstalledWorkspace | undefined>;
    allowed: readonly string[];
    /** Runs the rest of the chain once per key across replicas; a failure lets a redelivery through. */
    onceEvent: (key: string, handle: () => Promise<unknown>) => Promise<{ taken: boolean }>;
    /** Resolves when the requests of a burst are acknowledged: an event's work starts after (ack.gate.ts). */
    afterAck?: () => Promise<void>;
    logger: Logger;
  },
): void {
  app.use(async ({ body, context, next, ack }) => {
    // Verified, authorized and dispatched: what remains before its ack is its listener's (ack.gate.ts).
    (context[DISPATCHED] as (() => void) | undefined)?.();
    const from = workspaceOf(body);
    const home = await deps.installed();
    if (!home || !workspaceAdmitted(from, home, deps.allowed)) {
      const b = body as { type?: unknown; command?: unknown };
      deps.logger.warn(
        {
          slack: {
            team: from.teamId,
            enterprise: from.enterpriseId,
            type: b.type ?? b.command,
            installed: home?.teamId,
          },
        },
        home
          ? 'slack request refused: not the installed workspace'
          : 'slack request refused: installed workspace unknown',
      );
      await ack?.();
      return;
    }
    const b = body as { type?: unknown; event_id?: unknown };
    if (b.type === 'event_callback' && typeof b.event_id === 'string') {
      // Bolt has already answered an event (before any middleware); its work waits for the burst's answers.
      await deps.afterAck?.();
      const run = await deps.onceEvent(`slack:event:${b.event_id}`, async () => next());
      if (!run.taken)
        deps.logger.debug({ slack: { eventId: b.event_id } }, 'slack event already taken; redelivery ignored');
      return;
    }
    await next();
  });
}

/** auth.test once (a failure is retried on the next request), for the workspace check. */
export function installedWorkspaceOf(
  authTest: () => Promise<{ team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }>,
  logger: Logger,
): () => Promise<InstalledWorkspace | undefined> {
  let known: Promise<InstalledWorkspace | undefined> | undefined;
  return () => {
    known ??= authTest().then(
      (r) => ({ teamId: r.team_id, enterpriseId: r.enterprise_id, enterpriseInstall: r.is_enterprise_install }),
      (err: unknown) => {
        known = undefined;
        logger.warn({ err }, 'slack auth.test failed; requests are refused until the workspace is known');
        return undefined;
      },
    );
    return known;
  };
}
