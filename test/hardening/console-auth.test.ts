import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createConsoleAuth } from '../../src/platforms/console/console.auth.ts';
import { runCli } from '../support/cli.ts';

// Issue 18 row 1: with Slack configured and CONSOLE_ENABLED=true but no token, the console answered
// any IP-literal Host and acted as admin.
const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('the console with a chat platform configured', () => {
  it('refuses CONSOLE_ENABLED=true without CONSOLE_TOKEN as a configuration error naming the variable', () => {
    for (const platform of [
      slack,
      { TEAMS_ENABLED: 'true' },
      { TEAMS_CLIENT_ID: 'a', TEAMS_CLIENT_SECRET: 'b', TEAMS_TENANT_ID: 'c' },
    ]) {
      const r = loadConfig({ ...platform, CONSOLE_ENABLED: 'true' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems).toEqual([
        { setting: 'CONSOLE_TOKEN', reason: 'is required with CONSOLE_ENABLED=true when Slack or Teams is configured' },
      ]);
    }
  });

  it('runs the console with a token, and keeps it off by default without one', () => {
    const off = loadConfig({ ...slack });
    expect(off.ok && off.config.console.enabled).toBe(false);
    const on = loadConfig({ ...slack, CONSOLE_ENABLED: 'true', CONSOLE_TOKEN: 'tok' });
    expect(on.ok && on.config.console.enabled).toBe(true);
    const local = loadConfig({ CONSOLE_ENABLED: 'true' });
    expect(local.ok && local.config.console.enabled).toBe(true);
  });

  it('stops `marginiq start` with exit 2 and one line', async () => {
    const r = await runCli(['start'], { ...slack, CONSOLE_ENABLED: 'true', PORT: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'marginiq: CONSOLE_TOKEN: is required with CONSOLE_ENABLED=true when Slack or Teams is configured',
    );
  });

  it('never lets a Host header stand in for the token', async () => {
    const auth = createConsoleAuth(undefined, { platformConfigured: true });
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const v = auth.check(req, new URL(req.url ?? '/', 'http://x'));
      res.writeHead(v.ok ? 200 : v.status);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      for (const host of ['10.0.0.5', 'localhost', '127.0.0.1', '[::1]']) {
        const status = await new Promise<number>((resolve, reject) => {
          request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
        expect(status, host).toBe(401);
      }
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
