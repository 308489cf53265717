/**
 * Field readings of every document, for comparing two versions of field reading: the dev corpus
 * (../shared/corpus/statements), test/fixtures, test/holdout and generated statements 0–249 (+ 4
 * scanned). Pages are read once (text layer and OCR words, cached in --cache) and interpreted by the
 * code of this checkout; each document's readings (values, confidence, evidence, rivals, issues, or
 * the refusal) go to --out as one JSON file, without timings. OCR verification (a second reading of
 * a scanned figure) is left out: it needs the page images, which the cache does not keep.
 *
 *   node bench/readings.dump.ts --cache /tmp/pages --out /tmp/before
 *   (change the code)
 *   node bench/readings.dump.ts --cache /tmp/pages --out /tmp/after && diff -r /tmp/before /tmp/after
 *
 * The CLI itself (with OCR verification) is compared by scripts/readings.tee.sh under the scorer.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOcrPool, type OcrPool } from '../src/extraction/ocr/ocr.pool.ts';
import { interpretPages } from '../src/extraction/pages.interpreter.ts';
import { type ReadPage, readPages } from '../src/extraction/pages.reader.ts';
import { closePdfReaders } from '../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';
import { renderStatement } from '../test/generator/render.ts';
import { generateStatement } from '../test/generator/statement.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const CACHE = arg('--cache', '/tmp/marginiq-pages');
const OUT = arg('--out', '/tmp/marginiq-readings');
const ONLY = new RegExp(arg('--only', '.'));
const GENERATED = Number(arg('--generated', '250'));
const SEED = 20261206;
mkdirSync(CACHE, { recursive: true });
mkdirSync(OUT, { recursive: true });

const state: { pool: OcrPool | null } = { pool: null };
const ocrPool = () => {
  state.pool ??= createOcrPool({ size: 2 });
  return state.pool;
};

async function pagesOf(name: string, bytes: () => Promise<Uint8Array>): Promise<ReadPage[]> {
  const file = path.join(CACHE, `${name}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ReadPage[];
  const { pages } = await readPages(await bytes(), {
    raster: PAGE_RASTER_MODULE,
    maxPages: 50,
    dpi: 250,
    signal: new AbortController().signal,
    ocrPool,
  });
  const kept = pages.map(({ ocrPage: _o, ...p }) => ({ ...p, page: { ...p.page, images: undefined } }));
  writeFileSync(file, JSON.stringify(kept));
  return kept as ReadPage[];
}

async function dump(name: string, bytes: () => Promise<Uint8Array>): Promise<void> {
  let out: unknown;
  try {
    const pages = await pagesOf(name, bytes);
    const outcome = await interpretPages(pages, {
      fileName: `${name}.pdf`,
      count: pages.length,
      signal: new AbortController().signal,
      started: 0,
      ocrPool,
      now: () => new Date('2028-01-01T00:00:00Z'),
    });
    out = outcome.readings.map((r) => ({ ...r, processing_time_ms: 0 }));
  } catch (err) {
    out = { error: err instanceof Error ? err.message : String(err) };
  }
  writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify(out, null, 1)}\n`);
}

const dirs = [
  ['corpus', path.resolve(ROOT, '../../shared/corpus/statements')],
  ['fixtures', path.join(ROOT, 'test/fixtures/reports')],
  ['holdout', path.join(ROOT, 'test/holdout/reports')],
] as const;
try {
  for (const [tag, dir] of dirs) {
    const base = existsSync(dir) ? dir : path.resolve('/work/shared/corpus/statements');
    for (const f of readdirSync(base).filter((x) => x.endsWith('.pdf'))) {
      const name = `${tag}-${f.replace(/\.pdf$/, '')}`;
      if (ONLY.test(name)) await dump(name, async () => new Uint8Array(readFileSync(path.join(base, f))));
    }
  }
  const generated = [
    ...Array.from({ length: GENERATED }, (_, i) => ({ i, kind: 'text' as const })),
    ...Array.from({ length: 4 }, (_, i) => ({ i: 10_000 + i, kind: 'scanned' as const })),
  ];
  for (const { i, kind } of generated) {
    const name = `gen-${kind}-${i}`;
    if (!ONLY.test(name)) continue;
    await dump(name, async () => (await renderStatement(generateStatement(SEED, i, { kind }))).bytes);
  }
} finally {
  await state.pool?.close();
  await closePdfReaders();
}
