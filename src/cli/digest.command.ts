import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { QueueDepth } from '../core/digest/analytics.port.ts';
import { createDigests } from '../core/digest/digest.usecases.ts';
import type { GatewayRegistry } from '../core/ports/chat.ports.ts';
import type { HealthReport, HealthSource } from '../core/ports/health.ports.ts';
import type { Logger } from '../observability/logger.ts';
import { renderDigestChart } from '../render/digest.chart.ts';
import { type Db, openDb } from '../store/db.ts';
import { migrate } from '../store/migrations.runner.ts';
import { createAnalyticsRepository } from '../store/repositories/analytics.repository.ts';
import { createOpsRepository } from '../store/repositories/ops.repository.ts';
import { createScoreboardRepository } from '../store/repositories/scoreboard.repository.ts';
import { createRepositories } from '../store/repositories.ts';

export interface DigestCommandDeps {
  config: Config;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  /** An open database; without it the command opens (and closes) the configured one. */
  db?: Db;
  /** Chat gateways able to post; without them only --dry-run can work. */
  gateways?: GatewayRegistry;
  health?: HealthSource;
  queueDepth?: () => Promise<QueueDepth>;
  now?: () => Date;
}

const USAGE = 'usage: marginiq digest [--dry-run]';

/** Without the service running, health is what this process can see: the database answering. */
function databaseHealth(db: Db): HealthSource {
  return {
    async check(): Promise<HealthReport> {
      const checks: HealthReport['checks'] = {};
      try {
        checks.database = { status: 'ok', latency_ms: Math.round(await db.ping()), detail: db.kind };
      } catch (err) {
        checks.database = { status: 'down', detail: err instanceof Error ? err.message : 'unreachable' };
      }
      return {
        status: checks.database.status,
        checks,
        version: 'cli',
        uptime_s: Math.round(process.uptime()),
        platforms: [],
      };
    },
  };
}

/**
 * `marginiq digest [--dry-run]`: builds the daily digest now. --dry-run prints it and writes the chart
 * to DATA_DIR/digest-YYYY-MM-DD.png; without it, posts to every subscribed channel and DIGEST_CHANNELS.
 */
export async function runDigestCommand(args: string[], deps: DigestCommandDeps): Promise<number> {
  let dryRun = false;
  for (const a of args) {
    if (a === '--dry-run' || a === '-n') dryRun = true;
    else if (a === '--help' || a === '-h') {
      deps.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      deps.stderr.write(`marginiq: digest: unknown argument ${a} (${USAGE})\n`);
      return 2;
    }
  }
  const db = deps.db ?? (await openDb(deps.config.database));
  try {
    await migrate(db);
    const repos = createRepositories(db);
    const analytics = createAnalyticsRepository(db);
    const digests = createDigests({
      analytics,
      repos,
      health: deps.health ?? databaseHealth(db),
      queueDepth: deps.queueDepth ?? (() => analytics.ingestionQueue()),
      gateways: deps.gateways ?? {},
      renderChart: (series) => renderDigestChart(series),
      channels: deps.config.digest.channels,
      tz: deps.config.digest.tz,
      logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
      // Issue 15: the calls due today, and the service's uptime from the health watcher's record
      // (not this process's), both read from the database.
      calls: repos.calls,
      claims: repos.events,
      scoreboard: {
        scoreboard: createScoreboardRepository(db),
        minutesSavedPerReport: deps.config.calls.minutesSavedPerReport,
      },
      ops: createOpsRepository(db),
    });

    if (dryRun) {
      const built = await digests.buildDaily();
      const file = path.join(deps.config.dataDir, `digest-${built.data.day}.png`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, built.chart);
      deps.stdout.write(built.text);
      deps.stdout.write(`\nchart: ${file}\n`);
      return 0;
    }

    const targets = await digests.targets('digest');
    if (targets.length === 0) {
      deps.stderr.write(
        'marginiq: digest: no channel gets the digest (set DIGEST_CHANNELS or run /margin digest here in a channel)\n',
      );
      return 2;
    }
    const reachable = targets.filter((t) => deps.gateways?.[t.platform]);
    if (reachable.length === 0) {
      const platforms = [...new Set(targets.map((t) => t.platform))].join(', ');
      deps.stderr.write(
        `marginiq: digest: this command cannot post to ${platforms} on its own; the running service posts on DIGEST_CRON (use --dry-run to print it, or /margin digest now in a channel)\n`,
      );
      return 2;
    }
    const { delivery } = await digests.postDaily(targets, { scope: 'subscribers', actor: 'cli' });
    deps.stdout.write(
      `posted the digest to ${delivery.posted.length} of ${targets.length} channel${targets.length === 1 ? '' : 's'}\n`,
    );
    for (const f of delivery.failed)
      deps.stderr.write(`marginiq: digest: ${f.to.platform}:${f.to.channelId}: ${f.error}\n`);
    for (const s of delivery.skipped)
      deps.stderr.write(`marginiq: digest: ${s.platform}:${s.channelId}: ${s.platform} is not configured\n`);
    return delivery.posted.length > 0 ? 0 : 1;
  } finally {
    if (!deps.db) await db.close().catch(() => {});
  }
}
