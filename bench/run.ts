/** `npm run bench`: the extraction, hostile-input (memory), load, generated-statement, calibration and layout-memory benchmarks, each in its own process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
let failed = false;
for (const [name, extra] of [
  ['extraction.bench.ts', []],
  ['hostile.bench.ts', []],
  // Issue 18: what ending idle OCR workers saves (resident memory) and costs (the next scan's start-up).
  ['ocr-idle.bench.ts', []],
  ['load.bench.ts', []],
  ['generated.bench.ts', []],
  ['calibration.bench.ts', []],
  // Issue 15: /margin stats on 100k reports and 10k calls.
  ['scoreboard.bench.ts', []],
  // Issue 14: evidence on the summary and Show source crops.
  ['evidence.bench.ts', []],
  // Issue 16: layout memory's learning curve per layout, other layouts unharmed, fingerprint match rates.
  ['layout-memory.bench.ts', ['--corpus', 'fixtures', '--corpus', 'shared', '--corpus', 'holdout']],
] as const) {
  console.log(`\n=== ${name} ===`);
  // The allocator setting the service runs with (bin/marginiq.js, Dockerfile), so memory is measured as deployed.
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '1048576' };
  const r = spawnSync(process.execPath, [path.join(here, name), ...extra], { stdio: 'inherit', env });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
