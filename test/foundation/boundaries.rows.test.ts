import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/core/report/report.schema.ts';
import { root, sources } from '../support/source.files.ts';

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

const CONTRACT_KEYS = new Set(Object.keys(reportSchema.shape));
const WIRE_FORMATS: Record<string, readonly string[]> = { HealthReport: ['latency_ms', 'uptime_s'] };
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
function snakeCaseTypesIn(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const inReportFolder = file.split(path.sep).join('/').includes('src/core/report/');
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertySignature(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      const name = n.name.text;
      let owner = '';
      for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
        if (ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p)) {
          owner = p.name.text;
          break;
        }
      }
      const literal = n.parent;
      const refinesReport =
        ts.isTypeLiteralNode(literal) &&
        ts.isIntersectionTypeNode(literal.parent) &&
        literal.parent.types.some(
          (t) => ts.isTypeReferenceNode(t) && /^(MarginReport|ReportReading)$/.test(t.typeName.getText(sf)),
        );
      const allowed =
        (CONTRACT_KEYS.has(name) && (inReportFolder || refinesReport)) || WIRE_FORMATS[owner]?.includes(name);
      if (SNAKE.test(name) && !allowed) {
        out.push(
          `${owner || '(type literal)'}.${name} (line ${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1})`,
        );
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('module boundaries: SQL and its rows stay in src/store', () => {
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

  it('declares no SQL row types in src/core: no snake_case property outside the documented JSON formats', () => {
    const offenders = sources(path.join(root, 'src', 'core')).flatMap((file) =>
      snakeCaseTypesIn(readFileSync(file, 'utf8'), file).map((p) => `${path.relative(root, file)}: ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds a row type declared in core (the check can fail)', () => {
    const probe = [
      'export interface CallRow { report_id: string; account_number: string; reportDate: string }',
      'export type Grant = { platform_user: string };',
      'export type Complete = MarginReport & { report_date: string };',
      'export interface HealthReport { uptime_s: number }',
      "const audit = { entity_type: 'margin_call' };",
    ].join('\n');
    expect(snakeCaseTypesIn(probe, path.join(root, 'src/core/calls/probe.ts'))).toEqual([
      'CallRow.report_id (line 1)',
      'CallRow.account_number (line 1)',
      'Grant.platform_user (line 2)',
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
});
