import type { ErrorCode } from '../../contract/errors.ts';
import type { KnownLayout } from '../memory/memory.recall.ts';
import type { DocumentReading, PageWords } from '../pages.interpreter.ts';

/**
 * What the PDF worker sends back, page by page. Coordinates are PDF points with a top-left origin,
 * so text-layer words and OCR words share one space and one line builder.
 */
export interface PageWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0..1: 1 for a text layer, the OCR word confidence otherwise. */
  conf: number;
}

export interface PageImage {
  /** 8-bit grayscale PGM (P5), which tesseract reads without a PNG encode/decode round trip. */
  pgm: Uint8Array;
  /** Pixels per PDF point. */
  scale: number;
  /** Where the (cropped) image's top-left pixel sits on the page rendering. */
  offsetX: number;
  offsetY: number;
}

export interface PageContent {
  index: number;
  width: number;
  height: number;
  words: PageWord[];
  /** Present when the page has no usable text layer and must be OCR'd: horizontal bands of it, cut in blank rows. */
  images?: PageImage[];
}

export type WorkerRequest = {
  bytes: Uint8Array;
  maxPages: number;
  dpi: number;
  wasmDir: string;
  /** Per-document memory limits, checked before pdf.js allocates (see pdf.prescan.ts). */
  limits: ReaderLimits;
};

export interface ReaderLimits {
  maxDecodedBytes: number;
  maxImagePixels: number;
  maxTotalImagePixels: number;
  maxRasterPixels: number;
  maxTotalRasterPixels: number;
}

/** Pages to read into accounts in a reader thread, with the layouts memory knows (absent: no memory). */
export interface ReadRequest {
  pages: PageWords[];
  layouts?: KnownLayout[];
}

export type WorkerMessage =
  | { type: 'meta'; pages: number }
  | { type: 'read'; reading: DocumentReading }
  /** An expected outcome of reading (no margin figures): the AppError the caller throws. */
  | { type: 'refused'; code: ErrorCode; message: string }
  | { type: 'page'; page: PageContent }
  | { type: 'done'; rendered: boolean }
  | {
      type: 'error';
      code: 'corrupt' | 'encrypted' | 'too_many_pages' | 'too_complex' | 'internal';
      message: string;
      pages?: number;
    };
