/**
 * Loaded into the service under load (`node --import`, set by bench/load.bench.ts through NODE_OPTIONS):
 * how long the main thread was busy between turns of its event loop, which is how long an
 * acknowledgement waited. At exit it writes the delay percentiles and the busy stretches (gaps over
 * 100 ms between 10 ms ticks) to marginiq-event-loop-<pid>.json in the temp directory.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const TICK = 10;
  const stretches: number[] = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const busy = now - last - TICK;
    if (busy >= 100) stretches.push(Math.round(busy));
    last = now;
  }, TICK).unref();
  process.on('exit', () => {
    histogram.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    writeFileSync(
      path.join(tmpdir(), `marginiq-event-loop-${process.pid}.json`),
      JSON.stringify({
        delay_p50_ms: ms(histogram.percentile(50)),
        delay_p99_ms: ms(histogram.percentile(99)),
        delay_max_ms: ms(histogram.max),
        busy_over_100ms: stretches.length,
        busy_over_250ms: stretches.filter((s) => s >= 250).length,
        busy_over_1s: stretches.filter((s) => s >= 1000).length,
        busy_total_ms: stretches.reduce((a, b) => a + b, 0),
        busy_longest_ms: Math.max(0, ...stretches),
      }),
    );
  });
}
