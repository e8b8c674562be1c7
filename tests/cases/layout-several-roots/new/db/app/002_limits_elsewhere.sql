ALTER TABLE accounts DROP COLUMN project_limit;
