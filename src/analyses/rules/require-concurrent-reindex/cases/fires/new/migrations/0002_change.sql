REINDEX INDEX users_plan_idx;
