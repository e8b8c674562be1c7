ALTER TABLE notes DROP COLUMN legacy_flag; -- migcompat:ignore MC102 nothing is renamed here
