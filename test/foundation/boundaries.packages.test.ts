import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root, sources } from '../support/source.files.ts';

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

describe('module boundaries: packages and native code', () => {
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
});
