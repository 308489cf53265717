/**
 * Where OCR threads read the language model from. The model ships gzipped (@tesseract.js-data/eng, 2.9 MB
 * to 5.2 MB), and tesseract.js gunzips it in every thread it starts: about 55 CPU ms a thread, and 5 MB of
 * short-lived buffers for that thread's first collections, paid again by every fresh `marginiq` process and
 * every pool that restarts its workers after an idle period. So the first process to need it writes the
 * gunzipped model once to a directory of its own under the OS temporary directory, and threads read that.
 *
 * The copy is trusted only as far as it is checked: its directory must belong to this user and be closed to
 * others, it is written under a temporary name and renamed into place (a concurrent reader never sees half a
 * file) once its CRC-32 equals the one the gzip trailer records, and before use its length must be the
 * trailer's. On any doubt the threads read the gzipped model as before. Nothing is ever fetched from the network.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { crc32, gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** What tesseract.js is told: the folder holding `eng.traineddata` (gzip false) or `eng.traineddata.gz`. */
export interface ModelSource {
  langPath: string;
  gzip: boolean;
}

/** The LSTM-only model shipped in node_modules. */
export function shippedModelDir(): string {
  const pkg = path.dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  return path.join(pkg, '4.0.0_best_int');
}

/** A gzip member's trailer: CRC-32 and length (mod 2^32) of its uncompressed data. */
export function gzipTrailer(gz: Uint8Array): { crc: number; size: number } | null {
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) return null;
  const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
  return { crc: view.getUint32(gz.length - 8, true), size: view.getUint32(gz.length - 4, true) };
}

/** Whether `dir` is a real directory of this user that nobody else may write to (POSIX); true elsewhere. */
async function ownDir(dir: string): Promise<boolean> {
  const s = await lstat(dir);
  if (!s.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

/**
 * Whether `file` is a whole copy of the model: a regular file of the trailer's length. Its content was checked
 * against the trailer's CRC-32 before it was renamed into place (gunzip checks it too), and only this user can
 * replace it; hashing it again would cost each process about as much as the gunzip it saves.
 */
async function whole(file: string, want: { size: number }): Promise<boolean> {
  const s = await lstat(file).catch(() => null);
  return s?.isFile() === true && s.size % 2 ** 32 === want.size && (s.mode & 0o022) === 0;
}

/** The first two and last eight bytes of a file (a gzip member's magic and trailer); nothing for a file too short. */
async function ends(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 18) return new Uint8Array(0);
    const out = new Uint8Array(18);
    await handle.read(out, 0, 2, 0);
    await handle.read(out, 10, 8, size - 8);
    return out;
  } finally {
    await handle.close();
  }
}

/** The gunzipped copy of `gzFile` under `root`, written if missing; null when it cannot be used. */
export async function unpackedModel(gzFile: string, root: string): Promise<string | null> {
  const want = gzipTrailer(await ends(gzFile));
  if (!want) return null;
  // One folder per model (its trailer names it), so an updated package never meets an old copy.
  const dir = path.join(root, `${want.size.toString(16)}-${want.crc.toString(16)}`);
  const file = path.join(dir, path.basename(gzFile, '.gz'));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (!(await ownDir(root)) || !(await ownDir(dir))) return null;
  if (await whole(file, want)) return file;
  const data = gunzipSync(await readFile(gzFile));
  if (crc32(data) !== want.crc) return null;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true });
    return null;
  }
  return (await whole(file, want)) ? file : null;
}

let source: Promise<ModelSource> | null = null;

/** Where this process's OCR threads read the model: the checked unpacked copy, else the shipped gzip. */
export function modelSource(): Promise<ModelSource> {
  source ??= (async () => {
    const shipped = shippedModelDir();
    const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
    const root = path.join(os.tmpdir(), `marginiq-ocr-model${uid}`);
    const file = await unpackedModel(path.join(shipped, 'eng.traineddata.gz'), root).catch(() => null);
    return file ? { langPath: path.dirname(file), gzip: false } : { langPath: shipped, gzip: true };
  })();
  return source;
}
