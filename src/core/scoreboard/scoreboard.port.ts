import type { Window } from '../digest/analytics.port.ts';

/** Time the service spent in each recorded health state within a window (from analytics.health_history). */
export interface UptimeFigures {
  okMs: number;
  degradedMs: number;
  downMs: number;
  /** The part of the window some recorded state covers; time before the first record is unknown. */
  coveredMs: number;
  /** Recorded states that count: the one in force at the window's start and every change inside it. */
  states: number;
}

export interface UploadFigures {
  uploads: number;
  failed: number;
  dead: number;
  /** Upload to summary (processing finished; the summary is posted right after), processed uploads only. */
  p50Ms: number | null;
  p95Ms: number | null;
  timed: number;
}

export interface ActiveUsers {
  /** Distinct people who shared, decided or ran a command or card action, per UTC day with any. */
  perDay: { day: string; users: number }[];
  distinct: number;
}

export interface FeatureUse {
  feature: string;
  count: number;
  users: number;
}

export interface Votes {
  up: number;
  down: number;
}

export interface CallCycle {
  met: number;
  medianMs: number | null;
}

/** The SQL behind the scoreboard. The store implements it. */
export interface ScoreboardRepository {
  uptime(w: Window): Promise<UptimeFigures>;
  uploads(w: Window): Promise<UploadFigures>;
  activeUsers(w: Window): Promise<ActiveUsers>;
  featureUse(w: Window): Promise<FeatureUse[]>;
  votes(w: Window): Promise<Votes>;
  /** Reports created (processed) in the window. */
  reports(w: Window): Promise<number>;
  callCycle(w: Window): Promise<CallCycle>;
  /** One use of a feature (`command.stats`, `action.approve`, `action.call_met`), by whom and when. */
  recordUse(input: { at: Date; user: string; feature: string }): Promise<void>;
  /** 👍 (1) or 👎 (-1) on an upload's summary; a second vote by the same person replaces the first. */
  vote(input: { ingestionId: string; user: string; vote: 1 | -1; at: Date }): Promise<void>;
}
