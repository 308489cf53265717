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
