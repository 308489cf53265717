import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/core/report/report.schema.ts';

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

// Packages core and extraction may name at all (imports, dynamic imports, createRequire, a specifier
// kept in a variable): validation, the logger's types, pdf.js and tesseract.js (JavaScript and WASM).
// Every other dependency of package.json is an SDK, a driver or a native library and stays outside.
const PURE_PACKAGES = ['zod', 'pino', 'pdfjs-dist', 'tesseract.js', '@tesseract.js-data/eng'];
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
  string,
  Record<string, string> | undefined
>;
const DEPENDENCIES = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2) : spec.split('/', 1)).join('/');
/** Dependencies named by any string or template literal of the source (comments aside). */
function packagesNamedIn(source: string): string[] {
  const sf = ts.createSourceFile('f.ts', source, ts.ScriptTarget.Latest, true);
  const named: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const pkg = packageOf(n.text);
      if (DEPENDENCIES.includes(pkg)) named.push(pkg);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return named;
}
/**
 * A package ships native code when it holds a .node addon or a binding.gyp, or its manifest says it
 * is built by node-gyp or napi-rs (whose addon sits in a per-platform optional package).
 */
function shipsNativeCode(pkg: string): boolean {
  const dir = path.join(root, 'node_modules', pkg);
  const own = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { napi?: unknown; gypfile?: unknown };
  const walk = (d: string, depth: number): boolean =>
    readdirSync(d, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? e.name !== 'node_modules' && depth < 6 && walk(path.join(d, e.name), depth + 1)
        : e.name.endsWith('.node') || e.name === 'binding.gyp',
    );
  return own.napi !== undefined || own.gypfile === true || walk(dir, 0);
}

/**
 * Native code a package pulls in through its dependencies (optional ones too), as `a > b` chains: the
 * package resolved where Node would (its own node_modules, then up), an absent optional one skipped.
 */
function nativeBelow(pkg: string, dir = path.join(root, 'node_modules', pkg), seen = new Set<string>()): string[] {
  const own = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const deps = Object.keys({ ...(own.dependencies as object), ...(own.optionalDependencies as object) });
  return deps.flatMap((dep) => {
    let at = dir;
    while (!existsSync(path.join(at, 'node_modules', dep, 'package.json')) && at !== path.dirname(at))
      at = path.dirname(at);
    const depDir = path.join(at, 'node_modules', dep);
    if (!existsSync(path.join(depDir, 'package.json')) || seen.has(depDir)) return [];
    seen.add(depDir);
    const own = (chains: string[]) => chains.map((c) => `${pkg} > ${c}`);
    return shipsNativeCode(path.relative(path.join(root, 'node_modules'), depDir))
      ? [`${pkg} > ${dep}`]
      : own(nativeBelow(dep, depDir, seen));
  });
}

/** Native addons loaded by path or by hand: a `.node` file named in a string, process.dlopen, process.binding. */
function addonLoadsIn(source: string): string[] {
  const sf = ts.createSourceFile('f.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /\.node$/.test(n.text)) found.push(n.text);
    if (ts.isPropertyAccessExpression(n) && /^process\.(dlopen|binding|_linkedBinding)$/.test(n.getText(sf)))
      found.push(n.getText(sf));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** pdf.js's main module by name (not its worker, not its package.json), as a loader would import it. */
const PDFJS_MAIN = /^pdfjs-dist\/(legacy\/)?build\/pdf(\.min)?\.mjs$/;
/**
 * Where pdf.js is opened without the injected page rasteriser (a getDocument call whose options name no
 * CanvasFactory: pdf.js then loads its own native canvas), or loaded other than as a type outside the loader.
 */
function pdfjsUsesIn(source: string, loader: boolean): string[] {
  const sf = ts.createSourceFile('f.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && /(^|\.)getDocument$/.test(n.expression.getText(sf))) {
      const opts = n.arguments[0];
      const named =
        opts &&
        ts.isObjectLiteralExpression(opts) &&
        opts.properties.some((p) => p.name?.getText(sf) === 'CanvasFactory');
      if (!named) found.push(`getDocument without CanvasFactory (line ${line(n)})`);
    }
    const inType = n.parent && ts.isLiteralTypeNode(n.parent) && ts.isImportTypeNode(n.parent.parent);
    if (
      (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) &&
      PDFJS_MAIN.test(n.text) &&
      !inType &&
      !loader
    )
      found.push(`loads ${n.text} (line ${line(n)})`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

// Snake_case property names a core type may declare: the keys of the documented `extract --json`
// report (interface.md), in the report contract's own types (src/core/report/) or in a refinement of
// it (`MarginReport & { report_date: string }`), and the keys of GET /health's JSON body. Anything
// else snake_case in a core type is a SQL row's column layout leaking in: the repository maps it.
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

  it('lets src/core, src/extraction and src/contract name no package but validation, logging, pdf.js and tesseract.js', () => {
    const offenders = ['core', 'extraction', 'contract']
      .flatMap((folder) => sources(path.join(root, 'src', folder)))
      .flatMap((file) =>
        packagesNamedIn(readFileSync(file, 'utf8'))
          .filter((pkg) => !PURE_PACKAGES.includes(pkg))
          .map((pkg) => `${path.relative(root, file)} names ${pkg}`),
      );
    expect(offenders).toEqual([]);
  });

  it('finds a package named anywhere in a source, a specifier kept in a variable too (the check can fail)', () => {
    const probe = [
      "const main: string = '@napi-rs/canvas';",
      "createRequire(import.meta.url)('pg-boss/dist/index.js');",
      "import { z } from 'zod';",
      "// 'exceljs' in a comment is not a use",
    ].join('\n');
    expect(packagesNamedIn(probe)).toEqual(['@napi-rs/canvas', 'pg-boss', 'zod']);
  });

  it('allows core and extraction only packages that ship no native code', () => {
    expect(PURE_PACKAGES.filter(shipsNativeCode)).toEqual([]);
    // The check can fail: the chart renderer's canvas (src/render) is a native library.
    expect(shipsNativeCode('@napi-rs/canvas')).toBe(true);
  });

  it("lets core and extraction pull in no native code through those packages either, but pdf.js's canvas", () => {
    // pdf.js on Node loads @napi-rs/canvas (an optional dependency) by itself; in the reader thread it is
    // refused that and draws with the injected rasteriser (test/extraction/page.raster.test.ts shows a
    // text PDF leaves skia unloaded). Any other native dependency below these packages fails here.
    expect(PURE_PACKAGES.flatMap((pkg) => nativeBelow(pkg))).toEqual(['pdfjs-dist > @napi-rs/canvas']);
  });

  it('loads no native addon by hand in src/core or src/extraction (no .node path, no process.dlopen)', () => {
    const offenders = ['core', 'extraction']
      .flatMap((folder) => sources(path.join(root, 'src', folder)))
      .flatMap((file) => addonLoadsIn(readFileSync(file, 'utf8')).map((a) => `${path.relative(root, file)}: ${a}`));
    expect(offenders).toEqual([]);
    // The check can fail.
    const probe = "const addon = require('../build/Release/skia.node');\nprocess.dlopen(m, file);";
    expect(addonLoadsIn(probe)).toEqual(['../build/Release/skia.node', 'process.dlopen']);
  });

  it('gives pdf.js the injected page rasteriser: every getDocument names a CanvasFactory, only the loader imports pdf.js', () => {
    const loader = path.join(root, 'src/extraction/pdf/pdfjs.loader.ts');
    const offenders = ['core', 'extraction']
      .flatMap((folder) => sources(path.join(root, 'src', folder)))
      .flatMap((file) =>
        pdfjsUsesIn(readFileSync(file, 'utf8'), file === loader).map((u) => `${path.relative(root, file)}: ${u}`),
      );
    expect(offenders).toEqual([]);
    // The check can fail: options without the factory, and pdf.js loaded beside the loader.
    const probe = [
      "type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');",
      "const pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');",
      'pdfjs.getDocument({ data, CanvasFactory: raster.CanvasFactory });',
      'pdfjs.getDocument({ data });',
      'getDocument(options);',
    ].join('\n');
    expect(pdfjsUsesIn(probe, false)).toEqual([
      'loads pdfjs-dist/legacy/build/pdf.min.mjs (line 2)',
      'getDocument without CanvasFactory (line 4)',
      'getDocument without CanvasFactory (line 5)',
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
