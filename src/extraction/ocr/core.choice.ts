/**
 * Which tesseract.js-core build an OCR thread loads. tesseract.js 7's own Node loader is handed a boolean
 * (LSTM only or not) where it tests for an engine mode, so it always loads a build that carries the legacy
 * engine too (3.5 MB of WebAssembly instead of 2.9 MB), which an LSTM-only worker never runs. The LSTM-only
 * build starts in about a third less CPU time (one worker: 0.96 -> 0.62 CPU s) and reads the same words.
 */
export interface WasmFeatures {
  simd: boolean;
  relaxedSimd: boolean;
}

/** The core's module name under tesseract.js-core: the fastest build this machine runs, LSTM-only when asked. */
export function coreName(lstmOnly: boolean, features: WasmFeatures): string {
  const simd = features.relaxedSimd ? '-relaxedsimd' : features.simd ? '-simd' : '';
  return `tesseract-core${simd}${lstmOnly ? '-lstm' : ''}`;
}
