import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipTrailer, modelSource, unpackedModel } from '../../src/extraction/ocr/model.file.ts';

/** A stand-in model: some random bytes, gzipped, in a folder of its own. */
function fakeModel() {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-model-test-'));
  const plain = randomBytes(40_000);
  const gz = path.join(dir, 'xyz.traineddata.gz');
  writeFileSync(gz, gzipSync(plain));
  return { dir, plain, gz, root: path.join(dir, 'unpacked') };
}

describe('the unpacked OCR model', () => {
  it('reads the length and CRC of the uncompressed data from the gzip trailer, and nothing from other bytes', () => {
    const data = randomBytes(1234);
    const t = gzipTrailer(gzipSync(data));
    expect(t?.size).toBe(1234);
    expect(gzipTrailer(data)).toBeNull();
  });

  it('is written once, with the very bytes of the gzipped model, and found again by the next process', async () => {
    const m = fakeModel();
    const file = await unpackedModel(m.gz, m.root);
    expect(file).not.toBeNull();
    expect(path.basename(file!)).toBe('xyz.traineddata');
    expect(Buffer.compare(readFileSync(file!), m.plain)).toBe(0);
    const written = statSync(file!).mtimeMs;
    expect(await unpackedModel(m.gz, m.root)).toBe(file);
    expect(statSync(file!).mtimeMs).toBe(written);
    // No temporary file is left beside it.
    expect(readdirSync(path.dirname(file!))).toEqual(['xyz.traineddata']);
  });

  it('is written again when the copy found is not whole', async () => {
    const m = fakeModel();
    const file = (await unpackedModel(m.gz, m.root))!;
    truncateSync(file, 1000);
    expect(await unpackedModel(m.gz, m.root)).toBe(file);
    expect(Buffer.compare(readFileSync(file), m.plain)).toBe(0);
  });

  it('is not used from a folder that others may write to', async () => {
    if (typeof process.getuid !== 'function') return;
    const m = fakeModel();
    await unpackedModel(m.gz, m.root);
    chmodSync(m.root, 0o777);
    expect(await unpackedModel(m.gz, m.root)).toBeNull();
  });

  it('is refused for a file that is not gzip', async () => {
    const m = fakeModel();
    writeFileSync(m.gz, randomBytes(100));
    expect(await unpackedModel(m.gz, m.root)).toBeNull();
  });

  it('is what OCR threads read: the shipped model, gunzipped, or the shipped gzip itself', async () => {
    const src = await modelSource();
    expect(modelSource()).toBe(modelSource());
    const name = path.join(src.langPath, src.gzip ? 'eng.traineddata.gz' : 'eng.traineddata');
    const bytes = readFileSync(name);
    const plain = src.gzip ? gunzipSync(bytes) : bytes;
    expect(plain.length).toBeGreaterThan(1_000_000);
  });
});
