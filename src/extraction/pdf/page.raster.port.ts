/**
 * The page-raster port: how the PDF reader thread turns a page without a usable text layer into pixels
 * for OCR. Extraction names no canvas: the composition root passes the module specifier of an adapter
 * (src/render/page.raster.ts), which the reader thread imports (pdf.js and its pages live there, so the
 * adapter cannot be an object handed across threads). The adapter's module exports `pageRaster`.
 */

/** Where the reader thread finds the rasteriser: a module specifier (a file URL) whose `pageRaster` export is a PageRaster. */
export type PageRasterModule = string;

/** A canvas and its 2D context, as pdf.js draws on them (pdf.js nulls both when it destroys one). */
export interface CanvasAndContext {
  canvas: unknown;
  context: CanvasRenderingContext2D;
}

/** pdf.js's `CanvasFactory` contract: every canvas pdf.js draws on while rendering comes from here. */
export interface PdfCanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  reset(canvasAndContext: CanvasAndContext, width: number, height: number): void;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** A pdf.js page, as far as rendering needs it. */
export interface RenderablePage {
  render(params: object): { promise: Promise<void> };
}

export interface PageRaster {
  /**
   * Globals pdf.js needs before it loads (it builds a DOMMatrix at module load): plain JavaScript, so a
   * text PDF loads no native code. The reader thread sets them before it imports pdf.js.
   */
  readonly pdfGlobals: Readonly<Record<string, unknown>>;
  /** Given to pdf.js as getDocument's `CanvasFactory` option (pdf.js constructs it with its options). */
  readonly CanvasFactory: new (options: {
    enableHWA?: boolean;
  }) => PdfCanvasFactory;
  /** Renders a page (at the viewport's scale) to 8-bit gray, width × height pixels, row by row. */
  renderGray(
    page: RenderablePage,
    viewport: { transform: number[] },
    width: number,
    height: number,
    factory: PdfCanvasFactory,
  ): Promise<Uint8Array>;
}
