import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fillManifest, pngSize, zip } from '../../manifests/teams/package.ts';

const template = readFileSync(new URL('../../manifests/teams/manifest.json', import.meta.url), 'utf8');
const env = { TEAMS_CLIENT_ID: '6f1a2b3c-1234-4abc-9def-0123456789ab', PUBLIC_URL: 'https://marginiq.example.com/' };

/** Reads a ZIP back with nothing but its central directory and zlib. */
function unzip(buf: Buffer): Record<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const localName = buf.readUInt16LE(offset + 26);
    const start = offset + 30 + localName + buf.readUInt16LE(offset + 28);
    const body = buf.subarray(start, start + size);
    // 0 = stored (already-compressed PNGs), 8 = deflate.
    out[name] = method === 0 ? Buffer.from(body) : inflateRawSync(body);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('Teams app package', () => {
  it('fills every placeholder and keeps the bot, files, commands and resource-specific permissions', () => {
    const { manifest, problems } = fillManifest(template, env);
    expect(problems).toEqual([]);
    expect(manifest).not.toContain('${{');
    const m = JSON.parse(manifest ?? '{}');
    expect(Number(m.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(m.id).toBe(env.TEAMS_CLIENT_ID);
    expect(m.bots[0]).toMatchObject({
      botId: env.TEAMS_CLIENT_ID,
      supportsFiles: true,
      scopes: ['personal', 'team', 'groupChat'],
    });
    const commands = m.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual([
      'help',
      'report',
      'recent',
      'pending',
      'calls',
      'stats',
      'health',
      'export',
      'digest',
      'role',
    ]);
    // Issue 17: the personal chat's list leads with `home` (Teams allows 10 commands per list, one list per scope).
    const personal = m.bots[0].commandLists.find((l: { scopes: string[] }) => l.scopes.includes('personal'));
    expect(personal.commands[0].title).toBe('home');
    expect(personal.commands.length).toBeLessThanOrEqual(10);
    expect(m.bots[0].commandLists.flatMap((l: { scopes: string[] }) => l.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
    for (const list of m.bots[0].commandLists)
      for (const c of list.commands) expect(c.description.length).toBeLessThanOrEqual(128);
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.validDomains).toEqual(['marginiq.example.com']);
    expect(m.webApplicationInfo.id).toBe(env.TEAMS_CLIENT_ID);
    expect(m.authorization.permissions.resourceSpecific.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['ChannelMessage.Read.Group', 'ChatMessage.Read.Chat']),
    );
  });

  it('names each missing or malformed setting', () => {
    expect(fillManifest(template, {}).problems.map((p) => p.split(':')[0])).toEqual(['TEAMS_CLIENT_ID', 'PUBLIC_URL']);
    expect(fillManifest(template, { ...env, PUBLIC_URL: 'http://plain.example' }).problems).toEqual([
      'PUBLIC_URL: must be an https URL',
    ]);
    expect(fillManifest(template, { ...env, TEAMS_CLIENT_ID: 'bot' }).problems).toEqual([
      'TEAMS_CLIENT_ID: must be a GUID',
    ]);
  });

  it('writes a ZIP any unzip can read, with icons of the sizes Teams requires', () => {
    const color = readFileSync(new URL('../../manifests/teams/color.png', import.meta.url));
    const outline = readFileSync(new URL('../../manifests/teams/outline.png', import.meta.url));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    const files = unzip(
      Buffer.from(
        zip([
          { name: 'manifest.json', data: Buffer.from('{"a":1}') },
          { name: 'color.png', data: color },
        ]),
      ),
    );
    expect(files['manifest.json']?.toString()).toBe('{"a":1}');
    expect(files['color.png']?.equals(color)).toBe(true);
  });
});
