-- The view follows the column and keeps its own output name.
ALTER TABLE accounts RENAME COLUMN name TO full_name;
-- Dropping an unread column leaves the view alone.
ALTER TABLE accounts DROP COLUMN email;
