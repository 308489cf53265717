import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/contract/errors.ts';
import type { OcrPool } from '../../src/extraction/ocr/ocr.pool.ts';
import { readPages } from '../../src/extraction/pages.reader.ts';
import { readDocumentsHere, readInThread } from '../../src/extraction/pages.reading.ts';
import { closePdfReaders, dedicateReaderThreads } from '../../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';
import { runCli } from '../support/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REPORTS = path.join(ROOT, 'test/fixtures/reports');
const BIN = path.join(ROOT, 'bin/marginiq.js');

afterAll(() => closePdfReaders());

async function pagesOf(name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(REPORTS, name)));
  const noOcr = (): OcrPool => {
    throw new Error('a text PDF needs no OCR');
  };
  const signal = new AbortController().signal;
  return (await readPages(bytes, { raster: PAGE_RASTER_MODULE, maxPages: 5, dpi: 250, signal, ocrPool: noOcr })).pages;
}

/** What reading gives, or the error it refuses with (code and message, all a caller sees of it). */
async function readOrRefusal(name: string) {
  const pages = await pagesOf(name);
  try {
    return await readInThread(pages, { raster: PAGE_RASTER_MODULE, signal: new AbortController().signal });
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, message: (err as AppError).message };
  }
}

describe('where the CLI reads a document', () => {
  it('reads in a reader thread, in a dedicated one (reading code loaded for the job) and here alike', async () => {
    const files = ['compact-summary-01.pdf', 'multi-account-02.pdf', 'bad-no-margin-data-letter.pdf'];
    const inThread = [];
    for (const f of files) inThread.push(await readOrRefusal(f));
    expect(inThread[2]).toMatchObject({ code: 'extraction.no_margin_data' });

    // A thread started for a process that reads documents itself loads the reading code only when given a read job.
    await closePdfReaders();
    dedicateReaderThreads();
    const inDedicated = [];
    for (const f of files) inDedicated.push(await readOrRefusal(f));
    expect(inDedicated).toEqual(inThread);

    readDocumentsHere();
    const here = [];
    for (const f of files) here.push(await readOrRefusal(f));
    expect(here).toEqual(inThread);
  }, 600_000);

  it.runIf(process.platform === 'linux')(
    'a dedicated reader thread keeps the process priority; a service reader thread runs at nice 10',
    () => {
      // A fresh process reads one PDF and lists its threads' nice values (Linux keeps one per thread).
      const niceValues = (dedicated: boolean) => {
        const script = `
import { readdirSync, readFileSync } from 'node:fs';
const { closePdfReaders, dedicateReaderThreads, readPdf } = await import(${JSON.stringify(path.join(ROOT, 'src/extraction/pdf/pdf-document.reader.ts'))});
const { PAGE_RASTER_MODULE } = await import(${JSON.stringify(path.join(ROOT, 'src/render/page.raster.module.ts'))});
if (${dedicated}) dedicateReaderThreads();
const bytes = new Uint8Array(readFileSync(${JSON.stringify(path.join(REPORTS, 'compact-summary-01.pdf'))}));
await readPdf(bytes, { raster: PAGE_RASTER_MODULE, maxPages: 5, dpi: 250, signal: new AbortController().signal, onPage: () => {} });
const nice = readdirSync('/proc/self/task').map((t) => Number(readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ')[16]));
await closePdfReaders();
console.log(JSON.stringify(nice));`;
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'marginiq-nice-')), 'nice.mjs');
        writeFileSync(file, script);
        const run = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
        expect(run.stderr).toBe('');
        return JSON.parse(run.stdout) as number[];
      };
      const base = spawnSync(process.execPath, ['-p', 'require("node:os").getPriority()'], { encoding: 'utf8' });
      const own = Number(base.stdout);
      expect(niceValues(true).every((n) => n === own)).toBe(true);
      if (own < 10) expect(niceValues(false)).toContain(10);
    },
    600_000,
  );

  it('`marginiq extract` reads in its main thread and prints what the reader thread read', () => {
    // A resolve hook sees only the thread it is registered in: here the main thread.
    const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-reading-here-'));
    const hook = path.join(dir, 'hook.mjs');
    const seen = path.join(dir, 'seen.txt');
    writeFileSync(
      hook,
      `import module from 'node:module';
import { appendFileSync } from 'node:fs';
module.registerHooks({ resolve(s, c, next) { const r = next(s, c); appendFileSync(${JSON.stringify(seen)}, r.url + '\\n'); return r; } });`,
    );
    writeFileSync(seen, '');
    const run = spawnSync(
      process.execPath,
      ['--import', hook, BIN, 'extract', path.join(REPORTS, 'compact-summary-01.pdf'), '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 600_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [report] = JSON.parse(run.stdout);
    const truth = JSON.parse(readFileSync(path.join(REPORTS, 'compact-summary-01.json'), 'utf8'));
    expect(report.account_number).toBe(truth.reports[0].account_number);
    expect(report.fields.total_equity).toBe(truth.reports[0].fields.total_equity);
    const loaded = readFileSync(seen, 'utf8').split('\n');
    expect(loaded.filter((u) => /\/extraction\/(fields|structure|solver)\//.test(u)).length).toBeGreaterThan(0);
    // pdf.js stays in the reader thread.
    expect(loaded.filter((u) => u.includes('pdfjs-dist/legacy/build/'))).toEqual([]);
  }, 600_000);

  it('refuses bad inputs with one line each, exit 2 and an empty array, whichever thread refuses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-reading-bad-'));
    const text = path.join(dir, 'passwd');
    writeFileSync(text, 'root:x:0:0:root:/root:/bin/bash\n');
    const whole = readFileSync(path.join(REPORTS, 'compact-summary-01.pdf'));
    const truncated = path.join(dir, 'truncated.pdf');
    writeFileSync(truncated, whole.subarray(0, 2000));
    const letter = path.join(REPORTS, 'bad-no-margin-data-letter.pdf');
    const r = await runCli(['extract', text, truncated, letter, '--json'], {}, { cwd: dir, timeoutMs: 600_000 });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr.trim().split('\n')).toEqual([
      `marginiq: ${text}: The file is not a PDF.`,
      `marginiq: ${truncated}: This PDF is damaged and cannot be read.`,
      `marginiq: ${letter}: No margin figures were found in this PDF.`,
    ]);
  }, 600_000);
});
