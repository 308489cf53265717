/** Cron task names: the first half of every coordination key and the `name` column of schedule_runs. */
export const SCHEDULES = {
  dailyDigest: 'marginiq.daily-digest',
  weeklyDigest: 'marginiq.weekly-digest',
  healthWatch: 'marginiq.health-watch',
  sweeper: 'marginiq.ingestion-sweeper',
  // Issue 15: overdue margin calls to the alert channels, once a day (call.reminders.ts).
  callReminders: 'marginiq.call-reminders',
  // Issue 15: every stored PDF re-read and hash-checked, weekly (archive.verify.ts).
  archiveCheck: 'marginiq.archive-check',
  // Issue 14: reminders and escalations of pending reports (core/alerts/pending.reminders.ts).
  pendingReminders: 'marginiq.pending-reminders',
} as const;
export type ScheduleKey = keyof typeof SCHEDULES;
export type ScheduleName = (typeof SCHEDULES)[ScheduleKey];

/** Fixed crons; the daily digest's comes from DIGEST_CRON. All run in DIGEST_TZ. */
export const WEEKLY_DIGEST_CRON = '0 8 * * 1';
export const HEALTH_WATCH_CRON = '*/5 * * * *';
export const SWEEPER_CRON = '*/5 * * * *';
/** Pending reports are looked at every 5 minutes; each reminder and escalation fires once per report. */
export const PENDING_REMINDERS_CRON = '*/5 * * * *';

/** The state key the health watcher keeps in analytics.health_state. */
export const SERVICE_HEALTH_KEY = 'service';

/** Uploads recorded but not queued for this long are re-enqueued. */
export const STRANDED_AFTER_SECONDS = 60;

/** How long the record of schedule fires (analytics.schedule_runs) is kept; the sweeper prunes older ones. */
export const SCHEDULE_RUNS_KEEP_DAYS = 30;

/** How long taken chat events (analytics.processed_events) are remembered; the sweeper prunes older ones. */
export const PROCESSED_EVENTS_KEEP_DAYS = 7;
