import type { Config } from '../config/config.ts';
import type { FileStorage } from '../core/ports/files.ports.ts';
import type { Repositories, UnitOfWork } from '../core/ports/repositories.ports.ts';
import type { Logger } from '../observability/logger.ts';
import { type Db, openDb } from './db.ts';
import { createStorage } from './files/storage.ts';
import { migrate } from './migrations.runner.ts';
import { createAnalyticsRepository } from './repositories/analytics.repository.ts';
import { createOpsRepository } from './repositories/ops.repository.ts';
import { createScoreboardRepository } from './repositories/scoreboard.repository.ts';
import { createRepositories, createUnitOfWork } from './repositories.ts';

export interface Store {
  db: Db;
  repos: Repositories;
  uow: UnitOfWork;
  analytics: ReturnType<typeof createAnalyticsRepository>;
  scoreboard: ReturnType<typeof createScoreboardRepository>;
  ops: ReturnType<typeof createOpsRepository>;
  storage: FileStorage;
}

/** Opens the database, applies pending migrations and builds every repository and the file storage once. */
export async function openStore(
  config: Config,
  logger: Logger,
  opts: { beforeOpen?: () => Promise<void>; fetch?: typeof fetch | undefined } = {},
): Promise<Store> {
  const db = await openDb(config.database, {
    onCreate: (m) => logger.info(m),
    ...(opts.beforeOpen ? { beforeOpen: opts.beforeOpen } : {}),
  });
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied: applied.map((m) => m.name) }, 'migrations applied');
  return {
    db,
    repos: createRepositories(db),
    uow: createUnitOfWork(db),
    analytics: createAnalyticsRepository(db),
    scoreboard: createScoreboardRepository(db),
    ops: createOpsRepository(db),
    storage: createStorage(config, opts.fetch),
  };
}
