/**
 * Where a running service's memory is, for bench/hostile.bench.ts --decompose. Preloaded into the
 * service with NODE_OPTIONS="--import bench/memory.probe.ts" and MARGINIQ_MEMORY_PROBE=<file>; on
 * SIGUSR2 it writes one JSON snapshot to that file. Never part of the product.
 *
 * What it reports:
 * - the main thread's process.memoryUsage() and V8 heap spaces (code space included);
 * - every live worker thread's V8 heap (the probe wraps worker_threads.Worker to see them);
 * - /proc/self/smaps grouped: WebAssembly memories (V8 reserves each 32-bit memory with its guard
 *   region, ≥ 8 GiB of address space, so they are the only anonymous mappings that large), executable
 *   anonymous memory (JIT code: V8's JS code and WebAssembly code), the brk heap, file-backed mappings
 *   by file, and the rest of anonymous memory (V8 heap pages, malloc arenas, thread stacks);
 * - malloc's own view of its arenas (mallinfo2 is not reachable from JS: /proc counts stand in).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import v8 from 'node:v8';
import workerThreads from 'node:worker_threads';

const out = process.env.MARGINIQ_MEMORY_PROBE;
const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;

if (out && workerThreads.isMainThread) {
  const workers = new Set<workerThreads.Worker>();
  const Base = workerThreads.Worker;
  class Tracked extends Base {
    constructor(...args: ConstructorParameters<typeof Base>) {
      super(...args);
      workers.add(this);
      this.once('exit', () => workers.delete(this));
    }
  }
  (workerThreads as { Worker: typeof Base }).Worker = Tracked;
  syncBuiltinESMExports();

  process.on('SIGUSR2', () => {
    void snapshot([...workers]).then((s) => writeFileSync(out, `${JSON.stringify(s, null, 2)}\n`));
  });
}

interface Mapping {
  range: string;
  perms: string;
  path: string;
  sizeKb: number;
  rssKb: number;
  anonKb: number;
}

function smaps(): Mapping[] {
  const maps: Mapping[] = [];
  let cur: Mapping | null = null;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = line.match(/^([0-9a-f]+-[0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/);
    if (head) {
      cur = { range: head[1]!, perms: head[2]!, path: head[3]!.trim(), sizeKb: 0, rssKb: 0, anonKb: 0 };
      maps.push(cur);
      continue;
    }
    const kv = line.match(/^(\w+):\s+(\d+) kB/);
    if (!kv || !cur) continue;
    if (kv[1] === 'Size') cur.sizeKb = Number(kv[2]);
    else if (kv[1] === 'Rss') cur.rssKb = Number(kv[2]);
    else if (kv[1] === 'Anonymous') cur.anonKb = Number(kv[2]);
  }
  return maps;
}

function groupSmaps(maps: Mapping[]) {
  const wasmMemories: number[] = [];
  const groups: Record<string, number> = {};
  const files: Record<string, number> = {};
  const add = (k: string, kb: number) => {
    groups[k] = (groups[k] ?? 0) + kb;
  };
  // A 32-bit WebAssembly memory is one reservation of ≥ 8 GiB: the accessible pages (rw) followed at once by
  // their guard region (---p, the rest of the reservation). Only the accessible part can be resident.
  // glibc's thread arenas are 64 MiB reservations (rw part + ---p rest), V8's heap and code ranges at most
  // a few GiB, so a ≥ 4 GiB guard right after an anonymous rw mapping marks a wasm memory.
  const range = (m: Mapping) => m.range.split('-').map((h) => BigInt(`0x${h}`)) as [bigint, bigint];
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i]!;
    const next = maps[i + 1];
    if (
      !m.path &&
      m.perms.startsWith('rw') &&
      next &&
      !next.path &&
      next.perms.startsWith('---') &&
      range(m)[1] === range(next)[0] &&
      next.sizeKb >= 4 * 1024 * 1024
    ) {
      wasmMemories.push(m.rssKb);
      add('wasm_memories', m.rssKb);
      continue;
    }
    if (m.path === '[heap]') add('brk_heap', m.rssKb);
    else if (m.path === '[stack]') add('main_stack', m.rssKb);
    else if (m.path.startsWith('[')) add('other_special', m.rssKb);
    else if (m.path) {
      add('file_backed', m.rssKb);
      const name = m.path.split('/').slice(-2).join('/');
      files[name] = (files[name] ?? 0) + m.rssKb;
    } else if (m.perms.includes('x')) add('anon_exec_jit_code', m.rssKb);
    // glibc's thread arenas: 64 MiB-aligned heaps (malloc of threads other than the main one).
    else if (range(m)[0] % (64n << 20n) === 0n && m.sizeKb <= 64 * 1024) add('malloc_thread_arenas', m.rssKb);
    else add('anon_other', m.rssKb);
  }
  const toMb = (o: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(o)
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => [k, Math.round((v / 1024) * 10) / 10]),
    );
  return {
    groups_mb: toMb(groups),
    wasm_memories_mb: wasmMemories.map((kb) => Math.round((kb / 1024) * 10) / 10),
    top_files_mb: Object.fromEntries(Object.entries(toMb(files)).slice(0, 8)),
  };
}

function rollup(): Record<string, number> {
  const r: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')) {
    const kv = line.match(/^(\w+):\s+(\d+) kB/);
    if (kv) r[kv[1]!] = Math.round(Number(kv[2]) / 102.4) / 10;
  }
  return r;
}

function threads(): Record<string, number> {
  const names: Record<string, number> = {};
  for (const t of readdirSync('/proc/self/task')) {
    const n = readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim();
    names[n] = (names[n] ?? 0) + 1;
  }
  return names;
}

async function snapshot(workers: workerThreads.Worker[]) {
  const mu = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, MB(s.physical_space_size)] as const),
  );
  const heap = v8.getHeapStatistics();
  const workerHeaps = await Promise.all(
    workers.map(async (w) => {
      try {
        const h = await w.getHeapStatistics();
        return {
          thread: w.threadId,
          heap_physical_mb: MB(h.total_physical_size),
          heap_used_mb: MB(h.used_heap_size),
          external_mb: MB(h.external_memory),
          malloced_mb: MB(h.malloced_memory),
        };
      } catch {
        return { thread: w.threadId, gone: true };
      }
    }),
  );
  return {
    at: new Date().toISOString(),
    main: {
      rss_mb: MB(mu.rss),
      heap_total_mb: MB(mu.heapTotal),
      heap_used_mb: MB(mu.heapUsed),
      external_mb: MB(mu.external),
      array_buffers_mb: MB(mu.arrayBuffers),
      heap_physical_mb: MB(heap.total_physical_size),
      malloced_mb: MB(heap.malloced_memory),
      spaces_physical_mb: spaces,
      code: Object.fromEntries(Object.entries(v8.getHeapCodeStatistics()).map(([k, v]) => [k, MB(v)])),
    },
    workers: workerHeaps,
    threads: threads(),
    smaps_rollup_mb: rollup(),
    smaps: groupSmaps(smaps()),
  };
}
