import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root, for the tests that read the sources (test/foundation/boundaries.*.test.ts). */
export const root = path.resolve(import.meta.dirname, '../..');

/** Every .ts file under a folder. */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

/** The module specifiers a source imports or re-exports, statically or dynamically. */
export const importsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
