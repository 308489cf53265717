import { zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * A ZIP archive (the XLSX container, the Teams app package) through fflate: deflate where it
 * helps, stored where it does not, UTF-8 names. Entries keep their order; `at` dates every entry
 * so the same input gives the same bytes.
 */
export function zip(entries: ZipEntry[], at = new Date()): Uint8Array {
  // ZIP's MS-DOS clock starts in 1980; fflate refuses earlier dates.
  const mtime = at.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : at;
  const files: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  for (const e of entries) files[e.name] = [e.data, { level: 6, mtime }];
  return zipSync(files);
}
