import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('extraction and core boundaries', () => {
  it('import nothing from platforms, store or any chat SDK', () => {
    const offenders: string[] = [];
    for (const file of [...sources(path.join(SRC, 'extraction')), ...sources(path.join(SRC, 'core'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (
          /\/(platforms|store)\//.test(spec) ||
          /^@slack\/|^@microsoft\/teams|^botbuilder|^@supabase\/|^pg(-boss)?$/.test(spec)
        ) {
          offenders.push(`${path.relative(SRC, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('extraction imports nothing from core, not even types: shared types live in src/contract/', () => {
    const offenders: string[] = [];
    const core = path.join(SRC, 'core') + path.sep;
    for (const file of sources(path.join(SRC, 'extraction'))) {
      const text = readFileSync(file, 'utf8');
      const into = (spec: string) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(core);
      // Static imports and re-exports (`import type` too), side-effect and dynamic imports.
      for (const m of text.matchAll(/^\s*(?:import|export)\s+[^;]*?\s+from\s+['"]([^'"]+)['"]/gms))
        if (into(m[1]!)) offenders.push(`${path.relative(SRC, file)}: ${m[0].trim().replace(/\s+/g, ' ')}`);
      for (const m of text.matchAll(/(?:^\s*import\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm))
        if (into(m[1]!)) offenders.push(`${path.relative(SRC, file)}: ${m[0].trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the rules run in one place: only finishReport calls applyRules', () => {
    const callers = [...sources(path.join(SRC))].filter(
      (f) => !f.endsWith('report.rules.ts') && /\bapplyRules\s*\(/.test(readFileSync(f, 'utf8')),
    );
    expect(callers.map((f) => path.relative(SRC, f))).toEqual([path.join('core', 'report', 'report.finish.ts')]);
  });
});
