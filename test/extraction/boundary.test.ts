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
});
