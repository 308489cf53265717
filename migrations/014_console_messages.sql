-- 014 (issue 17): the console's conversation lives in the database, so a restart shows the channel's
-- history (pending summaries can still be decided) and a summary posted by a separate `marginiq
-- worker` reaches the page. `rev` grows on every insert and update: a console process reads what
-- changed after the last rev it saw.
create sequence if not exists analytics.console_messages_rev;
create table if not exists analytics.console_messages (
  id text primary key,
  channel_id text not null,
  thread_ref text,
  from_user text not null,
  visible_to text,
  card jsonb,
  body text,
  html text not null,
  file jsonb,
  at timestamptz not null default now(),
  updated_at timestamptz,
  rev bigint not null default nextval('analytics.console_messages_rev')
);
create index if not exists console_messages_channel_at_idx on analytics.console_messages (channel_id, at desc);
create index if not exists console_messages_rev_idx on analytics.console_messages (rev);

alter table analytics.console_messages enable row level security;
drop policy if exists app_all on analytics.console_messages;
create policy app_all on analytics.console_messages for all to marginiq_app using (true) with check (true);
grant select, insert, update, delete on analytics.console_messages to marginiq_app;
grant usage, select on sequence analytics.console_messages_rev to marginiq_app;
