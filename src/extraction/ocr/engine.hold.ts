/**
 * Keeps the OCR engine's compiled WebAssembly alive in this thread while OCR threads come and go.
 *
 * V8 shares one compiled module among all the threads of a process that compile the same bytes, and that
 * includes the optimised code it compiles while pages are read (a second worker started beside a warm one
 * starts in 0.28 CPU s instead of 0.41 and reads its first pages in 4.6 CPU s instead of 5.6-6.1). That
 * compiled module is freed once no thread holds it: a pool that ended its idle workers paid the whole
 * compile and warm-up again on the next page. Holding the module here keeps it for the next workers.
 * The threads still load the core themselves (ocr.thread.ts); this thread compiles the same file
 * (core.choice.ts), which with V8's lazy compilation is a validation pass (about 0.03 CPU s), and never
 * instantiates it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { coreName } from './core.choice.ts';

let held: Promise<WebAssembly.Module | null> | null = null;

/** Compiles (once a process) the core build an LSTM-only OCR thread loads, and keeps it; null when it cannot. */
export function holdEngine(): Promise<WebAssembly.Module | null> {
  held ??= (async () => {
    const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js/package.json'));
    const detect = fromTesseract('wasm-feature-detect') as {
      simd(): Promise<boolean>;
      relaxedSimd(): Promise<boolean>;
    };
    const name = coreName(true, { simd: await detect.simd(), relaxedSimd: await detect.relaxedSimd() });
    const js = fromTesseract.resolve(`tesseract.js-core/${name}`);
    const wasm = path.join(path.dirname(js), `${name}.wasm`);
    return WebAssembly.compile(await readFile(wasm));
  })().catch(() => null);
  return held;
}
