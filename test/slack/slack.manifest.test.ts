import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/platforms/slack/slack.app.ts';
import { SLACK_COMMAND } from '../../src/platforms/slack/slack.handlers.ts';

const manifest = readFileSync(new URL('../../manifests/slack/manifest.yaml', import.meta.url), 'utf8');

/** The items of a YAML block list under `key:` (enough for this file; no YAML library needed). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = (lines[start] ?? '').search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.search(/\S/) <= indent && !line.trim().startsWith('- ')) break;
    const m = /^\s*- (\S+)\s*$/.exec(line);
    if (m?.[1]) items.push(m[1]);
  }
  return items;
}

describe('the Slack manifest', () => {
  it('points every request URL at /slack/events', () => {
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const u of urls) expect(u).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
  });

  it('registers the command, the events and the scopes the handlers use', () => {
    expect(manifest).toContain(`- command: ${SLACK_COMMAND}\n`);
    expect(manifest).toMatch(/should_escape: true/); // @user arrives as <@U…>, which /margin role reads
    expect(listUnder('bot_events').sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'file_shared',
      'message.channels',
      'message.groups',
      'message.im',
      'message.mpim',
    ]);
    const scopes = listUnder('bot');
    for (const s of [
      'chat:write',
      'files:read',
      'files:write',
      'commands',
      'app_mentions:read',
      'channels:history',
      'groups:history',
      'im:history',
      'mpim:history',
      'users:read',
      'channels:read',
    ]) {
      expect(scopes).toContain(s);
    }
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    // Issue 17: App Home is drawn with views.publish on app_home_opened.
    expect(manifest).toMatch(/home_tab_enabled: true/);
  });
});
