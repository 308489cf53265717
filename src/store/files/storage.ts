import type { Config } from '../../config/config.ts';
import type { FileStorage } from '../../core/ports/files.ports.ts';
import { createLocalStorage } from './local.storage.ts';
import { createSupabaseStorage } from './supabase.storage.ts';

/** The configured file storage: a local directory, or Supabase Storage shared by every replica. */
export function createStorage(config: Config, fetchImpl?: typeof fetch): FileStorage {
  return config.storage.kind === 'supabase'
    ? createSupabaseStorage({
        url: config.storage.url,
        key: config.storage.key,
        bucket: config.storage.bucket,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      })
    : createLocalStorage(config.storage.dir);
}
