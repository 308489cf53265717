import type { Scopes } from '../access/scope.ts';
import type { Card } from '../cards/card.model.ts';
import type { GatewayRegistry } from '../ports/chat.ports.ts';
import type { ReportsRepository } from '../ports/reports.ports.ts';
import type { HomeViewer, HomeViewersRepository } from './home.port.ts';
import type { HomeRequest } from './home.usecases.ts';

/**
 * What changed in the queue (issue 17): the reports or uploads it touched, or `everyone` for a change
 * every home shows (a setting). Homes are drawn again only for the people who may see it.
 */
export interface QueueChange {
  reportIds?: readonly string[];
  ingestionIds?: readonly string[];
  everyone?: boolean;
}

/** The hook core calls after every decision, edit, replace, new pending report and call move. */
export type QueueChanged = (change: QueueChange) => void;

/** A burst of changes (an approval meeting three calls, a batch upload) is drawn once per home. */
const DEBOUNCE_MS = 1_000;
/** Homes drawn in one go; more wait for the next round (Slack's views.publish is Tier 4: 100+ a minute). */
const BATCH = 40;
/** Homes drawn at once within a round. */
const PARALLEL = 4;
/** Only homes looked at within this long are kept fresh; an older one is drawn again when opened. */
const FRESH_FOR_DAYS = 30;
/** The most homes one change marks. */
const MARK_LIMIT = 500;

export interface HomeRefreshDeps {
  viewers: HomeViewersRepository;
  access: Pick<Scopes, 'scopeFor'>;
  reports: Pick<ReportsRepository, 'findById' | 'ingestionVisible'>;
  /** Read when a round runs: the platforms are plugged in after core is built. */
  gateways: GatewayRegistry;
  home: (req: HomeRequest) => Promise<Card>;
  logger: { warn(o: object, m?: string): void };
  debounceMs?: number;
  batch?: number;
  now?: () => Date;
}

const requestOf = (v: HomeViewer): HomeRequest => ({
  user: v.user,
  conversation: { platform: v.platform, channelId: v.channelId },
  surface: v.surface,
});

/**
 * Issue 17: homes follow the queue wherever it changes. Each drawn home is stored (analytics.home_viewers);
 * a change marks, in the database, the stored homes whose viewer may see it (their scope, as the home
 * itself computes it: issue 18); after a short pause one round takes the marks (each mark is taken by
 * one replica) and asks each home's platform gateway to draw it again. A burst of changes marks a
 * home once, so it is drawn once. A failure only costs a refresh: never the decision that caused it.
 */
export function createHomeRefresh(deps: HomeRefreshDeps) {
  const debounce = deps.debounceMs ?? DEBOUNCE_MS;
  const batch = deps.batch ?? BATCH;
  const now = deps.now ?? (() => new Date());
  /** Work started and not finished: marking and rounds. */
  const busy = new Set<Promise<unknown>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDone: (() => void) | undefined;
  let round: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    busy.add(p);
    void p.finally(() => busy.delete(p)).catch(() => {});
    return p;
  };

  const mayShow = async (v: HomeViewer, change: QueueChange): Promise<boolean> => {
    if (change.everyone) return true;
    const scope = await deps.access.scopeFor(requestOf(v));
    if (scope.kind === 'book') return true;
    for (const id of change.reportIds ?? []) if (await deps.reports.findById(id, scope)) return true;
    for (const id of change.ingestionIds ?? []) if (await deps.reports.ingestionVisible(id, scope)) return true;
    return false;
  };

  const draw = async (v: HomeViewer) => {
    const gateway = deps.gateways[v.platform];
    if (!gateway?.refreshHome) return;
    try {
      const outcome = await gateway.refreshHome(v, await deps.home(requestOf(v)));
      if (outcome === 'gone') await deps.viewers.forget(v);
    } catch (err) {
      deps.logger.warn({ err, user: v.user, platform: v.platform }, 'home not drawn again');
    }
  };

  const runRound = async (): Promise<void> => {
    for (;;) {
      again = false;
      const due = await deps.viewers.takeDue(batch);
      for (let i = 0; i < due.length; i += PARALLEL) await Promise.all(due.slice(i, i + PARALLEL).map(draw));
      if (due.length < batch && !again) return;
    }
  };

  const schedule = () => {
    if (stopped) return;
    if (round) {
      // A round is drawing: it takes what was marked meanwhile before it ends.
      again = true;
      return;
    }
    if (timer) return;
    const waited = new Promise<void>((resolve) => {
      timerDone = resolve;
    });
    track(waited);
    timer = setTimeout(() => {
      timer = undefined;
      round = track(
        runRound()
          .catch((err: unknown) => deps.logger.warn({ err }, 'homes not drawn again'))
          .finally(() => {
            round = undefined;
          }),
      );
      timerDone?.();
    }, debounce);
    timer.unref?.();
  };

  return {
    /** Records where a person's home was just drawn; a failure only costs its later refreshes. */
    async seen(v: Omit<HomeViewer, 'seenAt'>): Promise<void> {
      await deps.viewers
        .seen(v)
        .catch((err: unknown) => deps.logger.warn({ err, user: v.user }, 'home viewer not stored'));
    },
    /** The queue changed: never throws, never holds up the caller. */
    changed: ((change: QueueChange) => {
      if (stopped) return;
      void track(
        (async () => {
          const since = new Date(now().getTime() - FRESH_FOR_DAYS * 86_400_000);
          const viewers = await deps.viewers.recent(since, MARK_LIMIT);
          const shown = await Promise.all(viewers.map((v) => mayShow(v, change).catch(() => false)));
          const marked = await deps.viewers.markDue(viewers.filter((_, i) => shown[i]));
          if (marked > 0) schedule();
        })().catch((err: unknown) => deps.logger.warn({ err }, 'queue change not passed on to homes')),
      );
    }) satisfies QueueChanged,
    /** Resolves when every change so far has been drawn (tests wait on it; shutdown too). */
    async idle(): Promise<void> {
      while (busy.size > 0) await Promise.allSettled([...busy]);
    },
    /** Stops drawing: a pending round is dropped (its marks stay for the next change or replica). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerDone?.();
      await Promise.allSettled([...busy]);
    },
  };
}

export type HomeRefresh = ReturnType<typeof createHomeRefresh>;
