ALTER TABLE users DROP COLUMN name;
ALTER TABLE users ADD COLUMN full_name text;
