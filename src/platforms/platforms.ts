import type { Config } from '../config/config.ts';
import type { Card } from '../core/cards/card.model.ts';
import type { ChatCore } from '../core/chat.core.ts';
import type { StatusWindow } from '../core/ops/status.usecases.ts';
import type { FileStorage, Repositories } from '../core/ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { PlatformAdapter } from './platform.ts';

/** The configured chat platforms, each a folder with the same few files; SDKs load only when configured. */
export async function createPlatforms(
  config: Config,
  deps: {
    chat: ChatCore;
    /** The console's status page (issue 15). */
    status?: (user: string, days: StatusWindow) => Promise<Card[]>;
    repos: Repositories;
    storage: FileStorage;
    logger: Logger;
    metrics: Metrics;
    serveHttp: boolean;
    fetch: typeof fetch | undefined;
  },
): Promise<PlatformAdapter[]> {
  const out: PlatformAdapter[] = [];
  const limits = { maxFileBytes: config.limits.maxFileBytes };
  // Platform SDKs load only when configured, so a console-only laptop never pays for them.
  if (config.slack) {
    const { createSlackPlatform } = await import('./slack/slack.app.ts');
    out.push(
      await createSlackPlatform({
        slack: config.slack,
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'slack' }),
        metrics: deps.metrics,
        limits,
        serveHttp: deps.serveHttp,
      }),
    );
  }
  if (config.teams) {
    const { createTeamsPlatform } = await import('./teams/teams.app.ts');
    out.push(
      await createTeamsPlatform({
        teams: config.teams,
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'teams' }),
        metrics: deps.metrics,
        limits,
        serveHttp: deps.serveHttp,
        conversations: deps.repos.conversations,
        outgoingFiles: deps.repos.outgoingFiles,
        storage: deps.storage,
        publicUrl: config.publicUrl,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
    );
  }
  if (config.console.enabled) {
    const { createConsolePlatform, DEFAULT_SAMPLE_PATH } = await import('./console/console.app.ts');
    out.push(
      await createConsolePlatform({
        chat: deps.chat,
        logger: deps.logger.child({ platform: 'console' }),
        limits,
        token: config.console.token,
        platformConfigured: config.console.platformConfigured,
        samplePath: DEFAULT_SAMPLE_PATH,
        status: deps.status,
        serveHttp: deps.serveHttp,
        roles: deps.repos.roles,
        history: deps.repos.consoleMessages,
        storage: deps.storage,
      }),
    );
  }
  return out;
}
