import { type Config, loadConfig } from './config/config.ts';
import { toAppError } from './core/errors.ts';
import { createLogger, type Logger } from './observability/logger.ts';

const USAGE = `usage: marginiq <command> [options]

  start                   HTTP server (Slack, Teams, health, metrics, console), workers and schedules
  worker                  workers and schedules only; serves /health on PORT
  migrate                 apply pending database migrations and exit
  extract <file.pdf>…     extract margin reports from local PDFs (writes nothing to the database)
    --json                the reports as one JSON array on stdout
    --explain             where each value was read and which rivals lost
    --memory              use what approvers taught about known layouts (reads the database)
  teach <file.pdf>        teach the database this document's layout, as an approver's edit would
    --set field=value     a correct value (repeatable)
    --truth truth.json    the correct values in the scorer's truth format
  digest                  build the daily digest now and post it
    --dry-run             print the digest instead of posting it
  --version               print the version
  --help                  print this help
`;

/** The package's version, read only when asked (no JSON import on the extract path). */
async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version;
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 success, 2 unusable input or configuration, 1 internal error. */
export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    io.stdout.write(`marginiq ${await version()}\n`);
    return 0;
  }
  if (!['start', 'worker', 'migrate', 'extract', 'digest', 'teach'].includes(command)) {
    io.stderr.write(`marginiq: ${command}: unknown command (try marginiq --help)\n`);
    return 2;
  }
  const loaded = loadConfig(io.env);
  if (!loaded.ok) {
    for (const p of loaded.problems) io.stderr.write(`marginiq: ${p.setting}: ${p.reason}\n`);
    return 2;
  }
  const config = loaded.config;
  // Commands whose stdout is their output log to stderr, and only warnings unless LOG_LEVEL asks.
  const quiet = command === 'extract' || command === 'digest' || command === 'migrate' || command === 'teach';
  const logger = createLogger({
    level: quiet && !io.env.LOG_LEVEL ? 'warn' : config.logLevel,
    pretty: Boolean((io.stdout as NodeJS.WriteStream).isTTY) && config.env !== 'production',
    fd: quiet ? 2 : 1,
  });
  try {
    switch (command) {
      case 'migrate':
        return await runMigrate(config, io);
      case 'extract': {
        const { runExtractCommand } = await import('./cli/extract.command.ts');
        const color = Boolean((io.stdout as NodeJS.WriteStream).isTTY) && !io.env.NO_COLOR;
        return await runExtractCommand(args, {
          config,
          stdout: io.stdout,
          stderr: io.stderr,
          logger,
          color,
          openMemory: () => openLayoutStore(config),
        });
      }
      case 'teach': {
        const { runTeachCommand } = await import('./cli/teach.command.ts');
        return await runTeachCommand(args, {
          config,
          stdout: io.stdout,
          stderr: io.stderr,
          logger,
          openStore: () => openLayoutStore(config),
        });
      }
      case 'digest': {
        const { runDigestCommand } = await import('./cli/digest.command.ts');
        const io2 = { config, stdout: io.stdout, stderr: io.stderr, logger };
        if (args.includes('--dry-run') || args.includes('-n') || args.includes('--help'))
          return await runDigestCommand(args, io2);
        // Posting needs the platforms' gateways: build the service without workers, schedules or a server.
        const { startService } = await import('./main.ts');
        const service = await startService(config, logger, 'worker', { schedules: false, background: false });
        try {
          return await runDigestCommand(args, {
            ...io2,
            db: service.db,
            gateways: service.gateways,
            health: service.health,
            queueDepth: () => service.queue.depth(),
          });
        } finally {
          await service.stop();
        }
      }
      default:
        return await runService(command as 'start' | 'worker', config, logger, io);
    }
  } catch (err) {
    return reportFailure(err, config, logger, io);
  }
}

/** The CLI's error boundary: one line for the user, the details in the log. */
function reportFailure(err: unknown, config: Config, logger: Logger, io: Io): number {
  const e = toAppError(err);
  if (e.code === 'store.unavailable') {
    io.stderr.write(
      `marginiq: DATABASE_URL: ${config.database.kind === 'postgres' ? 'the database is not reachable' : e.message}\n`,
    );
    return 2;
  }
  const code = (err as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    io.stderr.write(
      `marginiq: PORT: ${config.http.port} cannot be used (${code === 'EADDRINUSE' ? 'already in use' : 'permission denied'})\n`,
    );
    return 2;
  }
  if (e.permanent) {
    io.stderr.write(`marginiq: ${e.message}\n`);
    return 2;
  }
  logger.error({ err }, 'marginiq failed');
  io.stderr.write(`marginiq: internal error: ${e.message}\n`);
  return 1;
}

/**
 * The database layout memory lives in, migrated (teach and extract --memory work on a fresh
 * DATA_DIR): its unit of work, and layout memory for extraction.
 */
async function openLayoutStore(config: Config) {
  const { openDb } = await import('./store/db.ts');
  const { migrate } = await import('./store/migrations.runner.ts');
  const { createRepositories, createUnitOfWork } = await import('./store/repositories.ts');
  const { layoutMemoryOf } = await import('./core/memory/layout-memory.usecases.ts');
  const db = await openDb(config.database);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    uow: createUnitOfWork(db),
    memory: layoutMemoryOf(createRepositories(db).layouts),
    close: () => db.close(),
  };
}

async function runMigrate(config: Config, io: Io): Promise<number> {
  const { openDb } = await import('./store/db.ts');
  const { migrate } = await import('./store/migrations.runner.ts');
  const db = await openDb(config.database);
  try {
    const applied = await migrate(db);
    io.stdout.write(
      applied.length === 0 ? 'no pending migrations\n' : applied.map((m) => `applied ${m.name}\n`).join(''),
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function runService(mode: 'start' | 'worker', config: Config, logger: Logger, io: Io): Promise<number> {
  const { startService } = await import('./main.ts');
  const service = await startService(config, logger, mode);
  if (mode === 'start' && config.console.enabled) {
    io.stdout.write(
      `\nMarginIQ is running. Open ${service.url}/${config.console.token ? `?token=${config.console.token}` : ''} in a browser.\n\n`,
    );
  }
  return new Promise<number>((resolve) => {
    let signalled = false;
    const shutdown = (signal: string) => {
      if (signalled) {
        // A second signal means "now".
        resolve(1);
        return;
      }
      signalled = true;
      logger.info({ signal }, 'shutting down: no new work, in-flight jobs finish or return to the queue');
      service.stop().then(
        () => resolve(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
