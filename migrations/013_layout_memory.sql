-- 013 (issue 16): layout memory. A layout is known by the fingerprint of the first statement of it
-- that an approver corrected; each rule says where one field is printed on it. Per workspace, with
-- who taught it, when, and from which report (or file, for `marginiq teach`). Admins list and delete
-- them (`/margin layouts`, `/margin forget`); both are in the audit trail.
create table if not exists analytics.layouts (
  workspace text not null,
  id text not null,
  name text not null,
  fingerprint jsonb not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (workspace, id)
);

create table if not exists analytics.layout_rules (
  id bigint generated always as identity primary key,
  workspace text not null,
  layout_id text not null,
  field text not null,
  -- Where on the layout the rule looks (anchor, label, column, figure, sign): one rule per place and field.
  place text not null,
  rule jsonb not null,
  report_id uuid references analytics.margin_reports (id) on delete set null,
  file_name text,
  taught_by text not null,
  taught_at timestamptz not null default now(),
  constraint layout_rules_layout_fk foreign key (workspace, layout_id)
    references analytics.layouts (workspace, id) on delete cascade,
  constraint layout_rules_field_check check (field in ('total_equity', 'maintenance_requirement',
    'initial_requirement', 'excess_liquidity', 'margin_call', 'buying_power', 'cash_balance',
    'long_market_value', 'short_market_value', 'sma')),
  constraint layout_rules_place_unique unique (workspace, layout_id, field, place)
);
create index if not exists layout_rules_layout_idx on analytics.layout_rules (workspace, layout_id, taught_at desc);

alter table analytics.layouts enable row level security;
alter table analytics.layout_rules enable row level security;
drop policy if exists app_all on analytics.layouts;
create policy app_all on analytics.layouts for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.layout_rules;
create policy app_all on analytics.layout_rules for all to marginiq_app using (true) with check (true);
grant select, insert, update, delete on analytics.layouts, analytics.layout_rules to marginiq_app;
