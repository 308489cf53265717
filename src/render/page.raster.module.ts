import type { PageRasterModule } from '../extraction/pdf/page.raster.port.ts';

/**
 * The page rasteriser that entry points hand to extraction, by module: the PDF reader thread imports it
 * there. Never import page.raster.ts itself in another thread: it holds the native canvas.
 */
export const PAGE_RASTER_MODULE: PageRasterModule = new URL('./page.raster.ts', import.meta.url).href;
