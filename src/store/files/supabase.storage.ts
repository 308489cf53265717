import { createClient } from '@supabase/supabase-js';
import { AppError } from '../../core/errors.ts';
import type { FileStorage } from '../../core/ports/files.ports.ts';
import { sha256 } from './local.storage.ts';

/** Supabase Storage, content-addressed like the local store. */
export function createSupabaseStorage(opts: {
  url: string;
  key: string;
  bucket: string;
  fetch?: typeof fetch;
}): FileStorage {
  const client = createClient(opts.url, opts.key, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(opts.fetch ? { global: { fetch: opts.fetch } } : {}),
  });
  const bucket = () => client.storage.from(opts.bucket);
  return {
    kind: 'supabase',
    async put(bytes, o) {
      const hash = sha256(bytes);
      const key = `${hash.slice(0, 2)}/${hash}.${o.extension}`;
      const { error } = await bucket().upload(key, bytes, { contentType: o.contentType, upsert: false });
      // The object already being there is success: the key is its content hash.
      if (
        error &&
        !/exists|duplicate/i.test(error.message) &&
        (error as { statusCode?: string }).statusCode !== '409'
      ) {
        throw new AppError('storage.failed', 'The file could not be archived; it will be retried.', { cause: error });
      }
      return { key, hash };
    },
    async get(key) {
      const { data, error } = await bucket().download(key);
      // Storage answers 400/404 "Object not found" for a key it does not hold.
      const status = String(
        (error as { status?: unknown; statusCode?: unknown } | null)?.statusCode ??
          (error as { status?: unknown } | null)?.status ??
          '',
      );
      if (error && (status === '404' || /not.?found/i.test(error.message)))
        throw new AppError('storage.not_found', 'The archived file is not in file storage.', { cause: error });
      if (error || !data)
        throw new AppError('storage.failed', 'The archived file could not be read.', { cause: error });
      return new Uint8Array(await data.arrayBuffer());
    },
    async ping() {
      const { error } = await bucket().list('', { limit: 1 });
      if (error) throw new AppError('storage.failed', 'Supabase Storage is not reachable.', { cause: error });
    },
  };
}
