import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/reports/compact-summary-01.pdf');

/**
 * A fresh process extracts one statement and records, with a resolve hook (which sees only the thread
 * it is registered in), every module its main thread loads.
 */
const SCRIPT = `
import module from 'node:module';
import { readFileSync } from 'node:fs';
const seen = [];
module.registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
const { createExtractor } = await import(${JSON.stringify(path.join(ROOT, 'src/extraction/extractor.ts'))});
const { PAGE_RASTER_MODULE } = await import(${JSON.stringify(path.join(ROOT, 'src/render/page.raster.module.ts'))});
const extractor = createExtractor({ pageRaster: PAGE_RASTER_MODULE, maxFileBytes: 5e6, maxPages: 5, timeoutMs: 600000, ocrWorkers: 1 });
const outcome = await extractor.extract({ bytes: new Uint8Array(readFileSync(${JSON.stringify(FIXTURE)})), fileName: 'a.pdf' });
await extractor.close();
const reading = seen.filter((u) => /\\/extraction\\/(fields|structure|solver|labels)\\//.test(u));
console.log(JSON.stringify({ reports: outcome.readings.length, equity: outcome.readings[0].fields.total_equity, reading }));
`;

describe('where a document is read', () => {
  it('reads fields in a reader thread: the main thread loads none of the structure model, field reader, labels or solver', () => {
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'marginiq-reading-')), 'extract.mjs');
    writeFileSync(script, SCRIPT);
    const run = spawnSync(process.execPath, [script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { reports: number; equity: number; reading: string[] };
    expect(out.reports).toBe(1);
    expect(out.equity).toBeGreaterThan(0);
    expect(out.reading).toEqual([]);
  }, 600_000);
});
