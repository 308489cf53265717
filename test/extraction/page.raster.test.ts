import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/contract/errors.ts';
import { closePdfReaders, readPdf } from '../../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';
import { REFUSAL } from './support/refusing.raster.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(ROOT, 'test/fixtures/reports', name);
const TEXT = fixture('margin-call-notice-01.pdf');
const SCAN = fixture('scan-margin-call-notice-01.pdf');

afterAll(() => closePdfReaders());

/** Reads a PDF in its own process (raster.probe.ts): pages, pages sent to OCR, and whether skia got loaded. */
function probe(file: string): { pages: number; imaged: number; nativeCanvas: boolean } {
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'support/raster.probe.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const read = (file: string, raster: string) =>
  readPdf(new Uint8Array(readFileSync(file)), {
    raster,
    maxPages: 5,
    dpi: 150,
    signal: new AbortController().signal,
    onPage: () => {},
  });

describe('page rasteriser behind the PageRaster port', () => {
  it.runIf(process.platform === 'linux')(
    'reads a text PDF without loading the native canvas, and loads it for a scanned page',
    { timeout: 120_000 },
    () => {
      expect(probe(TEXT)).toEqual({ pages: 1, imaged: 0, nativeCanvas: false });
      // The check can fail: a scan is drawn on skia, by the rasteriser the reader thread was given.
      expect(probe(SCAN)).toEqual({ pages: 1, imaged: 1, nativeCanvas: true });
    },
  );

  it('draws scanned pages with the rasteriser it is given, and reads text pages with it too', async () => {
    const refusing = new URL('./support/refusing.raster.ts', import.meta.url).href;
    const err = (await read(SCAN, refusing).catch((e: unknown) => e)) as AppError;
    expect(err.details?.reason).toContain(REFUSAL);
    await expect(read(TEXT, refusing)).resolves.toBe(1);
  });

  it('refuses a rasteriser module that exports no pageRaster, with a reason', async () => {
    const err = (await read(TEXT, PAGE_RASTER_MODULE.replace(/page\.raster\.ts$/, 'page.raster.module.ts')).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(err.code).toBe('internal');
    expect(err.details?.reason).toMatch(/exports no pageRaster/);
    // The product's rasteriser still reads after it: reader threads follow the module each call names.
    await expect(read(TEXT, PAGE_RASTER_MODULE)).resolves.toBe(1);
  });
});
