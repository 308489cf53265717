/**
 * What ending idle OCR workers saves and costs (issue 18 item 2): the service ends its tesseract
 * workers after OCR_IDLE_S without a page. Here, in one process with the service's extractor:
 * resident memory with the pool idle and after it was ended, and the CPU and wall time the next scanned
 * document costs when its workers must start again, against the same document on warm workers.
 *
 *   node bench/ocr-idle.bench.ts [--runs 3] [--workers 2] [--file test/fixtures/reports/scan-….pdf]
 *
 * CPU seconds count every thread of the process (process.cpuUsage); wall time only means something on a
 * quiet machine. Writes bench/results/ocr-idle.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: String(Math.max(1, cpus().length)) },
    file: { type: 'string', default: 'test/fixtures/reports/scan-compact-summary-02.pdf' },
    out: { type: 'string' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const bytes = new Uint8Array(readFileSync(path.resolve(root, args.file)));
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024);
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const allocator = readFileSync('/proc/self/maps', 'utf8').includes('libjemalloc') ? 'jemalloc' : 'glibc';

// Longer than `settled` can take, so the idle pool is measured before it ends.
const IDLE_MS = 30_000;
const extractor = createExtractor({
  pageRaster: PAGE_RASTER_MODULE,
  maxFileBytes: 25 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 300_000,
  ocrWorkers: Number(args.workers),
  ocrIdleMs: IDLE_MS,
});
async function timed() {
  const c = cpuS();
  const t = performance.now();
  const out = await extractor.extract({ bytes, fileName: path.basename(args.file) });
  if (out.method === 'text') throw new Error(`${args.file} has a text layer: choose a scanned file`);
  return { cpu_s: cpuS() - c, wall_s: (performance.now() - t) / 1000 };
}
/** RSS once it stops moving (five 0.5 s samples within 2 MB). */
async function settled() {
  const s: number[] = [];
  for (let i = 0; i < 40; i++) {
    await sleep(500);
    s.push(rssMb());
    const last = s.slice(-5);
    if (last.length === 5 && Math.max(...last) - Math.min(...last) <= 2) break;
  }
  return s[s.length - 1] as number;
}

await timed(); // everything warm once: the reader thread, the JIT, the model files in the page cache
const runs: Record<string, number>[] = [];
for (let i = 0; i < Number(args.runs); i++) {
  const warm = await timed();
  // Hold the pool: a page read within the idle period keeps it.
  const pooled = await settled();
  while (extractor.ocrReady()) await sleep(100);
  const ended = await settled();
  const cold = await timed();
  runs.push({
    rss_pool_idle_mb: pooled,
    rss_pool_ended_mb: ended,
    warm_cpu_s: warm.cpu_s,
    cold_cpu_s: cold.cpu_s,
    warm_wall_s: warm.wall_s,
    cold_wall_s: cold.wall_s,
  });
  console.log(JSON.stringify(runs.at(-1)));
}
await extractor.close();
const m = (k: string) => median(runs.map((r) => r[k] as number));
const result = {
  at: new Date().toISOString(),
  file: args.file,
  workers: Number(args.workers),
  allocator,
  load: loadavg().map((l) => Number(l.toFixed(1))),
  runs,
  median: {
    rss_held_by_idle_pool_mb: m('rss_pool_idle_mb') - m('rss_pool_ended_mb'),
    cold_start_extra_cpu_s: Number((m('cold_cpu_s') - m('warm_cpu_s')).toFixed(2)),
    cold_start_extra_wall_s: Number((m('cold_wall_s') - m('warm_wall_s')).toFixed(2)),
  },
};
console.log(JSON.stringify(result.median));
if (args.out !== '-')
  writeFileSync(
    args.out ?? path.join(import.meta.dirname, 'results/ocr-idle.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
