-- adds a column to a table that does not exist
ALTER TABLE profiles ADD COLUMN bio TEXT;
