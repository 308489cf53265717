import type { PageRaster } from '../../../src/extraction/pdf/page.raster.port.ts';
import { pageRaster as product } from '../../../src/render/page.raster.ts';

/** A page rasteriser that refuses to draw, so a test can see that the reader thread uses the one it was given. */
export const REFUSAL = 'the injected test rasteriser refused to draw';

export const pageRaster: PageRaster = {
  pdfGlobals: product.pdfGlobals,
  CanvasFactory: product.CanvasFactory,
  renderGray: async () => {
    throw new Error(REFUSAL);
  },
};
