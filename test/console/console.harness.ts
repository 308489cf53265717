import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/config.ts';
import type { ChatGateway } from '../../src/core/ports/chat.ports.ts';
import { type Service, startService } from '../../src/main.ts';

export type ConsoleService = Service & { gateway: ChatGateway };

/**
 * `marginiq start` as a newcomer runs it — no platform configured, so the console is on — on a
 * throwaway DATA_DIR (embedded PGlite, local files) and a free loopback port.
 */
export async function startConsoleService(
  opts: {
    token?: string;
    maxFileMb?: number;
    /** Issue 17: start again on the DATA_DIR of an earlier run (a restart); it is kept on stop. */
    dataDir?: string;
    keepData?: boolean;
  } = {},
): Promise<ConsoleService & { dataDir: string }> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'marginiq-console-'));
  // Global setup's migrated PGlite: copying it is much faster than creating a database.
  const template = process.env.MARGINIQ_PGLITE_TEMPLATE;
  if (!opts.dataDir && template && existsSync(template))
    cpSync(template, path.join(dataDir, 'db'), { recursive: true });
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...(opts.token ? { CONSOLE_TOKEN: opts.token } : {}),
    ...(opts.maxFileMb ? { MAX_FILE_MB: String(opts.maxFileMb) } : {}),
  });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.setting}: ${p.reason}`).join('; '));
  const svc = await startService(loaded.config, pino({ level: loaded.config.logLevel }), 'start', { schedules: false });
  const consolePlatform = svc.platforms.find((p) => p.name === 'console');
  if (!consolePlatform) throw new Error('the console is not on');
  const stop = svc.stop;
  return Object.assign(svc, {
    gateway: consolePlatform.gateway,
    dataDir,
    async stop() {
      await stop();
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
