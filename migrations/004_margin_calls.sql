-- 004: margin calls as things with a life, and what the scoreboard is computed from.
-- Depends only on 001 (margin_reports, ingestions, health_state); applies whether or not 003 exists.

-- One call per approved report that shows a call or a deficit. `number` is what people type
-- (`/margin call 12`); `id` is what buttons carry. 'overdue' is not stored: it is an open call
-- whose due date has passed, worked out when read, so no job has to flip it on time.
create table if not exists analytics.margin_calls (
  id uuid primary key default gen_random_uuid(),
  number bigint generated always as identity,
  report_id uuid not null references analytics.margin_reports (id),
  account_number text not null,
  currency text not null,
  amount numeric(20, 2) not null,
  outstanding numeric(20, 2) not null,
  due_date date not null,
  due_source text not null,
  state text not null default 'open',
  opened_at timestamptz not null,
  opened_by text not null,
  updated_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by_report_id uuid references analytics.margin_reports (id),
  version integer not null default 1,
  constraint margin_calls_number_key unique (number),
  constraint margin_calls_report_key unique (report_id),
  constraint margin_calls_state_check check (state in ('open', 'partially_met', 'met', 'disputed', 'waived')),
  constraint margin_calls_due_source_check check (due_source in ('document', 'business_days')),
  constraint margin_calls_amount_check check (amount > 0 and outstanding >= 0)
);
create index if not exists margin_calls_outstanding_idx on analytics.margin_calls (account_number, opened_at)
  where state in ('open', 'partially_met', 'disputed');
create index if not exists margin_calls_state_idx on analytics.margin_calls (state, due_date);
create index if not exists margin_calls_resolved_idx on analytics.margin_calls (resolved_at) where state = 'met';

-- Every move of a call: who, when, from and to, amount and note. Append-only like audit_events.
create table if not exists analytics.margin_call_events (
  id bigint generated always as identity primary key,
  call_id uuid not null references analytics.margin_calls (id),
  at timestamptz not null,
  actor text not null,
  from_state text,
  to_state text not null,
  amount numeric(20, 2),
  note text,
  report_id uuid references analytics.margin_reports (id)
);
create index if not exists margin_call_events_call_idx on analytics.margin_call_events (call_id, id);

drop trigger if exists margin_call_events_no_change on analytics.margin_call_events;
create trigger margin_call_events_no_change before update or delete on analytics.margin_call_events
  for each row execute function analytics.audit_events_append_only();

-- Who used what: every command and card action, and shares and decisions, for daily active users
-- and feature adoption. `at` is written by the application (its clock), not by the database.
create table if not exists analytics.usage_events (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  user_id text not null,
  feature text not null
);
create index if not exists usage_events_at_idx on analytics.usage_events (at);

-- 👍 / 👎 on a summary card: one vote per person per upload, changeable.
create table if not exists analytics.summary_votes (
  ingestion_id uuid not null references analytics.ingestions (id),
  user_id text not null,
  vote smallint not null,
  at timestamptz not null,
  primary key (ingestion_id, user_id),
  constraint summary_votes_vote_check check (vote in (-1, 1))
);
create index if not exists summary_votes_at_idx on analytics.summary_votes (at);

-- The health watcher keeps only the last state in health_state; uptime needs every change.
-- A trigger keeps the history, so the watcher's own code does not change.
create table if not exists analytics.health_history (
  id bigint generated always as identity primary key,
  name text not null,
  status text not null,
  at timestamptz not null,
  detail jsonb
);
create index if not exists health_history_name_at_idx on analytics.health_history (name, at);

create or replace function analytics.health_state_history() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status or new.changed_at is distinct from old.changed_at then
    insert into analytics.health_history (name, status, at, detail) values (new.name, new.status, new.changed_at, new.detail);
  end if;
  return new;
end
$$;
drop trigger if exists health_state_keep_history on analytics.health_state;
create trigger health_state_keep_history after insert or update on analytics.health_state
  for each row execute function analytics.health_state_history();

-- Archive verification: the last result per stored file, so the weekly digest can list what changed.
create table if not exists analytics.archive_checks (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  checked integer not null,
  missing jsonb not null,
  changed jsonb not null
);
create index if not exists archive_checks_at_idx on analytics.archive_checks (at desc);

alter table analytics.margin_calls enable row level security;
alter table analytics.margin_call_events enable row level security;
alter table analytics.usage_events enable row level security;
alter table analytics.summary_votes enable row level security;
alter table analytics.health_history enable row level security;
alter table analytics.archive_checks enable row level security;

drop policy if exists app_all on analytics.margin_calls;
create policy app_all on analytics.margin_calls for all to marginiq_app using (true) with check (true);
drop policy if exists app_read on analytics.margin_call_events;
create policy app_read on analytics.margin_call_events for select to marginiq_app using (true);
drop policy if exists app_append on analytics.margin_call_events;
create policy app_append on analytics.margin_call_events for insert to marginiq_app with check (true);
drop policy if exists app_all on analytics.usage_events;
create policy app_all on analytics.usage_events for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.summary_votes;
create policy app_all on analytics.summary_votes for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.health_history;
create policy app_all on analytics.health_history for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.archive_checks;
create policy app_all on analytics.archive_checks for all to marginiq_app using (true) with check (true);

grant select, insert, update on analytics.margin_calls, analytics.summary_votes to marginiq_app;
grant select, insert on analytics.margin_call_events, analytics.usage_events, analytics.health_history,
  analytics.archive_checks to marginiq_app;
