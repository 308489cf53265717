-- 015 (issue 17): where each person's home was last drawn (Slack App Home, the Teams home card, the
-- console's home message), so a change to the queue made anywhere — another platform, another
-- replica, the worker — draws it again. `due_at` marks a home waiting to be drawn again: a burst of
-- changes marks it once, and the one replica that takes the mark (update … returning) draws it once.
create table if not exists analytics.home_viewers (
  platform text not null,
  user_id text not null,
  -- '' for Slack App Home; the conversation the home card or message is in otherwise.
  channel_id text not null default '',
  surface text not null default 'private' check (surface in ('private', 'conversation')),
  -- The home card's message (Teams activity id, console message id); null for Slack App Home.
  message_ref text,
  seen_at timestamptz not null default now(),
  due_at timestamptz,
  drawn_at timestamptz,
  primary key (platform, user_id, channel_id)
);
create index if not exists home_viewers_seen_idx on analytics.home_viewers (seen_at desc);
create index if not exists home_viewers_due_idx on analytics.home_viewers (due_at) where due_at is not null;

alter table analytics.home_viewers enable row level security;
drop policy if exists app_all on analytics.home_viewers;
create policy app_all on analytics.home_viewers for all to marginiq_app using (true) with check (true);
grant select, insert, update, delete on analytics.home_viewers to marginiq_app;
