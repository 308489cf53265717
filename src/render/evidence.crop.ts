import { createCanvas } from '@napi-rs/canvas';
import type { Box } from '../core/evidence/crop.region.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsReady: Promise<PdfJs> | undefined;
const loadPdfJs = () => {
  pdfjsReady ??= (async () => {
    const main: string = 'pdfjs-dist/legacy/build/pdf.min.mjs';
    const pdfjs = (await import(main)) as PdfJs;
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
    return pdfjs;
  })();
  return pdfjsReady;
};

export interface Crop {
  png: Uint8Array;
  width: number;
  height: number;
  /** The value's box in the image's pixels (where it is drawn). */
  boxPx: Box;
  scale: number;
}

/**
 * Issue 14, Show source: renders only `region` of one page (a clipped viewport: the canvas is the
 * region's size and the page is drawn shifted into it), then draws a box around the value. An
 * adapter behind core's crop port: PDF bytes and points in, PNG out.
 */
export async function renderEvidenceCrop(input: {
  pdf: Uint8Array;
  page: number;
  region: Box;
  box: Box;
  dpi?: number;
}): Promise<Crop> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({
    data: input.pdf.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await doc.getPage(input.page);
    const scale = (input.dpi ?? 144) / 72;
    const vp = page.getViewport({ scale });
    const [rx0, ry0, rx1, ry1] = input.region;
    const w = Math.max(1, Math.ceil((rx1 - rx0) * scale));
    const h = Math.max(1, Math.ceil((ry1 - ry0) * scale));
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    await page.render({
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport: vp,
      transform: [1, 0, 0, 1, -rx0 * scale, -ry0 * scale],
    }).promise;
    const pad = 3;
    const boxPx: Box = [
      Math.max(0, (input.box[0] - rx0) * scale - pad),
      Math.max(0, (input.box[1] - ry0) * scale - pad),
      Math.min(w, (input.box[2] - rx0) * scale + pad),
      Math.min(h, (input.box[3] - ry0) * scale + pad),
    ];
    ctx.strokeStyle = '#E0245E';
    ctx.lineWidth = 3;
    ctx.strokeRect(boxPx[0], boxPx[1], boxPx[2] - boxPx[0], boxPx[3] - boxPx[1]);
    page.cleanup();
    return { png: new Uint8Array(await canvas.encode('png')), width: w, height: h, boxPx, scale };
  } finally {
    await doc.destroy();
  }
}
