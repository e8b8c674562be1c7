ALTER TABLE tasks RENAME COLUMN due_at TO deadline;
