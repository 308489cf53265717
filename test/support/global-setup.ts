import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite } from '../../src/store/db.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/store/migrations.runner.ts';

/**
 * Creating a PGlite data directory takes seconds; copying a migrated one takes a fraction of that.
 * Build the template once per migration set; tests copy it.
 */
export default async function setup(): Promise<void> {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)));
  const dir = path.join(tmpdir(), `marginiq-pglite-template-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const building = `${dir}.${process.pid}.building`;
    rmSync(building, { recursive: true, force: true });
    const db = await openPglite(building);
    await migrate(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
  }
  process.env.MARGINIQ_PGLITE_TEMPLATE = dir;
}
