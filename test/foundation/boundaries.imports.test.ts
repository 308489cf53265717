import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, root, sources } from '../support/source.files.ts';

// What src/core and src/extraction may not import: chat SDKs, the database, the queue, the platforms.
const FORBIDDEN = [
  /^@slack\//,
  /^@microsoft\//,
  /^pg$/,
  /^pg-boss/,
  /^@electric-sql\//,
  /^@supabase\//,
  /^node-cron/,
  /\/platforms\//,
  /\/store\//,
  /\/jobs\//,
  /\/http\//,
  // Native libraries and file formats are adapters (src/render), injected through ports.
  /^@napi-rs\//,
  /^canvas$/,
  /^sharp$/,
  /^hyparquet/,
  /^exceljs$/,
  /^fflate$/,
  /^prom-client$/,
  /\/render\//,
  /\/observability\/metrics/,
];

describe('module boundaries: imports', () => {
  for (const folder of ['core', 'extraction']) {
    it(`keeps src/${folder} free of chat SDKs, the database, the queue and the platforms`, () => {
      const offenders = sources(path.join(root, 'src', folder)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => FORBIDDEN.some((re) => re.test(spec)))
          .map((spec) => `${path.relative(root, file)} imports ${spec}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('keeps every Slack import inside src/platforms/slack and every Teams import inside src/platforms/teams', () => {
    const offenders = sources(path.join(root, 'src')).flatMap((file) => {
      const rel = path.relative(root, file);
      return importsOf(file)
        .filter(
          (spec) =>
            (spec.startsWith('@slack/') && !rel.startsWith('src/platforms/slack/')) ||
            (spec.startsWith('@microsoft/teams') && !rel.startsWith('src/platforms/teams/')),
        )
        .map((spec) => `${rel} imports ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in the CLI entry and the config folder', () => {
    const offenders = sources(path.join(root, 'src'))
      .filter(
        (file) => !path.relative(root, file).startsWith('src/config/') && path.relative(root, file) !== 'src/cli.ts',
      )
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
