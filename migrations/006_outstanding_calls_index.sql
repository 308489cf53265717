-- 006: /margin calls lists outstanding calls oldest first (issue 15).
create index if not exists margin_calls_outstanding_age_idx on analytics.margin_calls (opened_at, number)
  where state in ('open', 'partially_met', 'disputed');
