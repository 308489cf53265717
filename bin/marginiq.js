#!/usr/bin/env node
// Node >= 22.18 runs TypeScript by stripping types, so no build step stands between `npm ci` and `npx marginiq`.
import { existsSync } from 'node:fs';
import module from 'node:module';

// A service returns freed memory to the OS only if its allocator does. glibc keeps what it frees inside
// its heaps (the main one and one per thread): after PGlite's start-up and two hostile PDFs, 90 MB of an
// idle embedded service's 330 MB was free memory glibc held (malloc_trim released it: 352 → 261 MB). So a
// service preloads jemalloc when the system has it (Debian/Ubuntu: libjemalloc2, installed by the
// Dockerfile), with a background thread that hands memory unused for a second back to the OS
// (bench/hostile.bench.ts: idle after hostile input 325 → 258 MB). Without jemalloc, glibc runs with its mmap
// threshold fixed at 1 MB, so at least big freed buffers (a rendered scan, OCR bands) go back: peak memory
// under a queue of eleven scans 640 → 500 MB (bench/extraction.bench.ts). MARGINIQ_MALLOC=glibc keeps glibc.
// These variables only act at process start, so a service replaces itself once with them set (same pid
// and signals).
const command = process.argv[2];
if ((command === 'start' || command === 'worker') && process.platform === 'linux') {
  const env = { ...process.env };
  env.MALLOC_MMAP_THRESHOLD_ ??= '1048576';
  const jemalloc = process.env.MARGINIQ_MALLOC === 'glibc' ? undefined : findJemalloc();
  if (jemalloc && !env.LD_PRELOAD) {
    env.LD_PRELOAD = jemalloc;
    env.MALLOC_CONF ??= 'background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0';
  }
  if (
    typeof process.execve === 'function' &&
    (env.MALLOC_MMAP_THRESHOLD_ !== process.env.MALLOC_MMAP_THRESHOLD_ || env.LD_PRELOAD !== process.env.LD_PRELOAD)
  ) {
    try {
      process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
    } catch {
      // Not permitted here: run on with the allocator as it is, which only costs memory.
    }
  }
}

/** The system's jemalloc, where Debian, Ubuntu, Fedora or Alpine put it. */
function findJemalloc() {
  const triplet = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  const candidates = [
    ...(triplet ? [`/usr/lib/${triplet}-linux-gnu/libjemalloc.so.2`] : []),
    '/usr/lib64/libjemalloc.so.2',
    '/usr/lib/libjemalloc.so.2',
  ];
  return candidates.find((p) => existsSync(p));
}

// Cache compiled code between runs: `marginiq extract` is started once per file by scripts.
module.enableCompileCache?.();
// Threads started later inherit the cache through the environment: tesseract.js starts each OCR thread from
// TypeScript (src/extraction/ocr/ocr.thread.ts), which Node would otherwise type-strip again in every thread,
// loading its type stripper first (0.2-0.3 CPU s a thread).
const cacheDir = module.getCompileCacheDir?.();
if (cacheDir && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = cacheDir;
// `extract` reads PDFs in a thread that loads pdf.js (3 MB of code): start it before the main thread
// loads its own modules (configuration schema, logger, report rules), so the two loads run side by side.
// This thread reads the documents (it would wait idle while the reader thread did), so that thread loads
// pdf.js alone and parses sooner.
if (command === 'extract') {
  const [{ readDocumentsHere }, { prestartPdfReader }, { PAGE_RASTER_MODULE }] = await Promise.all([
    import('../src/extraction/pages.reading.ts'),
    import('../src/extraction/pdf/pdf-document.reader.ts'),
    import('../src/render/page.raster.module.ts'),
  ]);
  readDocumentsHere();
  prestartPdfReader(PAGE_RASTER_MODULE);
}
const { main } = await import('../src/cli.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Services resolve only after a clean shutdown; a stray handle must not keep the process alive after it.
    setTimeout(() => process.exit(code), 200).unref();
  },
  (err) => {
    process.stderr.write(`marginiq: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
