/**
 * `npm run package:teams`: fills the manifest's ${{PLACEHOLDERS}} from the environment, checks the
 * result, and writes dist/marginiq-teams.zip (manifest.json, color.png, outline.png at its root) —
 * the app package Teams sideloads.
 *
 *   TEAMS_CLIENT_ID  the Azure bot's Microsoft App ID (a GUID)             required
 *   PUBLIC_URL       https address of the service, e.g. https://marginiq.example.com   required
 *   TEAMS_APP_ID     the Teams app's own id (a GUID)                        default: TEAMS_CLIENT_ID
 *   DEVELOPER_NAME   shown in the Teams store listing                       default: MarginIQ
 *   PUBLIC_HOST      the host of PUBLIC_URL                                  derived
 *
 * A build tool, not the service: it reads process.env itself. Exit 2 with one line per problem.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from '../../src/render/zip.writer.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same ZIP writer the exports use: one implementation of the format. */
export { zip };

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function fillManifest(
  template: string,
  env: Record<string, string | undefined>,
): { manifest?: string; problems: string[] } {
  const problems: string[] = [];
  const clientId = env.TEAMS_CLIENT_ID?.trim();
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (!clientId) problems.push('TEAMS_CLIENT_ID: is required (the Azure bot registration’s Microsoft App ID)');
  else if (!GUID.test(clientId)) problems.push('TEAMS_CLIENT_ID: must be a GUID');
  let host: string | undefined;
  if (!publicUrl)
    problems.push('PUBLIC_URL: is required (the https address Teams reaches, e.g. https://marginiq.example.com)');
  else {
    try {
      const u = new URL(publicUrl);
      if (u.protocol !== 'https:') problems.push('PUBLIC_URL: must be an https URL');
      host = u.host;
    } catch {
      problems.push('PUBLIC_URL: is not a URL');
    }
  }
  const appId = env.TEAMS_APP_ID?.trim() || clientId;
  if (env.TEAMS_APP_ID && !GUID.test(env.TEAMS_APP_ID.trim())) problems.push('TEAMS_APP_ID: must be a GUID');
  if (problems.length > 0) return { problems };
  const values: Record<string, string> = {
    TEAMS_CLIENT_ID: clientId as string,
    TEAMS_APP_ID: appId as string,
    PUBLIC_URL: publicUrl as string,
    PUBLIC_HOST: host as string,
    DEVELOPER_NAME: env.DEVELOPER_NAME?.trim() || 'MarginIQ',
  };
  const manifest = template.replace(/\$\{\{(\w+)\}\}/g, (m, name: string) => {
    const v = values[name];
    if (v === undefined) problems.push(`${name}: is not a known placeholder`);
    return v === undefined ? m : JSON.stringify(v).slice(1, -1);
  });
  JSON.parse(manifest);
  return problems.length > 0 ? { problems } : { manifest, problems };
}

function main(): number {
  const { manifest, problems } = fillManifest(readFileSync(path.join(here, 'manifest.json'), 'utf8'), process.env);
  const color = readFileSync(path.join(here, 'color.png'));
  const outline = readFileSync(path.join(here, 'outline.png'));
  const c = pngSize(color);
  const o = pngSize(outline);
  if (c.width !== 192 || c.height !== 192) problems.push('manifests/teams/color.png: must be 192×192');
  if (o.width !== 32 || o.height !== 32) problems.push('manifests/teams/outline.png: must be 32×32');
  if (!manifest || problems.length > 0) {
    for (const p of problems) process.stderr.write(`marginiq: ${p}\n`);
    return 2;
  }
  const out = path.join(root, 'dist', 'marginiq-teams.zip');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    zip([
      { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
      { name: 'color.png', data: color },
      { name: 'outline.png', data: outline },
    ]),
  );
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out)}: upload it in Teams → Apps → Manage your apps → Upload an app\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
