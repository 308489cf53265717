/**
 * Run as its own process: `node raster.probe.ts <file.pdf>`. Reads the PDF through the reader thread with
 * the product's page rasteriser and prints, as JSON, how many pages came back as images for OCR and
 * whether the native canvas (skia) is mapped into this process afterwards (Linux: /proc/self/maps).
 */
import { readFileSync } from 'node:fs';
import { closePdfReaders, readPdf } from '../../../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../../../src/render/page.raster.module.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: raster.probe.ts <file.pdf>');
let imaged = 0;
const pages = await readPdf(new Uint8Array(readFileSync(file)), {
  raster: PAGE_RASTER_MODULE,
  maxPages: 10,
  dpi: 150,
  signal: new AbortController().signal,
  onPage: (p) => {
    if (p.images?.length) imaged++;
  },
});
await closePdfReaders();
const maps = readFileSync('/proc/self/maps', 'utf8');
process.stdout.write(
  `${JSON.stringify({ pages, imaged, nativeCanvas: /^.*(?:napi-rs|skia).*\.node$/m.test(maps) })}\n`,
);
