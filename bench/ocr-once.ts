/**
 * One fresh process reading a list of page bands with a new tesseract.js pool, the way one `tesseract`
 * process reads its list: what the OCR like-for-like bench (bench/ocr.like-for-like.ts) measures as a whole
 * process against the CLI, starting costs included on both sides (ours: Node, tesseract.js, the
 * WebAssembly compile of each thread and the model; the CLI's: its start and the model).
 *
 *   node bench/ocr-once.ts <list.json> <workers>
 *
 * list.json holds [{ page, file }] (PGM bands); prints { page: text } as JSON. Recognition only, as the CLI
 * does it (figureChecks: false). Compile cache on, as bin/marginiq.js has it (the OCR threads inherit it);
 * the like-for-like bench also starts it with NODE_COMPILE_CACHE set, so that this file, like bin/marginiq.js,
 * is not run through Node's type stripper (0.2-0.3 CPU s a process that `marginiq` does not spend).
 */

import { readFileSync } from 'node:fs';
import module from 'node:module';
import { createOcrPool } from '../src/extraction/ocr/ocr.pool.ts';

module.enableCompileCache?.();
const cacheDir = module.getCompileCacheDir?.();
if (cacheDir && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = cacheDir;

const [listFile, workers] = process.argv.slice(2);
const list = JSON.parse(readFileSync(listFile!, 'utf8')) as { page: number; file: string }[];
const pool = createOcrPool({ size: Number(workers ?? 1), figureChecks: false });
const texts = await Promise.all(
  list.map(async ({ page, file }) => {
    const { words } = await pool.recognize({
      pgm: new Uint8Array(readFileSync(file)),
      scale: 1,
      offsetX: 0,
      offsetY: 0,
    });
    return { page, text: words.map((w) => w.text).join(' ') };
  }),
);
await pool.close();
const byPage: Record<number, string> = {};
for (const t of texts) byPage[t.page] = `${byPage[t.page] ?? ''} ${t.text}`;
process.stdout.write(JSON.stringify(byPage));
