import type { Logger } from '../../observability/logger.ts';
import type { WireActivity } from './teams.activity.ts';
import { answeredAfterFailure, invokeResponse } from './teams.handlers.ts';

/** The tenant an activity comes from: Teams puts it on the conversation and in channelData. */
export const tenantOf = (a: WireActivity): string | undefined => a.conversation?.tenantId ?? a.channelData?.tenant?.id;

interface MiddlewareApp {
  use(mw: (ctx: { activity: unknown; next: () => unknown }) => Promise<unknown>): unknown;
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
    logger: Logger;
  },
): void {
  const allowed = new Set(deps.allowedTenants);
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
    const run = await deps
      .onceEvent(`teams:activity:${a.conversation.id}:${a.id}`, async () => {
        const answer = await next();
        if (answeredAfterFailure(answer)) {
          failed = { answer };
          throw new Error('teams handler failed; claim released');
        }
        return answer;
      })
      .catch((err: unknown) => {
        if (failed) return { taken: true as const, value: failed.answer };
        throw err;
      });
    if (run.taken) return run.value;
    deps.logger.debug({ teams: { id: a.id, type: a.type } }, 'teams activity already taken; redelivery ignored');
    return a.type === 'invoke'
      ? invokeResponse({ notice: 'Already received; the summary shows the result.' })
      : undefined;
  });
}
