/** `npm run bench`: the extraction benchmark, then the load benchmark, each in its own process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
let failed = false;
for (const [name, extra] of [
  ['extraction.bench.ts', []],
  ['load.bench.ts', []],
] as const) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, [path.join(here, name), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
