/** The record of schedule fires: one row per (name, fire time), the election of the replica that runs it. */
export interface ScheduleRunsRepository {
  /** True for exactly one replica per (name, fire time). */
  claim(name: string, fireTime: Date, replica: string): Promise<boolean>;
  finish(
    name: string,
    fireTime: Date,
    replica: string,
    result: { outcome: 'ok' | 'failed'; durationMs: number; detail?: unknown },
  ): Promise<void>;
  /** Forgets fires before `before`; returns how many. */
  prune(before: Date): Promise<number>;
  /** Other replicas that claimed a fire since then: how one replica sees the others (issue 18). */
  otherReplicasSince(replica: string, since: Date): Promise<string[]>;
}

export interface HealthTransition {
  changed: boolean;
  previous: HealthStatus | null;
  previousSince: string | null;
}

/** The last recorded state of each watched thing (the service), for change alerts and uptime. */
export interface HealthStatesRepository {
  record(name: string, status: HealthStatus, detail: unknown): Promise<HealthTransition>;
  current(name: string): Promise<HealthStatus | undefined>;
}

// ---- Health: one report shared by /health, /margin health, the console and the digest. ----

export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface HealthReport {
  status: HealthStatus;
  checks: Record<string, { status: HealthStatus; detail?: string; latency_ms?: number }>;
  version: string;
  uptime_s: number;
  platforms: string[];
}

export interface HealthSource {
  check(): Promise<HealthReport>;
}
