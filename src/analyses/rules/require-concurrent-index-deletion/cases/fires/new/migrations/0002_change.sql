DROP INDEX users_plan_idx;
