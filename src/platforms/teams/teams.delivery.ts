import type { Card } from '../../core/cards/card.model.ts';
import type { ConversationRef } from '../../core/ports/chat.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import { createStepDown } from '../step.down.ts';
import { messageFor } from './teams.cards.ts';
import { noMentions, TEAMS_LEVELS, type TeamsLevel } from './teams.tables.ts';

// Issue 17: the Bot Connector's rate limit. It answers HTTP 429, code `Throttled`, with a Retry-After
// header ("Status codes from bot conversational APIs", Teams platform docs).

interface HttpFailure {
  response?: { status?: number; headers?: Record<string, unknown> | { get?(name: string): unknown } };
  cause?: HttpFailure;
}

/** The HTTP status the connector answered, on the SDK's (axios) error or on our error wrapping it. */
export const statusOf = (err: unknown): number | undefined => {
  const e = err as HttpFailure | undefined;
  return e?.response?.status ?? e?.cause?.response?.status;
};

/**
 * RFC 9110 Retry-After: delay-seconds or an HTTP date; milliseconds to wait, or undefined when absent
 * or unreadable.
 */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 1000 : undefined;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The Retry-After of a connector 429 (`{"error":{"code":"Throttled"}}`), in milliseconds. */
export const retryAfterOf = (err: unknown): number | undefined => {
  const e = err as HttpFailure | undefined;
  const headers = e?.response?.headers ?? e?.cause?.response?.headers;
  if (!headers) return undefined;
  const get = (headers as { get?(name: string): unknown }).get;
  const raw =
    typeof get === 'function'
      ? get.call(headers, 'retry-after')
      : ((headers as Record<string, unknown>)['retry-after'] ?? (headers as Record<string, unknown>)['Retry-After']);
  return retryAfterMs(raw);
};

/** 429s a post or update waits out before giving up (progress updates wait for none: the caller paces them). */
const RATE_LIMIT_RETRIES = 3;
/** Without a Retry-After, the first wait after a 429 (doubling after that). */
const RATE_LIMIT_FIRST_WAIT_MS = 1_000;
/** A Retry-After longer than this is not waited out here: the error carries it to the caller. */
const RATE_LIMIT_MAX_WAIT_MS = 60_000;

/**
 * Runs a connector call; on a 429 waits its Retry-After and tries again, a few times. A progress update
 * (`once`) does not wait: its error (our AppError, `details.retryAfterMs`) carries the Retry-After to
 * the caller that paces them.
 */
export function createPacer(deps: { sleep?: ((ms: number) => Promise<void>) | undefined; logger: Logger }) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async function paced<T>(once: boolean, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (once || statusOf(err) !== 429 || attempt >= RATE_LIMIT_RETRIES) throw err;
        const wait = retryAfterOf(err) ?? RATE_LIMIT_FIRST_WAIT_MS * 2 ** attempt;
        if (wait > RATE_LIMIT_MAX_WAIT_MS) throw err;
        deps.logger.warn(
          { waitMs: wait, attempt: attempt + 1 },
          'Teams rate limit (HTTP 429): waiting its Retry-After',
        );
        await sleep(wait);
      }
    }
  };
}

/** The connector's answer to a card it will not deliver (a schema it does not take): HTTP 400. */
const refusedCard = (err: unknown) => statusOf(err) === 400;

/**
 * Issue 17: Teams refuses a card it cannot take with HTTP 400: native (Chart.*) → Table → FactSet,
 * then its text alone (platforms/step.down.ts). What a tenant refused is remembered, and logged once
 * per tenant.
 */
export function createTeamsDelivery(deps: {
  logger: Logger;
  /** The tenant a conversation belongs to, for the once-per-tenant log. */
  tenantOf: (to: ConversationRef) => Promise<string | undefined>;
}) {
  const steps = createStepDown<TeamsLevel, Record<string, unknown>>({ levels: TEAMS_LEVELS, refused: refusedCard });
  const logged = new Set<string>();
  function send<T>(
    to: ConversationRef,
    card: Card,
    deliver: (activity: Record<string, unknown>) => Promise<T>,
  ): Promise<{ result: T; level: TeamsLevel | 'text' }> {
    return steps.send({
      render: (level) => messageFor(card, { level }),
      deliver,
      // Never dropped: the card's text alone, which no card schema can refuse.
      textOnly: () => deliver({ type: 'message', text: noMentions(card.fallbackText) }),
      onRefused: async (level) => {
        const tenant = (await deps.tenantOf(to)) ?? 'tenant';
        if (logged.has(`${tenant}:${level}`)) return;
        logged.add(`${tenant}:${level}`);
        deps.logger.warn(
          { tenant, refused: level },
          `Teams refused the ${level} form of a card; sending a simpler form (logged once per tenant)`,
        );
      },
    });
  }
  return { send };
}
