import type { Extractor, JobQueue } from '../core/ports/extraction.ports.ts';
import type { FileStorage } from '../core/ports/files.ports.ts';
import type { HealthReport, HealthStatus } from '../core/ports/health.ports.ts';
import type { Db } from '../store/db.ts';

const worst = (a: HealthStatus, b: HealthStatus): HealthStatus =>
  a === 'down' || b === 'down' ? 'down' : a === 'degraded' || b === 'degraded' ? 'degraded' : 'ok';

async function timed<T>(fn: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The one health report: database round-trip, queue, OCR engine, storage, platforms, version, uptime. */
export function createHealth(deps: {
  db: Db;
  queue?: JobQueue;
  extractor?: Extractor;
  storage: FileStorage;
  platforms: () => string[];
  version: string;
  startedAt: number;
}) {
  return {
    async check(): Promise<HealthReport> {
      const checks: HealthReport['checks'] = {};
      try {
        const latency = await timed(() => deps.db.ping(), 3_000);
        checks.database = {
          status: latency > 1_000 ? 'degraded' : 'ok',
          latency_ms: Math.round(latency),
          detail: deps.db.kind,
        };
      } catch (err) {
        checks.database = { status: 'down', detail: err instanceof Error ? err.message : 'unreachable' };
      }
      if (deps.queue) {
        try {
          const d = await timed(() => deps.queue!.depth(), 3_000);
          checks.queue = {
            status: d.deadLettered > 0 ? 'degraded' : 'ok',
            detail: `${d.queued} queued, ${d.active} active, ${d.deadLettered} dead-lettered`,
          };
        } catch (err) {
          checks.queue = {
            status: checks.database.status === 'down' ? 'down' : 'degraded',
            detail: err instanceof Error ? err.message : 'unavailable',
          };
        }
      }
      if (deps.extractor) {
        checks.ocr = deps.extractor.ocrReady()
          ? { status: 'ok', detail: 'OCR workers loaded' }
          : { status: 'ok', detail: 'OCR workers load on the first scanned page' };
      }
      try {
        await timed(() => deps.storage.ping(), 3_000);
        checks.storage = { status: 'ok', detail: deps.storage.kind };
      } catch (err) {
        checks.storage = { status: 'degraded', detail: err instanceof Error ? err.message : 'unavailable' };
      }
      const status = Object.values(checks).reduce<HealthStatus>((acc, c) => worst(acc, c.status), 'ok');
      return {
        status,
        checks,
        version: deps.version,
        uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
        platforms: deps.platforms(),
      };
    },
  };
}
