-- migcompat:ignore MC101 legacy_flag has been unused since 2024-01 (checked in every service)
ALTER TABLE notes DROP COLUMN legacy_flag;
