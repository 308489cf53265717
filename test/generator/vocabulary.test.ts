import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hiddenLanguage } from './hidden.ts';
import { generateStatement } from './statement.ts';
import { allGeneratorLabels, FIELD_WORDS } from './words.ts';

/**
 * The generator measures reading by structure and accounting only if it does not speak the
 * extractor's words: no label it prints may equal a phrase of the extractor's vocabulary data.
 * The data is imported (whatever the files export: strings, lists, sets, maps, keys of tables),
 * so the check follows the data wherever it grows.
 */
const EXTRACTION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/extraction');
const DATA_DIRS = ['labels', 'vocabulary'];

function collect(value: unknown, into: Set<string>, seen = new Set<unknown>()): void {
  if (typeof value === 'string') {
    into.add(value);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof RegExp) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      collect(k, into, seen);
      collect(v, into, seen);
    }
  } else if (value instanceof Set || Array.isArray(value)) {
    for (const v of value) collect(v, into, seen);
  } else {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      collect(v, into, seen);
    }
  }
}

async function extractorVocabulary(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const dir of DATA_DIRS) {
    const full = path.join(EXTRACTION, dir);
    if (!existsSync(full)) continue;
    for (const file of readdirSync(full).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const mod: Record<string, unknown> = await import(pathToFileURL(path.join(full, file)).href);
      for (const v of Object.values(mod)) collect(v, out);
    }
  }
  return out;
}

const plain = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const bare = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('the generator vocabulary', () => {
  it('shares no label with the extractor vocabulary data (case-insensitive, punctuation aside)', async () => {
    const vocabulary = await extractorVocabulary();
    // The check is only worth something while it reads the extractor's real word lists.
    expect(vocabulary.size).toBeGreaterThan(200);
    const known = new Set([...vocabulary].flatMap((v) => [plain(v), bare(v)]).filter(Boolean));
    const shared = allGeneratorLabels().filter((l) => known.has(plain(l)) || known.has(bare(l)));
    expect(shared).toEqual([]);
  });

  it('is caught when a label is one of the extractor phrases', async () => {
    const vocabulary = await extractorVocabulary();
    const known = new Set([...vocabulary].map(bare));
    // Guards the test above against a collector that reads nothing useful.
    expect(known.has(bare('Maintenance Requirement'))).toBe(true);
  });
});

describe('the hidden vocabulary (hidden.ts)', () => {
  it('draws no word of the extractor vocabulary data for 60 documents, and prints none of its own labels', async () => {
    const vocabulary = await extractorVocabulary();
    const known = new Set([...vocabulary].flatMap((v) => bare(v).split(' ')).filter((w) => w.length >= 2));
    const shared: string[] = [];
    for (let i = 0; i < 60; i++) {
      const g = generateStatement(20261206, i, { hidden: true });
      const base = g.name.replace(/-hidden$/, '');
      shared.push(...[...hiddenLanguage(base).values()].filter((w) => known.has(w)));
      const printed = g.pages.flatMap((p) => p.items.map((it) => it.text));
      const labels = Object.values(FIELD_WORDS).flat();
      expect(printed.filter((t) => labels.includes(t))).toEqual([]);
    }
    expect(shared).toEqual([]);
  });
});
