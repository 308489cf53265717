-- 007: trust at decision time (issue 14). Depends only on 001.

-- Reject reasons: the code an approver picked (the comment stays in decision_reason).
alter table analytics.margin_reports add column if not exists decision_reason_code text;
alter table analytics.margin_reports drop constraint if exists margin_reports_decision_reason_code_check;
alter table analytics.margin_reports add constraint margin_reports_decision_reason_code_check check (
  decision_reason_code is null
  or decision_reason_code in ('wrong_account', 'wrong_date', 'wrong_value', 'duplicate', 'not_a_margin_report', 'other')
);
create index if not exists margin_reports_reason_code_idx on analytics.margin_reports (decided_at, decision_reason_code)
  where decision_reason_code is not null;

-- Approvals given so far on a report that needs two (DUAL_APPROVAL_ABOVE): one row per approver,
-- so the same person can never count twice.
create table if not exists analytics.report_approvals (
  report_id uuid not null references analytics.margin_reports (id),
  approver text not null,
  at timestamptz not null default now(),
  primary key (report_id, approver)
);

-- Settings an admin changes from chat (`/margin four-eyes on|off`), overriding the environment.
create table if not exists analytics.app_settings (
  key text primary key,
  value jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- Reminders and escalations of pending reports: the key makes each fire once per report.
create table if not exists analytics.report_reminders (
  report_id uuid not null references analytics.margin_reports (id),
  kind text not null,
  at timestamptz not null,
  primary key (report_id, kind),
  constraint report_reminders_kind_check check (kind in ('remind', 'escalate'))
);

alter table analytics.report_approvals enable row level security;
alter table analytics.app_settings enable row level security;
alter table analytics.report_reminders enable row level security;
drop policy if exists app_all on analytics.report_approvals;
create policy app_all on analytics.report_approvals for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.app_settings;
create policy app_all on analytics.app_settings for all to marginiq_app using (true) with check (true);
drop policy if exists app_all on analytics.report_reminders;
create policy app_all on analytics.report_reminders for all to marginiq_app using (true) with check (true);
grant select, insert on analytics.report_approvals, analytics.report_reminders to marginiq_app;
grant select, insert, update on analytics.app_settings to marginiq_app;
