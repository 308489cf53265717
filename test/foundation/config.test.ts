import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.database.kind).toBe('pglite');
    expect(r.config.http.port).toBe(3000);
    expect(r.config.storage.kind).toBe('local');
    expect(r.config.slack).toBeUndefined();
    expect(r.config.teams).toBeUndefined();
    expect(r.config.console.enabled).toBe(true);
    // The console with no platform listens on localhost only.
    expect(r.config.http.host).toBe('127.0.0.1');
    expect(r.config.limits.maxFileBytes).toBe(25 * 1024 * 1024);
    expect(r.config.limits.maxPages).toBe(50);
  });

  it('names each bad variable once, in one line each', () => {
    const r = loadConfig({ PORT: 'eighty', ADMINS: 'U0123', DATABASE_URL: 'mysql://db/x', MAX_PAGES: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const settings = r.problems.map((p) => p.setting).sort();
    expect(settings).toEqual(['ADMINS', 'DATABASE_URL', 'MAX_PAGES', 'PORT']);
    for (const p of r.problems) expect(p.reason).not.toContain('\n');
  });

  it('requires the Slack signing secret with a bot token, unless Socket Mode', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.setting).toBe('SLACK_SIGNING_SECRET');
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok).toBe(true);
  });

  it('turns the console off when a platform is configured and no console token is set', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(r.ok && r.config.console.enabled).toBe(false);
    const withToken = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', CONSOLE_TOKEN: 't0ken' });
    expect(withToken.ok && withToken.config.console.enabled).toBe(true);
    expect(withToken.ok && withToken.config.http.host).toBe('0.0.0.0');
  });

  it('parses ADMINS and DIGEST_CHANNELS as platform-qualified lists', () => {
    const r = loadConfig({ ADMINS: 'slack:U1, teams:abc-123', DIGEST_CHANNELS: 'slack:C1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.admins).toEqual(['slack:U1', 'teams:abc-123']);
    expect(r.config.digest.channels).toEqual(['slack:C1']);
  });

  it('refuses an invalid cron expression and an unknown time zone', () => {
    const r = loadConfig({ DIGEST_CRON: 'every morning', DIGEST_TZ: 'Mars/Olympus' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.setting)).toContain('DIGEST_TZ');
    const cron = loadConfig({ DIGEST_CRON: 'every morning' });
    expect(!cron.ok && cron.problems[0]?.setting).toBe('DIGEST_CRON');
    expect(loadConfig({ DIGEST_CRON: '' }).ok).toBe(false);
  });

  it('has a valid default schedule (node-cron is only asked when DIGEST_CRON is set)', async () => {
    const r = loadConfig({});
    const { validate } = await import('node-cron');
    expect(r.ok && validate(r.config.digest.cron)).toBe(true);
    expect(loadConfig({ DIGEST_CRON: '30 6 * * *' }).ok).toBe(true);
  });

  it('turns Teams on without credentials only with TEAMS_ENABLED', () => {
    const r = loadConfig({ TEAMS_ENABLED: 'true' });
    expect(r.ok && r.config.teams?.unauthenticated).toBe(true);
    const partial = loadConfig({ TEAMS_CLIENT_ID: 'x' });
    expect(partial.ok).toBe(false);
  });
});
