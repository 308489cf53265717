import type { ILogger } from '@microsoft/teams.common';
import type { Logger } from '../../observability/logger.ts';

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
