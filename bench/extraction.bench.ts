/**
 * Extraction speed, each figure beside its yardstick measured in the same run:
 *  - text page median in process, and `pdftotext -layout` on the same page;
 *  - OCR like for like (bench/ocr.like-for-like.ts): the page images our reader cuts, read by one
 *    tesseract.js worker against one `tesseract` process and by the pool against as many processes in
 *    parallel, same pixels, model file, parameters and nice value, words with boxes out of both, in
 *    interleaved rounds: a fresh process on each side (cold) and our pool once it has read the pages (warm,
 *    against the CLI less its processes' start), CPU and wall seconds per checked page, medians; and what a
 *    fresh process pays before its first page on each side (start, model, one blank image);
 *  - scanned page end to end (read, render, OCR, fields) against `pdftoppm` + `tesseract` per page; not
 *    like for like: that `tesseract` reads the system's model (Debian's eng is tessdata_fast, a smaller LSTM
 *    than the best_int model we read) and inverts lines;
 *  - `marginiq extract one-page.pdf --json` as a whole process against `pdftotext` as a process.
 * Prints a table and writes bench/results/extraction.json (with --only ocr: the OCR like for like alone, to
 * bench/results/extraction-ocr.json; with --out NAME: to bench/results/NAME.json instead). --widths 1,2 picks
 * the OCR widths (default: 1 and the number of CPUs).
 *
 *   node bench/extraction.bench.ts [--dir test/fixtures/reports] [--limit 12] [--runs 9] [--rounds 3] [--only ocr]
 *     [--widths 1] [--out NAME]
 *
 * Inputs: the fixture corpus when present (truth `kind` says text or scanned), otherwise a few
 * generated statements and their scans.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createExtractor } from '../src/extraction/extractor.ts';
import { closePdfReaders, readPdf } from '../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';
import { buildTextPdf, type Placed, rows } from '../test/extraction/support/pdf.builder.ts';
import { scanPdf } from '../test/extraction/support/scan.builder.ts';
import { cpuChildren, cpuSelf, likeForLike, median, type OcrPage, type Spread } from './ocr.like-for-like.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const DIR = path.resolve(ROOT, arg('--dir', 'test/fixtures/reports'));
const LIMIT = Number(arg('--limit', '12'));
const RUNS = Number(arg('--runs', '9'));
const ROUNDS = Number(arg('--rounds', '3'));
const ONLY_OCR = arg('--only', '') === 'ocr';
const OUT = arg('--out', ONLY_OCR ? 'extraction-ocr' : 'extraction').replace(/[^\w.-]/g, '_');
const WIDTHS = arg('--widths', '');
const DPI = 250; // the extractor's default OCR resolution

interface Doc {
  name: string;
  bytes: Uint8Array;
  pages: number;
  kind: 'text' | 'scanned';
  /** Digit strings of the truth's figures: a page's OCR text is checked against them. */
  figures: string[];
}

/** 83062.09 → "8306209": a figure as OCR prints it once separators are dropped. */
const digitsOf = (values: number[]) =>
  values.filter((v) => Math.abs(v) >= 100).map((v) => Math.abs(v).toFixed(2).replace('.', ''));
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

async function corpus(): Promise<Doc[]> {
  const docs: Doc[] = [];
  if (existsSync(DIR)) {
    for (const f of readdirSync(DIR)
      .filter((x) => x.endsWith('.pdf'))
      .sort()) {
      const truth = JSON.parse(readFileSync(path.join(DIR, f.replace(/\.pdf$/, '.json')), 'utf8')) as {
        kind?: string;
        pages?: number;
        reports?: { fields?: Record<string, number> }[];
      };
      if (truth.kind !== 'text' && truth.kind !== 'scanned') continue;
      docs.push({
        name: f,
        bytes: new Uint8Array(readFileSync(path.join(DIR, f))),
        pages: truth.pages ?? 1,
        kind: truth.kind,
        figures: digitsOf((truth.reports ?? []).flatMap((r) => Object.values(r.fields ?? {}))),
      });
    }
  }
  if (docs.length > 0) {
    const text = docs.filter((d) => d.kind === 'text').slice(0, LIMIT);
    const scanned = docs.filter((d) => d.kind === 'scanned').slice(0, LIMIT);
    return [...text, ...scanned];
  }
  const page = (i: number): Placed[] => [
    ['Harbor Point Securities - Margin Summary', 50, 50, 12],
    [`Account Number: U ${1000000 + i}`, 50, 80],
    ['Statement Date: 11/27/2026', 330, 80],
    ...rows(
      120,
      18,
      [50, 330, 450],
      [
        [null, 'Current', 'Prior Day'],
        ['Net Liquidation Value', `$${(400000 + i * 1111).toLocaleString('en-US')}.55`, '$399,000.00'],
        ['Maintenance Requirement', '$120,440.10', '$119,000.00'],
        ['Maintenance Excess', `$${(279559 + i * 1111).toLocaleString('en-US')}.45`, '$280,000.00'],
        ['Buying Power', '$1,118,237.80', '$1,120,000.00'],
      ],
    ),
  ];
  const out: Doc[] = [];
  for (let i = 0; i < 6; i++) {
    const bytes = await buildTextPdf([page(i)]);
    const figures = digitsOf([400000 + i * 1111.55, 120440.1, 279559 + i * 1111.45]);
    out.push({ name: `generated-${i}.pdf`, bytes, pages: 1, kind: 'text', figures });
    out.push({
      name: `generated-scan-${i}.pdf`,
      bytes: await scanPdf(bytes, { rotateDeg: 0.8 }),
      pages: 1,
      kind: 'scanned',
      figures,
    });
  }
  return out;
}

async function ours(docs: Doc[]) {
  const extractor = createExtractor({
    pageRaster: PAGE_RASTER_MODULE,
    maxFileBytes: 50e6,
    maxPages: 100,
    timeoutMs: 300_000,
    ocrWorkers: cpus().length,
  });
  const first = docs[0]!;
  await extractor.extract({ bytes: first.bytes, fileName: first.name }).catch(() => {});
  await extractor.warmUp();
  const perPage: Record<'text' | 'scanned', number[]> = { text: [], scanned: [] };
  const cpuPerPage: Record<'text' | 'scanned', number[]> = { text: [], scanned: [] };
  for (const d of docs) {
    const t0 = performance.now();
    const c0 = cpuSelf();
    await extractor.extract({ bytes: d.bytes, fileName: d.name }).catch(() => {});
    perPage[d.kind].push((performance.now() - t0) / 1000 / d.pages);
    cpuPerPage[d.kind].push((cpuSelf() - c0) / d.pages);
  }
  // Throughput: every scanned document at once through one extractor and its full pool.
  const scanned = docs.filter((d) => d.kind === 'scanned');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(scanned.map((d) => extractor.extract({ bytes: d.bytes, fileName: d.name }).catch(() => {})));
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // Cores kept busy by the queue: CPU seconds of all threads over wall seconds (2.0 = both of two cores).
  const coresBusy = (cpu.user + cpu.system) / 1e6 / wall;
  const pages = scanned.reduce((a, d) => a + d.pages, 0);
  await extractor.close();
  return {
    textPage: median(perPage.text),
    textPageCpu: median(cpuPerPage.text),
    scannedPage: median(perPage.scanned),
    scannedPageCpu: median(cpuPerPage.scanned),
    pagesPerSecond: pages / wall,
    coresBusy,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** The page images our reader hands to OCR (inked bands of each scanned page, at DPI). */
async function pageImages(docs: Doc[]): Promise<OcrPage[]> {
  const out: OcrPage[] = [];
  for (const d of docs.filter((x) => x.kind === 'scanned')) {
    await readPdf(d.bytes, {
      raster: PAGE_RASTER_MODULE,
      maxPages: 100,
      dpi: DPI,
      signal: new AbortController().signal,
      onPage: (p) => {
        if (p.images?.length) out.push({ doc: d.name, page: p.index, figures: d.figures, images: p.images });
      },
    });
  }
  await closePdfReaders();
  return out;
}

async function ocrLikeForLike(docs: Doc[]) {
  if (!has('tesseract')) return null;
  const work = mkdtempSync(path.join(tmpdir(), 'marginiq-ocr-bench-'));
  try {
    // The CLI reads the very model tesseract.js reads (LSTM, best_int), from the same package.
    const tessdata = path.join(work, 'tessdata');
    mkdirSync(tessdata);
    const model = path.join(ROOT, 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
    writeFileSync(path.join(tessdata, 'eng.traineddata'), gunzipSync(readFileSync(model)));
    const n = cpus().length;
    const pages = await pageImages(docs);
    const widths = WIDTHS ? WIDTHS.split(',').map(Number) : n > 1 ? [1, n] : [1];
    const measured = await likeForLike({ pages, widths, rounds: ROUNDS, work, tessdata, root: ROOT });
    return { parallel: n, start: measured.start, widths: measured.widths };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Median wall and CPU seconds of `cmd args` as a whole process, after one unmeasured run (caches warm), and
 * the least CPU of any run (on a loaded machine the closest to what the work itself costs).
 */
function processMedian(cmd: string, args: string[], runs: number): { wall: number; cpu: number; cpuMin: number } {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const c0 = cpuChildren();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    if (i > 0) {
      times.push((performance.now() - t0) / 1000);
      cpus.push(cpuChildren() - c0);
    }
  }
  return { wall: median(times), cpu: median(cpus), cpuMin: Math.min(...cpus) };
}

function wholeProcess(docs: Doc[]) {
  const one = docs.find((d) => d.kind === 'text' && d.pages === 1);
  if (!one) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-cli-bench-'));
  try {
    const pdf = path.join(dir, 'one-page.pdf');
    writeFileSync(pdf, one.bytes);
    const ours = processMedian(process.execPath, [path.join(ROOT, 'bin/marginiq.js'), 'extract', pdf, '--json'], RUNS);
    const pdftotext = has('pdftotext')
      ? processMedian('pdftotext', ['-layout', pdf, '-'], RUNS)
      : { wall: Number.NaN, cpu: Number.NaN, cpuMin: Number.NaN };
    return { file: one.name, runs: RUNS, marginiq: ours, pdftotext };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cli(docs: Doc[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-bench-'));
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const text: number[] = [];
  const scanned: number[] = [];
  try {
    for (const d of docs) {
      const pdf = path.join(dir, d.name);
      writeFileSync(pdf, d.bytes);
      if (d.kind === 'text' && has('pdftotext')) {
        const t0 = performance.now();
        execFileSync('pdftotext', ['-layout', pdf, '-'], { stdio: 'ignore' });
        text.push((performance.now() - t0) / 1000 / d.pages);
      }
      if (d.kind === 'scanned' && has('tesseract') && has('pdftoppm')) {
        // Same work as ours: render at the same resolution, then recognise each page.
        const t0 = performance.now();
        execFileSync('pdftoppm', ['-r', String(DPI), '-gray', pdf, path.join(dir, 'page')], { stdio: 'ignore' });
        for (const img of readdirSync(dir).filter((f) => f.startsWith('page'))) {
          execFileSync('tesseract', [path.join(dir, img), '-', '--psm', '11'], { stdio: 'ignore', env });
          rmSync(path.join(dir, img));
        }
        scanned.push((performance.now() - t0) / 1000 / d.pages);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { textPage: median(text), scannedPage: median(scanned) };
}

const docs = await corpus();
const mine = ONLY_OCR ? null : await ours(docs);
const theirs = ONLY_OCR ? null : cli(docs);
const ocr = await ocrLikeForLike(docs);
const proc = ONLY_OCR ? null : wholeProcess(docs);
const f = (n: number, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const rowsOut: string[][] = [];
if (mine && theirs)
  rowsOut.push(
    ['median s / text page (in process)', f(mine.textPage), f(theirs.textPage), f(mine.textPage / theirs.textPage, 2)],
    ['  CPU s / text page (in process)', f(mine.textPageCpu), '-', '-'],
    [
      'median s / scanned page (end to end)',
      f(mine.scannedPage),
      f(theirs.scannedPage),
      f(mine.scannedPage / theirs.scannedPage, 2),
    ],
  );
if (ocr) {
  const spread = (s: Spread) => `${f(s.median, 2)} (${f(s.min, 2)}-${f(s.max, 2)})`;
  for (const w of ocr.widths) {
    const who = w.width === 1 ? '1 worker vs 1 process' : `pool of ${w.width} vs ${w.width} processes`;
    const p = w.perPage;
    const seen = (k: keyof typeof p) => `${p[k].checked}/${w.pages}`;
    rowsOut.push(
      [
        `OCR CPU s / page, ${who}, warm (checked ${seen('warm')} vs ${seen('cli')}, ${w.rounds} rounds; CLI less its start)`,
        f(p.warm.cpu),
        f(p.cliNet.cpu),
        spread(w.ratio.warm.cpu),
      ],
      [
        `  CPU s / page, fresh process each side, ${w.pages} pages a run (checked ${seen('cold')})`,
        f(p.cold.cpu),
        f(p.cli.cpu),
        spread(w.ratio.cold.cpu),
      ],
      [
        `  CPU s / page, warm, with our figure checks (checked ${seen('warmChecked')})`,
        f(p.warmChecked.cpu),
        f(p.cliNet.cpu),
        spread(w.ratio.warmChecked.cpu),
      ],
      ['  wall s / page, warm', f(p.warm.wall), f(p.cli.wall), spread(w.ratio.warm.wall)],
      ['  wall s / page, fresh process each side', f(p.cold.wall), f(p.cli.wall), spread(w.ratio.cold.wall)],
    );
  }
  // What each fresh process above paid before its first page (least of 3): the cold rows carry it once a run.
  rowsOut.push([
    'OCR start, CPU s: fresh process, one worker, one blank image',
    f(ocr.start.ours),
    f(ocr.start.cli),
    f(ocr.start.ours / ocr.start.cli, 2),
  ]);
}
if (proc) {
  rowsOut.push([
    `extract one-page --json, whole process (median of ${proc.runs})`,
    f(proc.marginiq.wall),
    f(proc.pdftotext.wall),
    f(proc.marginiq.wall / proc.pdftotext.wall, 1),
  ]);
  rowsOut.push([
    '  CPU s, whole process (all threads), median',
    f(proc.marginiq.cpu),
    f(proc.pdftotext.cpu),
    f(proc.marginiq.cpu / proc.pdftotext.cpu, 1),
  ]);
  rowsOut.push(['  CPU s, whole process, least of the runs', f(proc.marginiq.cpuMin), f(proc.pdftotext.cpuMin), '-']);
}
if (mine)
  rowsOut.push(
    ['scanned pages / s (full pool)', f(mine.pagesPerSecond), '-', '-'],
    ['cores busy (full pool)', f(mine.coresBusy, 2), '-', '-'],
    ['peak RSS (MB)', f(mine.peakRssMb, 0), '-', '-'],
  );
const head = ['measure', 'marginiq', 'pdftotext / tesseract', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const load = (await import('node:os')).loadavg();
console.log(
  `extraction bench: ${docs.filter((d) => d.kind === 'text').length} text, ${docs.filter((d) => d.kind === 'scanned').length} scanned documents, ${cpus().length} CPUs, load ${load.map((l) => l.toFixed(1)).join(' ')}, OCR at ${DPI} dpi, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? 'unset (glibc default)'}`,
);
if (!has('tesseract'))
  console.log('tesseract is not installed: OCR yardsticks skipped (apt-get install -y tesseract-ocr)');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rowsOut) console.log(line(r));
const outDir = path.join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${OUT}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      cpus: cpus().length,
      loadavg: load,
      dpi: DPI,
      docs: docs.length,
      mallocMmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null,
      marginiq: mine,
      cli: theirs,
      ocrLikeForLike: ocr,
      wholeProcess: proc,
      table: rowsOut,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${path.relative(ROOT, file)}`);
