CREATE INDEX users_plan_idx ON users (plan);
