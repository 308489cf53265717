/**
 * Extraction speed and memory: median seconds per text page and per scanned page, pages/s with
 * the full OCR pool, peak RSS; and the same work done by `pdftotext` and `tesseract` (one thread)
 * when they are installed, as ratios. Prints a table and writes JSON to bench/results/.
 *
 *   node bench/extraction.bench.ts [--dir test/fixtures/reports] [--limit 12]
 *
 * Inputs: the fixture corpus when present (truth `kind` says text or scanned), otherwise a few
 * generated statements and their scans.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../src/extraction/extractor.ts';
import { buildTextPdf, type Placed, rows } from '../test/extraction/support/pdf.builder.ts';
import { scanPdf } from '../test/extraction/support/scan.builder.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const DIR = path.resolve(ROOT, arg('--dir', 'test/fixtures/reports'));
const LIMIT = Number(arg('--limit', '12'));
const DPI = 250; // the extractor's default OCR resolution

interface Doc {
  name: string;
  bytes: Uint8Array;
  pages: number;
  kind: 'text' | 'scanned';
}

const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
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
      };
      if (truth.kind !== 'text' && truth.kind !== 'scanned') continue;
      docs.push({
        name: f,
        bytes: new Uint8Array(readFileSync(path.join(DIR, f))),
        pages: truth.pages ?? 1,
        kind: truth.kind,
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
    out.push({ name: `generated-${i}.pdf`, bytes, pages: 1, kind: 'text' });
    out.push({
      name: `generated-scan-${i}.pdf`,
      bytes: await scanPdf(bytes, { rotateDeg: 0.8 }),
      pages: 1,
      kind: 'scanned',
    });
  }
  return out;
}

async function ours(docs: Doc[]) {
  const extractor = createExtractor({
    maxFileBytes: 50e6,
    maxPages: 100,
    timeoutMs: 300_000,
    ocrWorkers: cpus().length,
  });
  const first = docs[0]!;
  await extractor.extract({ bytes: first.bytes, fileName: first.name }).catch(() => {});
  await extractor.warmUp();
  const perPage: Record<'text' | 'scanned', number[]> = { text: [], scanned: [] };
  for (const d of docs) {
    const t0 = performance.now();
    await extractor.extract({ bytes: d.bytes, fileName: d.name }).catch(() => {});
    perPage[d.kind].push((performance.now() - t0) / 1000 / d.pages);
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
    scannedPage: median(perPage.scanned),
    pagesPerSecond: pages / wall,
    coresBusy,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
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
const mine = await ours(docs);
const theirs = cli(docs);
const f = (n: number, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const rowsOut = [
  ['median s / text page', f(mine.textPage), f(theirs.textPage), f(mine.textPage / theirs.textPage, 2)],
  ['median s / scanned page', f(mine.scannedPage), f(theirs.scannedPage), f(mine.scannedPage / theirs.scannedPage, 2)],
  ['scanned pages / s (full pool)', f(mine.pagesPerSecond), '-', '-'],
  ['cores busy (full pool)', f(mine.coresBusy, 2), '-', '-'],
  ['peak RSS (MB)', f(mine.peakRssMb, 0), '-', '-'],
];
const head = ['measure', 'marginiq', 'pdftotext / tesseract', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `extraction bench: ${docs.filter((d) => d.kind === 'text').length} text, ${docs.filter((d) => d.kind === 'scanned').length} scanned documents, ${cpus().length} CPUs, OCR at ${DPI} dpi, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? 'unset (glibc default)'}`,
);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rowsOut) console.log(line(r));
const outDir = path.join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `extraction-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      cpus: cpus().length,
      dpi: DPI,
      docs: docs.length,
      mallocMmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null,
      marginiq: mine,
      cli: theirs,
    },
    null,
    2,
  ),
);
console.log(`written ${path.relative(ROOT, file)}`);
