import type { Window } from '../digest/analytics.port.ts';
import type {
  ActiveUsers,
  CallCycle,
  FeatureUse,
  ScoreboardRepository,
  UploadFigures,
  UptimeFigures,
  Votes,
} from './scoreboard.port.ts';

const DAY_MS = 86_400_000;

export interface ScoreboardDeps {
  scoreboard: ScoreboardRepository;
  /** MINUTES_SAVED_PER_REPORT (default 10): the time-saved estimate per report. */
  minutesSavedPerReport: number;
  now?: () => Date;
}

/** The product's success figures over one window, and the same window just before it for comparison. */
export interface Scoreboard {
  days: number;
  window: Window;
  uptime: UptimeFigures;
  uploads: UploadFigures;
  users: ActiveUsers;
  features: FeatureUse[];
  votes: Votes;
  reports: number;
  minutesSavedPerReport: number;
  calls: CallCycle;
  previous: { reports: number; uploads: UploadFigures; uptime: UptimeFigures };
}

/** Uptime: time up (ok or degraded) over the time some recorded state covers; null when nothing is recorded. */
export const uptimeRatio = (u: UptimeFigures) => (u.coveredMs > 0 ? (u.okMs + u.degradedMs) / u.coveredMs : null);

/** Error rate: failed or dead uploads over uploads; null with no uploads. */
export const errorRate = (u: UploadFigures) => (u.uploads > 0 ? (u.failed + u.dead) / u.uploads : null);

/** Satisfaction: 👍 over all votes; null with no votes. */
export const satisfaction = (v: Votes) => (v.up + v.down > 0 ? v.up / (v.up + v.down) : null);

export const averageDau = (u: ActiveUsers, days: number) =>
  u.perDay.reduce((s, d) => s + d.users, 0) / Math.max(1, days);

export async function collectScoreboard(deps: ScoreboardDeps, days: number): Promise<Scoreboard> {
  const until = deps.now?.() ?? new Date();
  const window: Window = { since: new Date(until.getTime() - days * DAY_MS), until };
  const before: Window = { since: new Date(window.since.getTime() - days * DAY_MS), until: window.since };
  const r = deps.scoreboard;
  const [uptime, uploads, users, features, votes, reports, calls, prevReports, prevUploads, prevUptime] =
    await Promise.all([
      r.uptime(window),
      r.uploads(window),
      r.activeUsers(window),
      r.featureUse(window),
      r.votes(window),
      r.reports(window),
      r.callCycle(window),
      r.reports(before),
      r.uploads(before),
      r.uptime(before),
    ]);
  return {
    days,
    window,
    uptime,
    uploads,
    users,
    features,
    votes,
    reports,
    minutesSavedPerReport: deps.minutesSavedPerReport,
    calls,
    previous: { reports: prevReports, uploads: prevUploads, uptime: prevUptime },
  };
}
