CREATE INDEX CONCURRENTLY accounts_plan_idx ON accounts (plan);
CREATE INDEX accounts_email_idx ON accounts (email);
