-- MarginIQ schema. Runs unchanged on Supabase, Postgres 15+ and PGlite.
create schema if not exists analytics;

-- The role the application's policies and grants are written for. Roles are cluster-wide,
-- so two databases migrating at once may race to create it: either outcome is fine.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'marginiq_app') then
    create role marginiq_app nologin;
  end if;
exception when duplicate_object or unique_violation then null;
end
$$;

-- The seed table: one row per account and as-of date.
create table if not exists analytics.margin_reports (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  account_number text not null,
  report_date date not null,
  extracted_data jsonb not null,
  extraction_confidence numeric(5, 4),
  data_quality_score numeric(5, 4),
  validation_status text not null default 'pending',
  created_by text,
  processing_time_ms integer,
  source_file_name text,
  constraint margin_reports_account_date_key unique (account_number, report_date),
  constraint margin_reports_status_check check (validation_status in ('pending', 'approved', 'rejected')),
  constraint margin_reports_confidence_check check (extraction_confidence is null or (extraction_confidence >= 0 and extraction_confidence <= 1)),
  constraint margin_reports_quality_check check (data_quality_score is null or (data_quality_score >= 0 and data_quality_score <= 1)),
  constraint margin_reports_processing_time_check check (processing_time_ms is null or processing_time_ms >= 0),
  constraint margin_reports_account_check check (length(account_number) between 1 and 64)
);
create index if not exists margin_reports_report_date_idx on analytics.margin_reports (report_date desc);
create index if not exists margin_reports_status_idx on analytics.margin_reports (validation_status);
create index if not exists margin_reports_created_at_idx on analytics.margin_reports (created_at desc);
create index if not exists margin_reports_account_idx on analytics.margin_reports (account_number, report_date desc);

-- What the product adds beside the seed's columns.
alter table analytics.margin_reports add column if not exists ingestion_id uuid;
alter table analytics.margin_reports add column if not exists needs_review boolean not null default false;
alter table analytics.margin_reports add column if not exists decided_by text;
alter table analytics.margin_reports add column if not exists decided_at timestamptz;
alter table analytics.margin_reports add column if not exists decision_reason text;
alter table analytics.margin_reports add column if not exists version integer not null default 1;

-- Every uploaded file and where it is, so nothing is lost between upload and report.
create table if not exists analytics.ingestions (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  platform text not null,
  source_ref text not null,
  file_name text not null,
  file_size bigint,
  file_hash text,
  storage_key text,
  source_url text,
  channel_id text,
  thread_ref text,
  reply_ref text,
  uploaded_by text,
  status text not null default 'received',
  attempts integer not null default 0,
  error_code text,
  error_message text,
  result jsonb,
  duplicate_of uuid references analytics.ingestions (id),
  processed_at timestamptz,
  constraint ingestions_source_key unique (platform, source_ref),
  constraint ingestions_status_check check (status in ('received', 'queued', 'processing', 'processed', 'duplicate', 'failed', 'dead'))
);
create index if not exists ingestions_status_idx on analytics.ingestions (status, created_at);
create index if not exists ingestions_hash_idx on analytics.ingestions (file_hash);
create index if not exists ingestions_created_at_idx on analytics.ingestions (created_at desc);

-- A report for an account and date that already has one waits here for Replace / Keep existing.
create table if not exists analytics.report_conflicts (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  ingestion_id uuid not null references analytics.ingestions (id),
  existing_report_id uuid not null references analytics.margin_reports (id),
  candidate jsonb not null,
  status text not null default 'open',
  decided_by text,
  decided_at timestamptz,
  constraint report_conflicts_status_check check (status in ('open', 'replaced', 'kept'))
);
create index if not exists report_conflicts_open_idx on analytics.report_conflicts (status) where status = 'open';

-- Who did what, with before and after. Append-only: a trigger refuses updates and deletes.
create table if not exists analytics.audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  reason text,
  context jsonb
);
create index if not exists audit_events_entity_idx on analytics.audit_events (entity_type, entity_id, at);
create index if not exists audit_events_at_idx on analytics.audit_events (at desc);

create or replace function analytics.audit_events_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end
$$;
drop trigger if exists audit_events_no_change on analytics.audit_events;
create trigger audit_events_no_change before update or delete on analytics.audit_events
  for each row execute function analytics.audit_events_append_only();

create table if not exists analytics.user_roles (
  platform_user text primary key,
  role text not null,
  granted_by text not null,
  granted_at timestamptz not null default now(),
  constraint user_roles_role_check check (role in ('viewer', 'analyst', 'approver', 'admin'))
);

create table if not exists analytics.subscriptions (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  platform text not null,
  channel_id text not null,
  kind text not null default 'digest',
  created_by text not null,
  constraint subscriptions_key unique (platform, channel_id, kind),
  constraint subscriptions_kind_check check (kind in ('digest', 'weekly', 'alerts'))
);

-- Where the bot may speak without being spoken to (Teams needs the conversation reference).
create table if not exists analytics.conversations (
  platform text not null,
  conversation_id text not null,
  reference jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (platform, conversation_id)
);

-- One row per schedule fire: the unique key is what lets exactly one replica run it.
create table if not exists analytics.schedule_runs (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  fire_time timestamptz not null,
  replica text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  outcome text not null default 'running',
  duration_ms integer,
  detail jsonb,
  constraint schedule_runs_fire_key unique (name, fire_time),
  constraint schedule_runs_outcome_check check (outcome in ('running', 'ok', 'failed'))
);
create index if not exists schedule_runs_name_idx on analytics.schedule_runs (name, fire_time desc);

-- Last known service state, so the health watcher alerts on changes only.
create table if not exists analytics.health_state (
  name text primary key,
  status text not null,
  changed_at timestamptz not null default now(),
  detail jsonb
);

-- Chat events already taken (Slack retries, double clicks): the key makes the second one a no-op.
create table if not exists analytics.processed_events (
  key text primary key,
  at timestamptz not null default now()
);

-- Row level security on every table, with policies for the application role only.
alter table analytics.margin_reports enable row level security;
alter table analytics.ingestions enable row level security;
alter table analytics.report_conflicts enable row level security;
alter table analytics.audit_events enable row level security;
alter table analytics.user_roles enable row level security;
alter table analytics.subscriptions enable row level security;
alter table analytics.conversations enable row level security;
alter table analytics.schedule_runs enable row level security;
alter table analytics.health_state enable row level security;
alter table analytics.processed_events enable row level security;

drop policy if exists app_all on analytics.margin_reports;
create policy app_all on analytics.margin_reports for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.ingestions;
create policy app_all on analytics.ingestions for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.report_conflicts;
create policy app_all on analytics.report_conflicts for all to marginiq_app using (true) with check (true);
drop policy if exists app_read on analytics.audit_events;
create policy app_read on analytics.audit_events for select to marginiq_app using (true);
drop policy if exists app_append on analytics.audit_events;
create policy app_append on analytics.audit_events for insert to marginiq_app with check (true);
drop policy if exists app_all on analytics.user_roles;
create policy app_all on analytics.user_roles for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.subscriptions;
create policy app_all on analytics.subscriptions for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.conversations;
create policy app_all on analytics.conversations for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.schedule_runs;
create policy app_all on analytics.schedule_runs for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.health_state;
create policy app_all on analytics.health_state for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.processed_events;
create policy app_all on analytics.processed_events for all to marginiq_app using (true) with check (true);

grant usage on schema analytics to marginiq_app;
grant select, insert, update on analytics.margin_reports, analytics.ingestions, analytics.report_conflicts,
  analytics.user_roles, analytics.subscriptions, analytics.conversations, analytics.schedule_runs,
  analytics.health_state, analytics.processed_events to marginiq_app;
grant delete on analytics.user_roles, analytics.subscriptions, analytics.processed_events to marginiq_app;
grant select, insert on analytics.audit_events to marginiq_app;
