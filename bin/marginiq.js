#!/usr/bin/env node
// Node >= 22.18 runs TypeScript by stripping types, so no build step stands between `npm ci` and `npx marginiq`.
import module from 'node:module';

// glibc raises its mmap threshold each time a large block is freed, after which page-sized buffers
// (a rendered scan, OCR bands) stay in its heaps for good. With the threshold fixed at 1 MB, peak memory
// under a queue of eleven scans fell from 640 MB to 500 MB (bench/extraction.bench.ts). The variable must
// be set before the process starts, so a service replaces itself once with it set (same pid and signals).
const command = process.argv[2];
if (
  (command === 'start' || command === 'worker') &&
  process.platform === 'linux' &&
  process.env.MALLOC_MMAP_THRESHOLD_ === undefined &&
  typeof process.execve === 'function'
) {
  try {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      MALLOC_MMAP_THRESHOLD_: '1048576',
    });
  } catch {
    // Not permitted here: run on with glibc's default, which only costs memory.
  }
}

// Cache compiled code between runs: `marginiq extract` is started once per file by scripts.
module.enableCompileCache?.();
// `extract` reads PDFs in a thread that loads pdf.js (3 MB of code): start it before the main thread
// loads its own modules (configuration schema, logger, report rules), so the two loads run side by side.
if (command === 'extract') {
  const { prestartPdfReader } = await import('../src/extraction/pdf/pdf-document.reader.ts');
  prestartPdfReader();
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
