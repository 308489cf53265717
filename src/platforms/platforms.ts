import type { Config } from '../config/config.ts';
import type { Card } from '../core/cards/card.model.ts';
import type { ChatCore } from '../core/chat.core.ts';
import type { StatusWindow } from '../core/ops/status.usecases.ts';
import type { Platform } from '../core/ports/chat.ports.ts';
import type { FileStorage } from '../core/ports/files.ports.ts';
import type { Repositories } from '../core/ports/repositories.ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { type AckGate, createAckGate } from './ack.gate.ts';
import type { PlatformAdapter } from './platform.ts';

/** What every platform folder takes from the composition root, whatever else it needs. */
interface CommonDeps {
  chat: ChatCore;
  logger: Logger;
  metrics: Metrics;
  limits: { maxFileBytes: number };
  serveHttp: boolean;
  acks: AckGate;
}

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
  const { slack, teams } = config;
  // Each configured platform: its own settings on top of the common ones. The import is inside, so a
  // platform's SDK loads only when it is configured (a console-only laptop never pays for them).
  const configured: Record<Platform, ((common: CommonDeps) => Promise<PlatformAdapter>) | undefined> = {
    slack:
      slack && (async (common) => (await import('./slack/slack.app.ts')).createSlackPlatform({ ...common, slack })),
    teams:
      teams &&
      (async (common) =>
        (await import('./teams/teams.app.ts')).createTeamsPlatform({
          ...common,
          teams,
          conversations: deps.repos.conversations,
          outgoingFiles: deps.repos.outgoingFiles,
          storage: deps.storage,
          publicUrl: config.publicUrl,
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
        })),
    console: config.console.enabled
      ? async (common) => {
          const { createConsolePlatform, DEFAULT_SAMPLE_PATH } = await import('./console/console.app.ts');
          return createConsolePlatform({
            ...common,
            token: config.console.token,
            platformConfigured: config.console.platformConfigured,
            samplePath: DEFAULT_SAMPLE_PATH,
            status: deps.status,
            roles: deps.repos.roles,
            history: deps.repos.consoleMessages,
            storage: deps.storage,
          });
        }
      : undefined,
  };
  // One per process: a burst of Slack and Teams requests is answered before the work of any of them.
  const acks = createAckGate();
  const out: PlatformAdapter[] = [];
  for (const [name, create] of Object.entries(configured)) {
    if (!create) continue;
    out.push(
      await create({
        chat: deps.chat,
        logger: deps.logger.child({ platform: name }),
        metrics: deps.metrics,
        limits: { maxFileBytes: config.limits.maxFileBytes },
        serveHttp: deps.serveHttp,
        acks,
      }),
    );
  }
  return out;
}
