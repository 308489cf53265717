-- 005: what /margin stats reads by time (issue 15): decisions by when they were made.
create index if not exists margin_reports_decided_at_idx on analytics.margin_reports (decided_at) where decided_at is not null;
create index if not exists ingestions_uploader_created_idx on analytics.ingestions (created_at, uploaded_by);
