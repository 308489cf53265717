import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';
import { type Measured, measureGenerated, summarise } from './measure.ts';

/**
 * Generated statements in layouts, words and formats the extractor never saw, through the product
 * path (extraction, then core's rules). What must always hold is asserted here; the strict
 * zero-silent-errors property and the per-layout figures live in `bench/generated.bench.ts`
 * while the extractor does not meet them yet.
 */
const SEED = 20261206;
const TEXT_DOCS = Number(process.env.GEN_DOCS ?? 250);
/**
 * Field recall the product reached on these documents at the last merge of this test: 0.688 with the
 * account tables read by structure (2026-12-06; precision 0.916, 2 silent errors in 254 documents
 * with the scanned ones, none in tables of several accounts; see bench/generated.bench.ts).
 * Raise it as extraction improves; it fails on a regression.
 */
const RECALL_FLOOR = 0.68;

const extractor = createExtractor({
  pageRaster: PAGE_RASTER_MODULE,
  maxFileBytes: 25 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 120_000,
  ocrWorkers: 1,
});
afterAll(() => extractor.close());

describe('extraction of generated text statements', { timeout: 300_000 }, () => {
  let results: Measured[] = [];
  beforeAll(async () => {
    results = await measureGenerated(extractor, { seed: SEED, count: TEXT_DOCS, kind: 'text' });
    const s = summarise(results);
    console.log(
      `generated text: ${s.docs} docs, recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)}, F1 ${s.f1.toFixed(3)}, silent errors ${s.silent}`,
    );
  }, 300_000);

  it('gives reports that validate against the report schema', () => {
    expect(results.flatMap((r) => r.schemaErrors.map((e) => `${r.name}: ${e}`))).toEqual([]);
  });

  it('places every evidence box on its page, over the printed value', () => {
    expect(results.flatMap((r) => r.evidenceProblems.map((e) => `${r.name}: ${e}`))).toEqual([]);
  });

  it('gives evidence for every value a report holds', () => {
    expect(results.flatMap((r) => r.missingEvidence.map((e) => `${r.name}: ${e}`))).toEqual([]);
  });

  it(`keeps field recall at or above ${RECALL_FLOOR}`, () => {
    expect(summarise(results).recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});

/**
 * Statements printed by a line printer: two label/value blocks side by side on each line, dotted
 * leaders, DR marks, a banner title (a layout drawn only by name, see NAMED_LAYOUTS). Recall on these
 * 12 was 0.991 when this test was written (2026-12-07); on the first 40, 0.989 (0.926 before dotted
 * leaders joined labels to their figures).
 */
const LINE_PRINTER_FLOOR = 0.9;

describe('extraction of generated line-printer statements', { timeout: 300_000 }, () => {
  it(`reads both blocks of each line, with evidence, at recall ${LINE_PRINTER_FLOOR} or above`, async () => {
    const results = await measureGenerated(extractor, { seed: SEED, count: 12, kind: 'text', layout: 'line-printer' });
    const s = summarise(results);
    console.log(`generated line-printer: ${s.docs} docs, recall ${s.recall.toFixed(3)}, silent errors ${s.silent}`);
    expect(results.flatMap((r) => r.schemaErrors)).toEqual([]);
    expect(results.flatMap((r) => r.evidenceProblems)).toEqual([]);
    expect(results.flatMap((r) => r.missingEvidence)).toEqual([]);
    expect(s.silent).toBe(0);
    expect(s.recall).toBeGreaterThanOrEqual(LINE_PRINTER_FLOOR);
  });
});

describe('extraction of generated scanned statements', { timeout: 600_000 }, () => {
  it('gives valid reports with evidence on the page', async () => {
    const results = await measureGenerated(extractor, { seed: SEED, from: 10_000, count: 2, kind: 'scanned' });
    const s = summarise(results);
    console.log(`generated scanned: ${s.docs} docs, recall ${s.recall.toFixed(3)}, silent errors ${s.silent}`);
    expect(results.flatMap((r) => r.schemaErrors)).toEqual([]);
    expect(results.flatMap((r) => r.evidenceProblems)).toEqual([]);
  });
});
