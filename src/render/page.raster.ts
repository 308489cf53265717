import { createRequire } from 'node:module';
import type {
  CanvasAndContext,
  PageRaster,
  PdfCanvasFactory,
  RenderablePage,
} from '../extraction/pdf/page.raster.port.ts';

/**
 * The page rasteriser behind extraction's PageRaster port: pdf.js draws scanned pages on a native
 * (skia) canvas, which is read back as 8-bit gray for OCR. The PDF reader thread imports this module
 * (src/extraction/pdf/pdfjs.loader.ts); the native canvas loads only when a page needs pixels, so a
 * text PDF never loads it.
 */

type NativeCanvas = typeof import('@napi-rs/canvas');
type ContextAttributes = import('@napi-rs/canvas').ContextAttributes;

const require = createRequire(import.meta.url);

// The canvas package's geometry (DOMMatrix) is plain JavaScript: pdf.js's own polyfill takes this same
// class from this same file, through the package's index, which also loads the native binding.
const { DOMMatrix } = require('@napi-rs/canvas/geometry.js') as { DOMMatrix: unknown };

let native: NativeCanvas | undefined;

/** Skia, on first use; with it the globals pdf.js draws with, set as pdf.js would set them on load. */
function canvas(): NativeCanvas {
  if (!native) {
    native = require('@napi-rs/canvas') as NativeCanvas;
    const g = globalThis as Record<string, unknown>;
    g.ImageData ??= native.ImageData;
    g.Path2D ??= native.Path2D;
  }
  return native;
}

/** pdf.js's CanvasFactory on skia: the same canvases its own Node factory would make. */
class PageCanvasFactory implements PdfCanvasFactory {
  readonly #enableHWA: boolean;

  constructor({ enableHWA = false }: { enableHWA?: boolean } = {}) {
    this.#enableHWA = enableHWA;
  }

  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const c = canvas().createCanvas(width, height);
    // What pdf.js asks of its own factory's canvases: pixels read back often, so none on a GPU.
    const attributes: ContextAttributes & { willReadFrequently: boolean } = { willReadFrequently: !this.#enableHWA };
    return { canvas: c, context: c.getContext('2d', attributes) as unknown as CanvasRenderingContext2D };
  }

  reset(cc: CanvasAndContext, width: number, height: number): void {
    if (!cc.canvas) throw new Error('Canvas is not specified');
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const c = cc.canvas as { width: number; height: number };
    c.width = width;
    c.height = height;
  }

  destroy(cc: CanvasAndContext): void {
    if (!cc.canvas) throw new Error('Canvas is not specified');
    const c = cc.canvas as { width: number; height: number };
    // A zero-sized canvas gives its pixel memory back at once, before the garbage collector runs.
    c.width = 0;
    c.height = 0;
    const done = cc as { canvas: unknown; context: unknown };
    done.canvas = null;
    done.context = null;
  }
}

/**
 * Renders a page to 8-bit gray in horizontal strips of at most 8 Mpx (32 MB as RGBA): a 250 dpi letter
 * page (5.8 Mpx) is one strip and one render pass, while a gigantic page never needs one huge canvas.
 */
async function renderGray(
  page: RenderablePage,
  vp: { transform: number[] },
  w: number,
  h: number,
  factory: PdfCanvasFactory,
): Promise<Uint8Array> {
  const gray = new Uint8Array(w * h);
  const stripH = Math.min(h, Math.max(1, Math.floor(8_000_000 / w)));
  const cc = factory.create(w, stripH);
  for (let top = 0; top < h; top += stripH) {
    const sh = Math.min(stripH, h - top);
    cc.context.setTransform(1, 0, 0, 1, 0, 0);
    cc.context.fillStyle = '#ffffff';
    cc.context.fillRect(0, 0, w, stripH);
    await page.render({ canvasContext: cc.context, canvas: cc.canvas, viewport: vp, transform: [1, 0, 0, 1, 0, -top] })
      .promise;
    const rgba = cc.context.getImageData(0, 0, w, sh).data;
    for (let i = 0, o = top * w; i < rgba.length; i += 4) {
      // Integer luma (BT.601); the strip is painted on white so alpha needs no blend.
      gray[o++] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    }
  }
  factory.destroy(cc);
  return gray;
}

export const pageRaster: PageRaster = { pdfGlobals: { DOMMatrix }, CanvasFactory: PageCanvasFactory, renderGray };
