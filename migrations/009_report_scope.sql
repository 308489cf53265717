-- 009 (issue 18): data scoped to where it was shared. A report belongs to the conversations its
-- uploads were shared in (analytics.ingestions.platform + channel_id, already recorded); these are the
-- channels where the whole book may be posted, and the indexes the scope filter reads.
create table if not exists analytics.risk_channels (
  platform text not null,
  channel_id text not null,
  marked_by text not null,
  marked_at timestamptz not null default now(),
  primary key (platform, channel_id)
);
alter table analytics.risk_channels enable row level security;
drop policy if exists app_all on analytics.risk_channels;
create policy app_all on analytics.risk_channels for all to marginiq_app using (true) with check (true);
grant select, insert, delete on analytics.risk_channels to marginiq_app;

create index if not exists ingestions_conversation_idx on analytics.ingestions (platform, channel_id);
create index if not exists ingestions_duplicate_of_idx on analytics.ingestions (duplicate_of) where duplicate_of is not null;
create index if not exists ingestions_uploaded_by_idx on analytics.ingestions (uploaded_by);
create index if not exists margin_reports_ingestion_idx on analytics.margin_reports (ingestion_id);
create index if not exists report_conflicts_existing_idx on analytics.report_conflicts (existing_report_id);
