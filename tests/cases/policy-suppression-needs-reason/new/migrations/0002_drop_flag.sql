-- migcompat:ignore MC101
ALTER TABLE notes DROP COLUMN legacy_flag;
