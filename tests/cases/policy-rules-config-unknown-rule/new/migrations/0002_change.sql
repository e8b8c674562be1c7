ALTER TABLE notes DROP COLUMN legacy_flag;
