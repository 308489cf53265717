import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const importsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');

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

// A statement as it appears in a string literal: the shapes the repositories write.
const SQL =
  /^\s*(select\s[\s\S]*\sfrom\s|insert\s+into\s|update\s+[\w."]+\s+set\s|delete\s+from\s|with\s+\w+\s+as\s*\(|create\s+(table|index|schema)\s|alter\s+table\s)/i;
const sqlIn = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*?)\1/g)]
    .map((m) => m[2] ?? '')
    .filter((text) => SQL.test(text));

// Columns that only the SQL rows of analytics.margin_reports, ingestions and report_conflicts have
// (the extracted report's own fields, such as needs_review, are the extraction contract and may
// appear; audit payload keys are strings, not reads). Core works with the domain types (Report in
// src/core/report/report.model.ts with ReportConflict, Ingestion in src/core/ingest/ingestion.model.ts); the
// repositories map rows onto them.
const ROW_COLUMNS = [
  'extracted_data|validation_status|extraction_confidence|decision_reason_code|decision_reason|pending_since',
  'source_ref|source_url|storage_key|file_hash|reply_ref|uploaded_by|duplicate_of|error_message|processed_at',
  'existing_report_id',
].join('|');
const ROW_USE = new RegExp(
  `\\.\\s*(?:${ROW_COLUMNS})\\b|^\\s*(?:${ROW_COLUMNS})\\??\\s*:[^,\\n]*;\\s*$|\\b(?:StoredReport|ReportRow)\\b`,
  'gm',
);
const rowUsesIn = (text: string) => [...text.replace(/\/\/.*$/gm, '').matchAll(ROW_USE)].map((m) => m[0].trim());

describe('module boundaries', () => {
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

  it('keeps report, ingestion and conflict rows in src/store: core reads and declares none of their columns', () => {
    const offenders = sources(path.join(root, 'src', 'core')).flatMap((file) =>
      rowUsesIn(readFileSync(file, 'utf8')).map((use) => `${path.relative(root, file)}: ${use}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds a report row column read or declared in core (the check can fail)', () => {
    const probe = [
      'interface Row {',
      '  validation_status: ReportStatus;',
      '}',
      'const d = r.extracted_data;',
      'const audit = { validation_status: r.status, note: "r.pending_since" };',
      'type Old = StoredReport;',
    ].join('\n');
    expect(rowUsesIn(probe)).toEqual([
      'validation_status: ReportStatus;',
      '.extracted_data',
      '.pending_since',
      'StoredReport',
    ]);
  });

  it('keeps every SQL statement inside src/store', () => {
    const offenders = sources(path.join(root, 'src'))
      .filter((file) => !path.relative(root, file).startsWith('src/store/'))
      .flatMap((file) => sqlIn(file).map((sql) => `${path.relative(root, file)}: ${sql.trim().slice(0, 60)}`));
    expect(offenders).toEqual([]);
  });

  it('finds a statement when one is written outside the store (the check can fail)', () => {
    const probe = path.join(root, 'test/foundation/fixtures.sql-probe.txt');
    expect(sqlIn(probe)).toHaveLength(2);
  });

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
