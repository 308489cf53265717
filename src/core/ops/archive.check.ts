import { isAppError } from '../errors.ts';
import type { FileStorage } from '../ports/files.ports.ts';
import type { ArchiveCheck, ArchiveFinding, OpsRepository } from './ops.port.ts';

export interface ArchiveCheckDeps {
  ops: Pick<OpsRepository, 'storedFiles' | 'unfiledReports' | 'recordArchiveCheck'>;
  storage: Pick<FileStorage, 'get' | 'ping'>;
  /** SHA-256 of the bytes, hex: what the store recorded when the file was archived. */
  hash: (bytes: Uint8Array) => string;
  now?: () => Date;
}

const short = (h: string) => `${h.slice(0, 12)}…`;
const fileOf = (names: string[]) => (names.length === 0 ? 'unnamed file' : names.join(', '));

/**
 * Re-reads every stored PDF once (storage is content-addressed, so uploads of the same file share
 * one object), compares its SHA-256 with the one recorded when it was stored, and lists the reports
 * whose upload recorded no stored file. The result is recorded, missing and changed files listed.
 * Storage that cannot be reached at all throws: that is an outage, not a thousand missing files.
 */
export async function verifyArchive(deps: ArchiveCheckDeps): Promise<ArchiveCheck> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  await deps.storage.ping();
  const missing: ArchiveFinding[] = [];
  const changed: ArchiveFinding[] = [];
  const files = await deps.ops.storedFiles();
  for (const f of files) {
    const finding = { key: f.key, file: fileOf(f.fileNames), reports: f.reports };
    let bytes: Uint8Array;
    try {
      bytes = await deps.storage.get(f.key);
    } catch (err) {
      const reason =
        isAppError(err) && err.code === 'storage.not_found'
          ? 'not in file storage'
          : `could not be read: ${err instanceof Error ? err.message : String(err)}`;
      missing.push({ ...finding, reason });
      continue;
    }
    const actual = deps.hash(bytes);
    if (actual !== f.hash) {
      changed.push({
        ...finding,
        reason: `content hash ${short(actual)} differs from ${short(f.hash)} recorded when it was stored`,
      });
    }
  }
  for (const r of await deps.ops.unfiledReports()) {
    missing.push({
      key: null,
      file: r.fileName ?? 'no file name',
      reports: [r.report],
      reason: 'no stored file is recorded for this report',
    });
  }
  return deps.ops.recordArchiveCheck({ at, checked: files.length, missing, changed });
}

export const archiveFailed = (c: ArchiveCheck) => c.missing.length + c.changed.length > 0;
