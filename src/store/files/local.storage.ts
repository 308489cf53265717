import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { FileStorage } from '../../core/ports/files.ports.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Content-addressed files under DATA_DIR/files: the same PDF uploaded twice is stored once. */
export function createLocalStorage(dir: string): FileStorage {
  const fullPath = (key: string) => {
    const resolved = path.resolve(dir, key);
    if (!resolved.startsWith(path.resolve(dir) + path.sep)) throw new Error('storage key escapes the storage folder');
    return resolved;
  };
  return {
    kind: 'local',
    async put(bytes, opts) {
      const hash = sha256(bytes);
      const key = `${hash.slice(0, 2)}/${hash}.${opts.extension}`;
      const target = fullPath(key);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) {
        await mkdir(path.dirname(target), { recursive: true });
        // Write then rename, so a crash never leaves half a file under its final name.
        const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, target);
      }
      return { key, hash };
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fullPath(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('storage.not_found', 'The archived file is not in file storage.', { cause: err });
        throw err;
      }
    },
    async ping() {
      await mkdir(dir, { recursive: true });
    },
  };
}
