-- 008: /margin stats (issue 15): approval turnaround and who decided are read from the index alone
-- (an index-only scan), not from the report rows with their JSON. Replaces 005's plain index.
create index if not exists margin_reports_decided_cover_idx on analytics.margin_reports (decided_at)
  include (created_at, decided_by) where decided_at is not null;
drop index if exists analytics.margin_reports_decided_at_idx;
