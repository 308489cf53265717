import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/reports/compact-summary-01.pdf');

/**
 * A fresh process extracts one statement and records, with a resolve hook (which sees only the thread
 * it is registered in), every module its main thread loads.
 */
const script = (file: string, here = false) => `
import module from 'node:module';
import { readFileSync } from 'node:fs';
const seen = [];
module.registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
${here ? `(await import(${JSON.stringify(path.join(ROOT, 'src/extraction/pages.reading.ts'))})).readDocumentsHere();` : ''}
const { createExtractor } = await import(${JSON.stringify(path.join(ROOT, 'src/extraction/extractor.ts'))});
const { PAGE_RASTER_MODULE } = await import(${JSON.stringify(path.join(ROOT, 'src/render/page.raster.module.ts'))});
const extractor = createExtractor({ pageRaster: PAGE_RASTER_MODULE, maxFileBytes: 5e6, maxPages: 20, timeoutMs: 600000, ocrWorkers: 1 });
const outcome = await extractor.extract({ bytes: new Uint8Array(readFileSync(${JSON.stringify(file)})), fileName: 'a.pdf' });
await extractor.close();
const reading = seen.filter((u) => /\\/extraction\\/(fields|structure|solver|labels)\\//.test(u));
console.log(JSON.stringify({ reports: outcome.readings.length, equity: outcome.readings[0]?.fields.total_equity, reading }));
`;

function run(file: string, here = false) {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-reading-'));
  writeFileSync(path.join(dir, 'extract.mjs'), script(file, here));
  const out = spawnSync(process.execPath, [path.join(dir, 'extract.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as { reports: number; equity: number; reading: string[] };
}

/** A statement followed by dense pages of figures: more words than MAIN_THREAD_WORDS. */
async function longStatement(): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(FIXTURE));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 9; p++) {
    const page = doc.addPage([612, 792]);
    for (let r = 0; r < 70; r++)
      for (let c = 0; c < 10; c++)
        page.drawText(c % 2 ? (r * 1000 + c * 37.13).toFixed(2) : `Position ${p}-${r}`, {
          x: 20 + c * 58,
          y: 770 - r * 9,
          size: 6,
          font,
        });
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'marginiq-long-')), 'long.pdf');
  writeFileSync(file, await doc.save());
  return file;
}

describe('where a document is read', () => {
  it('reads fields in a reader thread: the main thread loads none of the structure model, field reader, labels or solver', () => {
    const out = run(FIXTURE);
    expect(out.reports).toBe(1);
    expect(out.equity).toBeGreaterThan(0);
    expect(out.reading).toEqual([]);
  }, 600_000);

  it('after readDocumentsHere (the CLI), reads a statement in the main thread', () => {
    const out = run(FIXTURE, true);
    expect(out.reports).toBe(1);
    expect(out.reading.length).toBeGreaterThan(0);
  }, 600_000);

  it('after readDocumentsHere, reads a document of more than MAIN_THREAD_WORDS words in a reader thread, where the timeout can end it', async () => {
    const out = run(await longStatement(), true);
    expect(out.reading).toEqual([]);
  }, 600_000);
});
