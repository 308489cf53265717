import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * PGlite is one Postgres in one process: a second process opening the same directory runs its own
 * recovery and writes over the first one's pages. So the embedded database takes an exclusive lock
 * on DATA_DIR — a file created with O_EXCL holding the owner's pid and command — and a second
 * `start`, `worker`, `migrate` or `digest` stops at once, naming the process that holds it.
 */

export const LOCK_FILE = 'marginiq.lock';

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** `marginiq start`, as the user typed it (bin/marginiq.js → marginiq). */
function currentCommand(): string {
  const bin = path.basename(process.argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, '');
  return [bin, ...process.argv.slice(2)].join(' ').slice(0, 200);
}

/** A pid on this host that no longer runs left its lock behind when it crashed. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function refuse(dataDir: string, owner: LockOwner): never {
  const where = owner.host === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} on ${owner.host}`;
  throw new AppError(
    'config.invalid',
    `DATA_DIR: the embedded database in ${dataDir} is in use by \`${owner.command}\` (${where}, since ${owner.since}); ` +
      'stop it first, or give this process its own DATA_DIR or a DATABASE_URL',
    { details: { lock: path.join(dataDir, LOCK_FILE), owner } },
  );
}

export function lockDataDir(dataDir: string, opts: { command?: string } = {}): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: opts.command ?? currentCommand(),
    since: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        const owner = readOwner(file);
        if (owner) refuse(dataDir, owner);
        throw err;
      }
      const owner = readOwner(file);
      // Held by a live process (or one on another host, which cannot be checked from here).
      if (owner && (owner.host !== me.host || alive(owner.pid))) refuse(dataDir, owner);
      // Stale (its process is gone) or unreadable (a crash between create and write): take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another process removed it first; the O_EXCL create below decides who wins.
      }
      continue;
    }
    writeSync(fd, `${JSON.stringify(me)}\n`);
    closeSync(fd);
    break;
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Only our own lock: never remove one another process took over after a stale-lock cleanup.
    if (readOwner(file)?.pid === me.pid) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  // A crash or process.exit still frees the directory for the next start.
  process.once('exit', release);
  return { path: file, release };
}
