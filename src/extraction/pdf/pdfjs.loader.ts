import module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageRaster, PageRasterModule } from './page.raster.port.ts';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const PDFJS_DIR = `${pathToFileURL(path.dirname(require.resolve('pdfjs-dist/package.json'))).href}/`;

/**
 * Loads pdf.js into this (reader) thread with the injected page rasteriser. pdf.js on Node would load a
 * native canvas of its own as it loads (for its DOM polyfills) and again to render; here it gets the
 * globals it needs from the rasteriser, plain JavaScript, and the rasteriser's canvas factory at each
 * getDocument, so a text PDF loads no native code and a scan draws on the canvas the composition root chose.
 */
export async function loadPdfJs(rasterModule: PageRasterModule): Promise<{ pdfjs: PdfJs; raster: PageRaster }> {
  const raster = await importRaster(rasterModule);
  const g = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(raster.pdfGlobals)) g[name] ??= value;
  refuseOwnPackages();
  // The minified builds of the same release: a fifth less CPU to load in a fresh process (half the source).
  const main: string = 'pdfjs-dist/legacy/build/pdf.min.mjs'; // typed as pdf.mjs (same API)
  const pdfjs = (await import(main)) as PdfJs;
  // Hand pdf.js its worker module directly: it then parses in this thread without a second load.
  const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs'; // untyped module: load by name
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
  return { pdfjs, raster };
}

async function importRaster(specifier: PageRasterModule): Promise<PageRaster> {
  const mod = (await import(specifier)) as { pageRaster?: Partial<PageRaster> };
  const raster = mod.pageRaster;
  if (!raster?.pdfGlobals || typeof raster.CanvasFactory !== 'function' || typeof raster.renderGray !== 'function')
    throw new Error(`${specifier} exports no pageRaster (pdfGlobals, CanvasFactory, renderGray)`);
  return raster as PageRaster;
}

let refusing = false;

/**
 * From here on, in this thread, pdf.js resolves no package but its own: the one it would load (a native
 * canvas) fails to resolve, pdf.js notes that (its warnings go to this thread's stdout, which nobody
 * reads) and uses what it was given. Hooks are per thread: the caller's thread is untouched.
 */
function refuseOwnPackages(): void {
  if (refusing) return;
  refusing = true;
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      if (context.parentURL?.startsWith(PDFJS_DIR) && isPackage(specifier) && !specifier.startsWith('pdfjs-dist/')) {
        throw Object.assign(
          new Error(`pdf.js resolves no package of its own in the PDF reader thread (asked for ${specifier})`),
          { code: 'ERR_MODULE_NOT_FOUND' },
        );
      }
      return nextResolve(specifier, context);
    },
  });
}

/** A bare package name: not a relative path, a URL or a Node built-in. */
const isPackage = (specifier: string) =>
  !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier) && !module.isBuiltin(specifier);
