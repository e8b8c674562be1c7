CREATE INDEX CONCURRENTLY users_plan_idx ON users (plan);
