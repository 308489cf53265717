import type { Config } from './config/config.ts';
import { createAccess } from './core/access/roles.ts';
import { createChatCore } from './core/chat.core.ts';
import { createCommandRunner } from './core/commands/command.usecases.ts';
import type { AnalyticsRepository } from './core/digest/analytics.port.ts';
import { createDigests } from './core/digest/digest.usecases.ts';
import { createHomeRefresh } from './core/home/home.refresh.ts';
import { buildHome, type HomeRequest } from './core/home/home.usecases.ts';
import type { IngestDeps } from './core/ingest/ingest.deps.ts';
import type { OpsRepository } from './core/ops/ops.port.ts';
import { type StatusWindow, statusCards } from './core/ops/status.usecases.ts';
import type { GatewayRegistry } from './core/ports/chat.ports.ts';
import type { Extractor, JobQueue } from './core/ports/extraction.ports.ts';
import type { FetcherRegistry, FileStorage } from './core/ports/files.ports.ts';
import type { HealthSource } from './core/ports/health.ports.ts';
import type { Repositories, UnitOfWork } from './core/ports/repositories.ports.ts';
import type { ScoreboardRepository } from './core/scoreboard/scoreboard.port.ts';
import { collectScoreboard } from './core/scoreboard/scoreboard.usecases.ts';
import type { Logger } from './observability/logger.ts';
import { renderScoreboardMetrics } from './observability/scoreboard.metrics.ts';
import { renderChartPng } from './render/chart.png.ts';
import { renderDigestChart } from './render/digest.chart.ts';
import { renderEvidenceCrop } from './render/evidence.crop.ts';
import { fileWriters } from './render/file.writers.ts';

/**
 * Core's use-cases with their adapters plugged into the ports: ingest, decisions, commands,
 * digests. The gateway and fetcher registries are filled later, when the platforms exist.
 */
export function createCoreServices(
  config: Config,
  deps: {
    repos: Repositories;
    uow: UnitOfWork;
    analytics: AnalyticsRepository;
    scoreboard: ScoreboardRepository;
    ops: OpsRepository;
    storage: FileStorage;
    queue: JobQueue;
    extractor: Extractor;
    health: HealthSource;
    gateways: GatewayRegistry;
    fetchers: FetcherRegistry;
    logger: Logger;
  },
) {
  const { repos, uow, analytics, health, gateways } = deps;
  const log = (component: string) => deps.logger.child({ component });
  const access = createAccess({
    admins: config.admins,
    roles: repos.roles,
    riskChannels: repos.riskChannels,
    digestChannels: config.digest.channels,
  });
  // Issue 18: an alert names a report, so beside its own conversation it goes only to risk channels.
  const alertChannels = async () => {
    const subscribed = (await repos.subscriptions.list('alerts')).map((s) => ({
      platform: s.platform as 'slack',
      channelId: s.channelId,
    }));
    const risky = await Promise.all(subscribed.map((c) => access.isRiskChannel(c)));
    return subscribed.filter((_, i) => risky[i]);
  };
  // Issue 17: the viewing user's home (Slack App Home, the Teams home card, `home`), drawn again for
  // the people who may see a change wherever the queue changes (any platform, replica or worker).
  const home = (req: HomeRequest) => buildHome({ access, repos, analytics, health, trust: config.trust }, req);
  const homes = createHomeRefresh({
    viewers: repos.homeViewers,
    access,
    reports: repos.reports,
    gateways,
    home,
    logger: log('home'),
  });
  const ingest: IngestDeps = {
    ...{ repos, uow, storage: deps.storage, queue: deps.queue, extractor: deps.extractor, gateways },
    ...{ fetchers: deps.fetchers, alertChannels, logger: log('ingest') },
    limits: { maxFileBytes: config.limits.maxFileBytes },
    trust: config.trust,
    queueChanged: homes.changed,
  };
  const queueDepth = () => deps.queue.depth();
  const board = { scoreboard: deps.scoreboard, minutesSavedPerReport: config.calls.minutesSavedPerReport };
  const digests = createDigests({
    ...{ analytics, repos, health, queueDepth, gateways, renderChart: renderDigestChart, renderChartPng },
    ...{ channels: config.digest.channels, tz: config.digest.tz, logger: log('digest') },
    ...{ calls: repos.calls, claims: repos.events, scoreboard: board, ops: deps.ops },
  });
  const runCommand = createCommandRunner({
    home,
    queueChanged: homes.changed,
    ...{ repos, uow, access, analytics, health, queueDepth, writers: fileWriters, logger: log('commands') },
    postDigest: (to, { actor, kind }) =>
      kind === 'weekly' ? digests.postWeekly([to], { actor }) : digests.postDaily([to], { scope: 'channel', actor }),
    callDueDays: config.calls.dueDays,
    scoreboard: board,
    ops: deps.ops,
    trust: config.trust,
  });
  const chat = createChatCore({
    ...ingest,
    ...{ access, runCommand, callDueDays: config.calls.dueDays, usage: deps.scoreboard },
    renderCrop: renderEvidenceCrop,
    home,
    homes,
  });
  // Issue 15: the scoreboard's gauges for /metrics, read from the database on each scrape.
  const scoreboardMetrics = async (): Promise<string> => {
    try {
      return renderScoreboardMetrics(await collectScoreboard(board, 7));
    } catch (err) {
      deps.logger.warn({ err }, 'scoreboard metrics unavailable');
      return '';
    }
  };
  // Issue 15: the console's status page.
  const status = (user: string, days: StatusWindow) =>
    statusCards({ access, health, analytics, queueDepth, scoreboard: board, ops: deps.ops }, { user, days });
  return { ingest, digests, chat, scoreboardMetrics, status, homes };
}
