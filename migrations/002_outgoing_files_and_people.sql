-- 002: files MarginIQ hands to chat users (Teams exports by link or consent card, the digest chart),
-- recorded in the database with their bytes in file storage, so any replica can serve the link or
-- finish the consent click; and the grant the sweeper needs to prune old schedule fires.

create table if not exists analytics.outgoing_files (
  token text primary key,
  platform text not null,
  channel_id text not null,
  thread_ref text,
  file_key text not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  title text,
  comment text,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index if not exists outgoing_files_expiry_idx on analytics.outgoing_files (expires_at);

alter table analytics.outgoing_files enable row level security;
drop policy if exists app_all on analytics.outgoing_files;
create policy app_all on analytics.outgoing_files for all to marginiq_app using (true) with check (true);

grant select, insert, delete on analytics.outgoing_files to marginiq_app;
grant delete on analytics.schedule_runs to marginiq_app;

-- The names people go by, as their platform last told us (Teams sends it with every activity, Slack
-- with every click and command), so a card says "Approved by Dana Reyes" rather than an id.
create table if not exists analytics.people (
  user_id text primary key,
  display_name text not null,
  updated_at timestamptz not null default now()
);
alter table analytics.people enable row level security;
drop policy if exists app_all on analytics.people;
create policy app_all on analytics.people for all to marginiq_app using (true) with check (true);
grant select, insert, update on analytics.people to marginiq_app;
