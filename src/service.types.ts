import type { ChatCore } from './core/chat.core.ts';
import type { GatewayRegistry } from './core/ports/chat.ports.ts';
import type { Extractor } from './core/ports/extraction.ports.ts';
import type { HealthSource } from './core/ports/health.ports.ts';
import type { Repositories } from './core/ports/repositories.ports.ts';
import type { Queue } from './jobs/queue.ts';
import type { Metrics } from './observability/metrics.ts';
import type { PlatformAdapter } from './platforms/platform.ts';
import type { Db } from './store/db.ts';

export interface ServiceOverrides {
  /** Stand-ins for the cloud's edges in tests (fetch for Supabase, Graph, connector). */
  fetch?: typeof fetch;
  extractor?: Extractor;
  /** Skip the cron schedules (tests that drive schedules themselves, one-off commands). */
  schedules?: boolean;
  /** Skip the queue workers and the HTTP server: a one-off command that only needs the gateways. */
  background?: boolean;
}

/** A running service: what the CLI stops and what tests reach into. */
export interface Service {
  url: string;
  db: Db;
  repos: Repositories;
  chat: ChatCore;
  queue: Queue;
  metrics: Metrics;
  platforms: PlatformAdapter[];
  gateways: GatewayRegistry;
  health: HealthSource;
  /** Issue 17: homes drawn again after queue changes; `idle` resolves when every change so far is drawn. */
  homes: { idle(): Promise<void> };
  stop(): Promise<void>;
}
