import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ILogger } from '@microsoft/teams.common';
import type { Logger } from '../../observability/logger.ts';
import { ADAPTIVE_CARD } from './teams.activity.ts';

/** An invoke answer: a card that replaces the clicked one for the person who clicked, or a notice. */
export type Answer = { card: IAdaptiveCard; notice?: undefined } | { card?: undefined; notice: string };

const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';
const SORRY = 'Something went wrong on MarginIQ’s side; it has been logged. Try again in a moment.';

/** Answers given after a handler failed: the ingress releases the activity's claim for them (issue 18). */
const afterFailure = new WeakSet<object>();
export const answeredAfterFailure = (response: unknown): boolean =>
  typeof response === 'object' && response !== null && afterFailure.has(response);

export const invokeResponse = (a: Answer) => ({
  status: 200,
  body: a.card
    ? { statusCode: 200, type: ADAPTIVE_CARD, value: a.card }
    : { statusCode: 200, type: INVOKE_MESSAGE, value: a.notice },
});

/** A handler's answer after it failed: "something went wrong", marked so the ingress releases the claim. */
export function answerAfterFailure() {
  const sorry = invokeResponse({ notice: SORRY });
  afterFailure.add(sorry);
  return sorry;
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
