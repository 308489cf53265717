import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/observability/logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

describe('logging', () => {
  it('redacts tokens, secrets and authorization headers wherever they appear', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' } },
        slack: { botToken: 'xoxb-123-456-secret', signingSecret: 'shh' },
        teams: { clientSecret: 'teams-secret' },
      },
      'calling with xoxb-999-888-leak',
    );
    logger.error(
      { err: new Error('failed for postgres://app:hunter2@db:5432/x with Bearer eyJhbGciOi.eyJzdWIiOi.sig') },
      'boom',
    );
    const out = lines.join('');
    for (const secret of [
      'abc.def.ghi',
      'xoxb-123-456-secret',
      'shh',
      'teams-secret',
      'xoxb-999-888-leak',
      'hunter2',
      'eyJhbGciOi',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[Redacted]');
  });

  it('scrubs Slack tokens and database passwords from free text', () => {
    expect(scrubSecrets('token xoxb-1-2-3 and xapp-1-A-b')).toBe('token [Redacted] and [Redacted]');
    expect(scrubSecrets('postgresql://user:pw@host/db')).toBe('postgresql://user:[Redacted]@host/db');
  });
});
