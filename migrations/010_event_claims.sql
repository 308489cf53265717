-- 010 (issue 18): a chat event is taken with a claim that lasts while its handler runs. A handler
-- that fails releases it and one that crashes leaves a claim that expires, so Slack's or Teams's
-- redelivery is handled; only a finished handler marks it done. Old rows are pruned by the sweeper.
alter table analytics.processed_events add column if not exists state text not null default 'done';
alter table analytics.processed_events drop constraint if exists processed_events_state_check;
alter table analytics.processed_events add constraint processed_events_state_check check (state in ('claimed', 'done'));
create index if not exists processed_events_at_idx on analytics.processed_events (at);
