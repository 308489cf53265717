import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreName } from '../../src/extraction/ocr/core.choice.ts';
import { holdEngine } from '../../src/extraction/ocr/engine.hold.ts';

const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js/package.json'));
const coreDir = path.dirname(fromTesseract.resolve('tesseract.js-core/package.json'));
const all = [
  { simd: true, relaxedSimd: true },
  { simd: true, relaxedSimd: false },
  { simd: false, relaxedSimd: false },
];

describe('the OCR core build', () => {
  it('is the LSTM-only build for an LSTM-only worker, on every SIMD level', () => {
    expect(all.map((f) => coreName(true, f))).toEqual([
      'tesseract-core-relaxedsimd-lstm',
      'tesseract-core-simd-lstm',
      'tesseract-core-lstm',
    ]);
  });

  it('carries the legacy engine only when the worker asks for it', () => {
    expect(coreName(false, all[0]!)).toBe('tesseract-core-relaxedsimd');
  });

  it('names builds that tesseract.js-core ships, each smaller than its legacy twin', () => {
    for (const f of all) {
      const lstm = path.join(coreDir, `${coreName(true, f)}.wasm`);
      const legacy = path.join(coreDir, `${coreName(false, f)}.wasm`);
      expect(existsSync(lstm) && existsSync(legacy)).toBe(true);
      expect(statSync(lstm).size).toBeLessThan(statSync(legacy).size);
    }
  });

  it('is compiled once a process and held for the OCR threads that come after', async () => {
    const first = holdEngine();
    expect(holdEngine()).toBe(first);
    const engine = await first;
    expect(engine).toBeInstanceOf(WebAssembly.Module);
    // The build an OCR thread instantiates: Emscripten's imports, tesseract's API among the exports.
    expect(WebAssembly.Module.imports(engine!).length).toBeGreaterThan(0);
    expect(WebAssembly.Module.exports(engine!).length).toBeGreaterThan(100);
  });
});
