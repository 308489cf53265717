-- 011 (issue 14): an edit of a report that has some of its two approvals takes them back (the
-- approver approved other figures), so the application may delete approval rows.
grant delete on analytics.report_approvals to marginiq_app;
