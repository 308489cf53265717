-- 012 (issue 14): a report sent back to pending (Replace on a duplicate) waits for approval from
-- then, not from when it was first created: reminders count from pending_since (null = created_at),
-- and its reminder and escalation fires are reset, so the application may delete them.
alter table analytics.margin_reports add column if not exists pending_since timestamptz;
grant delete on analytics.report_reminders to marginiq_app;
